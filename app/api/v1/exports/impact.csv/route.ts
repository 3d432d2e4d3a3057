import { apiRoute, searchParamsOf } from "@/lib/api/route";
import { loadImpactReport, parseImpactFilters } from "@/lib/impact/impact-report";
import { impactCsv } from "@/lib/impact/impact-csv";

// GET /api/v1/exports/impact.csv?from=&to=&audience= – the impact report as CSV, hidden counts as "hidden".
export const GET = apiRoute(async ({ user, request }) => {
  const filters = parseImpactFilters(searchParamsOf(request));
  const { filename, body } = impactCsv(await loadImpactReport(user, filters));
  return new Response(`\uFEFF${body}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
