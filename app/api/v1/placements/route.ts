import { apiRoute, json, readJson, searchParamsOf } from "@/lib/api/route";
import { parsePageQuery } from "@/lib/api/pagination";
import { placementFiltersSchema } from "@/lib/validations/placement";
import { listPlacementsPage } from "@/lib/placements/list-placements";
import { createPlacement } from "@/lib/placements/create-placement";

// GET /api/v1/placements – the placements the caller may see (?status=&universityId=&practiceEducatorId=&q=),
// a page at a time in (updatedAt, id) order (?updatedSince=&limit=&cursor=); university API tokens may read it
export const GET = apiRoute(
  async ({ user, request }) => {
    const query = searchParamsOf(request);
    return listPlacementsPage(user, placementFiltersSchema.parse(query), parsePageQuery(query));
  },
  { apiToken: true },
);

// POST /api/v1/placements – create a placement (admin)
export const POST = apiRoute(async ({ user, request }) =>
  json(await createPlacement(user, await readJson(request)), 201),
);
