import { apiRoute, readJson } from "@/lib/api/route";
import { extendDirectWorkProgramme } from "@/lib/children/direct-work/plans";

// POST /api/v1/programmes/:id/extension – extend the plan by more weekly sessions; the body names the version it started from
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  extendDirectWorkProgramme(user, params.id, await readJson(request)),
);
