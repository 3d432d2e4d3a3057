import { apiRoute, readJson } from "@/lib/api/route";
import { reviewEvidence } from "@/lib/portfolio/review-evidence";

// POST /api/v1/evidence/:id/review – the current PE: { decision: "COMMENT" | "CHANGES_REQUESTED" | "ACCEPTED", comment, version? }
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  reviewEvidence(user, params.id, await readJson(request)),
);
