import { apiRoute, json, readJson } from "@/lib/api/route";
import { listPlacementEvidence } from "@/lib/portfolio/read-evidence";
import { createEvidence } from "@/lib/portfolio/write-evidence";

// GET /api/v1/placements/:id/evidence – the placement's evidence the caller may read (tutors: not drafts) and its PCF coverage
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => listPlacementEvidence(user, params.id));

// POST /api/v1/placements/:id/evidence – the student adds a draft (201; `warning` names a child's code when the text seems to hold their name)
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await createEvidence(user, params.id, await readJson(request)), 201),
);
