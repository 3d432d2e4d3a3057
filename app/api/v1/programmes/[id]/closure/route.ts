import { apiRoute, readJson } from "@/lib/api/route";
import { closeDirectWorkProgramme } from "@/lib/children/direct-work/plans";

// POST /api/v1/programmes/:id/closure – close the direct-work programme with a closing summary; the body names the version it started from
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  closeDirectWorkProgramme(user, params.id, await readJson(request)),
);
