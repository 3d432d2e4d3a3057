import { apiRoute } from "@/lib/api/route";
import { listAwaitingRatification } from "@/lib/portfolio/ratification-queue";

// GET /api/v1/ratification – a stage 2 PE's queue of final assessments awaiting ratification
export const GET = apiRoute(async ({ user }) => listAwaitingRatification(user));
