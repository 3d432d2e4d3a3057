import { apiRoute, readJson } from "@/lib/api/route";
import { setGoals } from "@/lib/children/programmes";

// PUT /api/v1/programmes/:id/goals – set the (up to three) goals agreed with the child, in order
export const PUT = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  setGoals(user, params.id, await readJson(request)),
);
