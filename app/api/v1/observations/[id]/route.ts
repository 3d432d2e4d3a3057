import { apiRoute, readJson } from "@/lib/api/route";
import { getObservation, updateObservation } from "@/lib/portfolio/observations";

// GET /api/v1/observations/:id – one observation, the PCF domains in force on its date, and what the caller may write
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => getObservation(user, params.id));

// PATCH /api/v1/observations/:id – one part: plan or feedback (the observer), preparation or reflection (the student)
export const PATCH = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  updateObservation(user, params.id, await readJson(request)),
);
