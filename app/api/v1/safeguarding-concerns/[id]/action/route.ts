import { apiRoute, readJson } from "@/lib/api/route";
import { recordSafeguardingAction } from "@/lib/children/safeguarding";

// POST /api/v1/safeguarding-concerns/:id/action – record the action taken (admin or overseeing PE): the concern becomes ACTIONED and leaves the open lists
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  recordSafeguardingAction(user, params.id, await readJson(request)),
);
