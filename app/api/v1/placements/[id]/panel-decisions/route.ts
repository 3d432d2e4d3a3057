import { apiRoute } from "@/lib/api/route";
import { panelDecisionsOfPlacement } from "@/lib/panels/panels";

// GET /api/v1/placements/:id/panel-decisions – the practice assessment panels' decisions on the final assessment.
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => panelDecisionsOfPlacement(user, params.id), {
  apiToken: true,
});
