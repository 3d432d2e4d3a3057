import { apiRoute, csvResponse, searchParamsOf } from "@/lib/api/route";
import { loadImpactReport, parseImpactFilters } from "@/lib/impact/impact-report";
import { impactCsv } from "@/lib/impact/impact-csv";

// GET /api/v1/exports/impact.csv?from=&to=&audience= – the impact report as CSV, hidden counts as "hidden".
export const GET = apiRoute(async ({ user, request }) => {
  const filters = parseImpactFilters(searchParamsOf(request));
  const { filename, body } = impactCsv(await loadImpactReport(user, filters));
  return csvResponse(filename, body);
});
