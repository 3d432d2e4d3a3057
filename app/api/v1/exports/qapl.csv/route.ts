import { apiRoute } from "@/lib/api/route";
import { qaplBoardCsv } from "@/lib/qapl/qapl";

// GET /api/v1/exports/qapl.csv – the QAPL board's overview (aggregates only) as CSV.
export const GET = apiRoute(
  async ({ user }) => {
    const { filename, body } = await qaplBoardCsv(user);
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
