import { apiRoute, csvResponse } from "@/lib/api/route";
import { qaplBoardCsv } from "@/lib/qapl/qapl";

// GET /api/v1/exports/qapl.csv – the QAPL board's overview (aggregates only) as CSV.
export const GET = apiRoute(
  async ({ user }) => {
    const { filename, body } = await qaplBoardCsv(user);
    return csvResponse(filename, body);
  },
  { apiToken: true },
);
