import { apiRoute, json, readJson } from "@/lib/api/route";
import { getFinalAssessment } from "@/lib/portfolio/get-final-assessment";
import {
  saveFinalAssessmentPeParts,
  saveFinalReflection,
  startFinalAssessment,
} from "@/lib/portfolio/write-final-assessment";

// GET /api/v1/placements/:id/final-assessment – the final assessment (or null), the PCF domains, the warning and what the caller may do
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => getFinalAssessment(user, params.id));

// POST /api/v1/placements/:id/final-assessment – the current PE starts it (one per placement: a second is a 409)
export const POST = apiRoute<{ id: string }>(async ({ user, params }) =>
  json(await startFinalAssessment(user, params.id), 201),
);

// PATCH /api/v1/placements/:id/final-assessment – the PE's parts ({ version, … }) or the student's reflection ({ reflectionVersion, studentReflection })
export const PATCH = apiRoute<{ id: string }>(async ({ user, request, params }) => {
  const body = await readJson(request);
  const isReflection =
    typeof body === "object" && body !== null && ("studentReflection" in body || "reflectionVersion" in body);
  return isReflection ? saveFinalReflection(user, params.id, body) : saveFinalAssessmentPeParts(user, params.id, body);
});
