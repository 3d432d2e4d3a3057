import { apiRoute, searchParamsOf } from "@/lib/api/route";
import { parsePageQuery } from "@/lib/api/pagination";
import { listMilestonesPage, milestoneFiltersSchema } from "@/lib/integration/list-milestones";

// GET /api/v1/milestones – learning agreements, midpoint and final reviews of the placements the caller may see
// (?placementId=&kind=&updatedSince=&limit=&cursor=); university API tokens may read it
export const GET = apiRoute(
  async ({ user, request }) => {
    const query = searchParamsOf(request);
    return listMilestonesPage(user, milestoneFiltersSchema.parse(query), parsePageQuery(query));
  },
  { apiToken: true },
);
