import { apiRoute, readJson } from "@/lib/api/route";
import { getAssessment, updateAssessment } from "@/lib/children/assessments";

// GET /api/v1/assessments/:id – one child and family assessment, its due state against the 45 working days, the child (name only where allowed; the read is audited) and what the caller may do
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => getAssessment(user, params.id));

// PATCH /api/v1/assessments/:id – record status, outcome and completion date (allocated student, overseeing PE, admin); the body names the version it started from (409 if stale)
export const PATCH = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  updateAssessment(user, params.id, await readJson(request)),
);
