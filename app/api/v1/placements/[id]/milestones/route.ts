import { apiRoute } from "@/lib/api/route";
import { getMilestones } from "@/lib/portfolio/milestones";

// GET /api/v1/placements/:id/milestones – learning agreement, midpoint and final review: due dates, states, records
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => getMilestones(user, params.id));
