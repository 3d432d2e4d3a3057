import { apiRoute, searchParamsOf } from "@/lib/api/route";
import { listMilestonesPage } from "@/lib/integration/list-milestones";

// GET /api/v1/milestones – learning agreements, midpoint and final reviews of the placements the caller may see
// (?placementId=&kind=&updatedSince=&limit=&cursor=); university API tokens may read it
export const GET = apiRoute(async ({ user, request }) => listMilestonesPage(user, searchParamsOf(request)), {
  apiToken: true,
});
