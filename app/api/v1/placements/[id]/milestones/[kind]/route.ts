import { apiRoute, json, readJson } from "@/lib/api/route";
import { recordMilestone } from "@/lib/portfolio/milestones";

// PUT /api/v1/placements/:id/milestones/:kind – record the meeting (no version: 201) or edit it (with its version: 200)
export const PUT = apiRoute<{ id: string; kind: string }>(async ({ user, request, params }) => {
  const result = await recordMilestone(user, params.id, params.kind, await readJson(request));
  return json(result, result.created ? 201 : 200);
});
