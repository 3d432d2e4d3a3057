import { apiRoute, json, readJson } from "@/lib/api/route";
import { listObservations, planObservation } from "@/lib/portfolio/observations";

// GET /api/v1/placements/:id/observations – the placement's direct observations and progress ("2 of 3 done")
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => listObservations(user, params.id));

// POST /api/v1/placements/:id/observations – the current PE or on-site supervisor plans an observation they will make
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await planObservation(user, params.id, await readJson(request)), 201),
);
