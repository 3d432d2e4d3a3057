import { apiRoute, json } from "@/lib/api/route";
import { createFeedbackLink } from "@/lib/children/direct-work/feedback";

// POST /api/v1/programme-sessions/:sessionId/feedback-links – a carer's one-time link (7 days); the token is in this response only, never again
export const POST = apiRoute<{ sessionId: string }>(async ({ user, params }) =>
  json(await createFeedbackLink(user, params.sessionId), 201),
);
