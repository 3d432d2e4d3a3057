import { apiRoute, json, readJson } from "@/lib/api/route";
import { getSupervisionLog } from "@/lib/supervision/get-supervision-log";
import { recordSupervision } from "@/lib/supervision/record-supervision";

// GET /api/v1/placements/:id/supervision – the supervision records the caller may read (oldest first), the cadence and open actions
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  const log = await getSupervisionLog(user, params.id);
  return {
    placement: log.placement,
    records: log.records,
    cadence: log.cadence,
    openActions: log.openActions,
    hiddenRecords: log.hiddenRecords,
  };
});

// POST /api/v1/placements/:id/supervision – record a session as a draft (the current PE, active placement only)
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await recordSupervision(user, params.id, await readJson(request)), 201),
);
