import { apiRoute, csvResponse, searchParamsOf } from "@/lib/api/route";
import { outcomesCsv, parseOutcomeFilters } from "@/lib/outcomes/outcomes";

// GET /api/v1/exports/outcomes.csv – placement outcomes as CSV (?cohort=&programme=).
export const GET = apiRoute(
  async ({ user, request }) => {
    const { filename, body } = await outcomesCsv(user, parseOutcomeFilters(searchParamsOf(request)));
    return csvResponse(filename, body);
  },
  { apiToken: true },
);
