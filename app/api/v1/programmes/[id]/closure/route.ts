import { apiRoute, readJson } from "@/lib/api/route";
import { closeProgramme } from "@/lib/children/programmes";

// POST /api/v1/programmes/:id/closure – close the programme with a closing summary; the body names the version it started from
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  closeProgramme(user, params.id, await readJson(request)),
);
