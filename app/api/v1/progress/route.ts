import { apiRoute, searchParamsOf } from "@/lib/api/route";
import { parseIdPageQuery } from "@/lib/api/pagination";
import { parseDashboardFilters } from "@/lib/progress/dashboard-filters";
import { listProgress } from "@/lib/progress/progress-api";

// GET /api/v1/progress – progress of the placements the caller may see
// (?programme=&cohort=&team=&university=&status=&rag=&placementId=&limit=&cursor=). University API tokens may call it.
export const GET = apiRoute(
  async ({ user, request }) => {
    const query = searchParamsOf(request);
    return listProgress(user, parseDashboardFilters(query), parseIdPageQuery(query));
  },
  { apiToken: true },
);
