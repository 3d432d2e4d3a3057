import { apiRoute, readJson } from "@/lib/api/route";
import { scoreGoal } from "@/lib/children/programmes";

// PATCH /api/v1/programmes/:id/goals/:goalId – record the child's 0–10 score for a goal at START, REVIEW or END
export const PATCH = apiRoute<{ id: string; goalId: string }>(async ({ user, request, params }) =>
  scoreGoal(user, params.goalId, await readJson(request), { programmeId: params.id }),
);
