import { apiRoute, json, readJson } from "@/lib/api/route";
import { submitFeedbackInPerson } from "@/lib/children/direct-work/feedback";

// POST /api/v1/programme-sessions/:sessionId/feedback – the child's feedback given in person on the student's device
export const POST = apiRoute<{ sessionId: string }>(async ({ user, request, params }) =>
  json(await submitFeedbackInPerson(user, params.sessionId, await readJson(request)), 201),
);
