import { apiRoute, searchParamsOf } from "@/lib/api/route";
import { listProgress } from "@/lib/progress/progress-api";

// GET /api/v1/progress – progress of the placements the caller may see
// (?programme=&cohort=&council=&university=&status=&rag=&placementId=&limit=&cursor=). University API tokens may call it.
export const GET = apiRoute(async ({ user, request }) => listProgress(user, searchParamsOf(request)), {
  apiToken: true,
});
