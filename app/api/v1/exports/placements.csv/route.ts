import { apiRoute, csvResponse, searchParamsOf } from "@/lib/api/route";
import { placementsCsv } from "@/lib/progress/progress-api";
import { parseDashboardFilters } from "@/lib/progress/dashboard-filters";

// GET /api/v1/exports/placements.csv – the dashboard table as CSV, with the dashboard's filters.
export const GET = apiRoute(
  async ({ user, request }) => {
    const { filename, body } = await placementsCsv(user, parseDashboardFilters(searchParamsOf(request)));
    return csvResponse(filename, body);
  },
  { apiToken: true },
);
