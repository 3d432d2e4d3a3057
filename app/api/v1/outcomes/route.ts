import { apiRoute, searchParamsOf } from "@/lib/api/route";
import { parseIdPageQuery } from "@/lib/api/pagination";
import { listOutcomes, parseOutcomeFilters } from "@/lib/outcomes/outcomes";

// GET /api/v1/outcomes – placement outcomes of the university's students
// (?cohort=&programme=&placementId=&limit=&cursor=). University API tokens may call it.
export const GET = apiRoute(
  async ({ user, request }) => {
    const query = searchParamsOf(request);
    return listOutcomes(user, parseOutcomeFilters(query), parseIdPageQuery(query));
  },
  { apiToken: true },
);
