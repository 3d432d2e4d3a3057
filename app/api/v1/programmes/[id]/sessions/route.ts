import { apiRoute, json, readJson } from "@/lib/api/route";
import { addDirectWorkSession } from "@/lib/children/direct-work/sessions";

// POST /api/v1/programmes/:id/sessions – add a session within the plan's number and dates (409 once the plan is full: extend it first)
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await addDirectWorkSession(user, params.id, await readJson(request)), 201),
);
