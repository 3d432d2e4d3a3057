import { apiRoute } from "@/lib/api/route";
import { getPlacementProgress } from "@/lib/progress/progress-api";

// GET /api/v1/placements/:id/progress – one placement's progress. University API tokens may call it.
export const GET = apiRoute<{ id: string }>(
  async ({ user, params }) => ({ progress: await getPlacementProgress(user, params.id) }),
  { apiToken: true },
);
