import { apiRoute, readJson } from "@/lib/api/route";
import { extendProgramme } from "@/lib/children/programmes";

// POST /api/v1/programmes/:id/extension – extend the plan by more weekly sessions; the body names the version it started from
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  extendProgramme(user, params.id, await readJson(request)),
);
