import { apiRoute, searchParamsOf } from "@/lib/api/route";
import { outcomesCsv, parseOutcomeFilters } from "@/lib/outcomes/outcomes";

// GET /api/v1/exports/outcomes.csv – placement outcomes as CSV (?cohort=&programme=).
export const GET = apiRoute(
  async ({ user, request }) => {
    const { filename, body } = await outcomesCsv(user, parseOutcomeFilters(searchParamsOf(request)));
    // A byte-order mark, so Excel reads the file as UTF-8.
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
