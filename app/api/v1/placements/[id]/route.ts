import { apiRoute, readJson } from "@/lib/api/route";
import { getPlacement } from "@/lib/placements/get-placement";
import { updatePlacement } from "@/lib/placements/update-placement";

// GET /api/v1/placements/:id – one placement with its PE history, attendance and days summary; university API tokens may read it
export const GET = apiRoute<{ id: string }>(
  async ({ user, params }) => ({ placement: await getPlacement(user, params.id) }),
  { apiToken: true },
);

// PATCH /api/v1/placements/:id – edit details or status (admin); the body names the version it started from (409 if stale)
export const PATCH = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  updatePlacement(user, params.id, await readJson(request)),
);
