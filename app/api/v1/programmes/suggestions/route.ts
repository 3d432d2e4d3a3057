import { apiRoute } from "@/lib/api/route";
import { listSuggestionTree } from "@/lib/children/direct-work/suggestions";

// GET /api/v1/programmes/suggestions – every "what could be better?" answer across the team, anonymised, grouped by session theme (admin, PEs)
export const GET = apiRoute(async ({ user }) => listSuggestionTree(user));
