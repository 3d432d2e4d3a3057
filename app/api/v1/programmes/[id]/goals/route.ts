import { apiRoute, readJson } from "@/lib/api/route";
import { setDirectWorkGoals } from "@/lib/children/direct-work/goals";

// PUT /api/v1/programmes/:id/goals – set the (up to three) goals agreed with the child, in order
export const PUT = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  setDirectWorkGoals(user, params.id, await readJson(request)),
);
