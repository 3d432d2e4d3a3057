import { apiRoute, readJson } from "@/lib/api/route";
import { signFinalAssessment } from "@/lib/portfolio/sign-final-assessment";

// POST /api/v1/final-assessments/:id/sign – { as: "PRACTICE_EDUCATOR" | "STUDENT" | "ONSITE_SUPERVISOR", version? }
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  signFinalAssessment(user, params.id, await readJson(request)),
);
