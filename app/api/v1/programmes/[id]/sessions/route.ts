import { apiRoute, json, readJson } from "@/lib/api/route";
import { addProgrammeSession } from "@/lib/children/programmes";

// POST /api/v1/programmes/:id/sessions – add a session within the plan's number and dates (409 once the plan is full: extend it first)
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await addProgrammeSession(user, params.id, await readJson(request)), 201),
);
