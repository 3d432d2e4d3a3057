import { apiRoute, readJson } from "@/lib/api/route";
import { ratifyFinalAssessment } from "@/lib/portfolio/sign-final-assessment";

// POST /api/v1/final-assessments/:id/ratify – a PEPS stage 2 PE of the team, not the assessor; no body, or JSON { version }
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) => {
  const body = request.headers.get("content-type") ? await readJson(request) : {};
  return ratifyFinalAssessment(user, params.id, body);
});
