import { apiRoute, readJson } from "@/lib/api/route";
import { recordSafeguardingResponse } from "@/lib/children/safeguarding";

// POST /api/v1/safeguarding-concerns/:id/action – record the action taken (admin or overseeing PE): the concern becomes ACTIONED and leaves the open lists
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  recordSafeguardingResponse(user, params.id, await readJson(request)),
);
