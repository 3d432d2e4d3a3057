import { apiRoute, json, readJson } from "@/lib/api/route";
import { listConcerns, raiseConcern } from "@/lib/portfolio/concerns";

// GET /api/v1/placements/:id/concerns – the placement's causes for concern, newest first
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => listConcerns(user, params.id));

// POST /api/v1/placements/:id/concerns – raise a cause for concern (PE, on-site supervisor, student, tutor)
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await raiseConcern(user, params.id, await readJson(request)), 201),
);
