import { apiRoute, readJson } from "@/lib/api/route";
import { setSupervisionActionStatus } from "@/lib/supervision/set-supervision-action-status";

// PATCH /api/v1/supervision-actions/:actionId – mark an agreed action DONE, DROPPED or OPEN again (current PE or the student)
export const PATCH = apiRoute<{ actionId: string }>(async ({ user, request, params }) =>
  setSupervisionActionStatus(user, params.actionId, await readJson(request)),
);
