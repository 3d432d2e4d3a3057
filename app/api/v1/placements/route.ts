import { apiRoute, json, readJson, searchParamsOf } from "@/lib/api/route";
import { listPlacements } from "@/lib/placements/list-placements";
import { createPlacement } from "@/lib/placements/create-placement";
import { placementFiltersSchema } from "@/lib/validations/placement";

// GET /api/v1/placements – the placements the caller may see (?status=&universityId=&practiceEducatorId=&q=)
export const GET = apiRoute(async ({ user, request }) => {
  const filters = placementFiltersSchema.parse(searchParamsOf(request));
  return { placements: await listPlacements(user, filters) };
});

// POST /api/v1/placements – create a placement (admin)
export const POST = apiRoute(async ({ user, request }) => json(await createPlacement(user, await readJson(request)), 201));
