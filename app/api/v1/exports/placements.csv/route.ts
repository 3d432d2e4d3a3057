import { apiRoute, searchParamsOf } from "@/lib/api/route";
import { placementsCsv } from "@/lib/progress/progress-api";
import { parseDashboardFilters } from "@/lib/progress/dashboard-filters";

// GET /api/v1/exports/placements.csv – the dashboard table as CSV, with the dashboard's filters.
export const GET = apiRoute(
  async ({ user, request }) => {
    const { filename, body } = await placementsCsv(user, parseDashboardFilters(searchParamsOf(request)));
    // A byte-order mark, so Excel reads the file as UTF-8 (names with accents survive).
    return new Response(`\uFEFF${body}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
  { apiToken: true },
);
