import { apiRoute, json, readJson } from "@/lib/api/route";
import { getSupervisionLog } from "@/lib/supervision/supervision-records";
import { recordSupervision } from "@/lib/supervision/write-supervision";

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
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) => {
  const body = await readJson(request);
  const input = body && typeof body === "object" && !Array.isArray(body) ? { ...body, placementId: params.id } : body;
  return json(await recordSupervision(user, input), 201);
});
