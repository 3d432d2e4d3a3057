import { apiRoute, readJson } from "@/lib/api/route";
import { scoreDirectWorkGoal } from "@/lib/children/direct-work/goals";

// PATCH /api/v1/programmes/:id/goals/:goalId – record the child's 0–10 score for a goal at START, REVIEW or END
export const PATCH = apiRoute<{ id: string; goalId: string }>(async ({ user, request, params }) =>
  scoreDirectWorkGoal(user, params.goalId, await readJson(request), params.id),
);
