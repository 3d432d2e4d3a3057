import { apiRoute, json, readJson } from "@/lib/api/route";
import { assignPracticeEducator } from "@/lib/placements/assign-practice-educator";

// POST /api/v1/placements/:id/practice-educators – hand the placement to a new PE from a date (admin)
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await assignPracticeEducator(user, params.id, await readJson(request)), 201),
);
