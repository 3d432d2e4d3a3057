import { apiRoute, readJson } from "@/lib/api/route";
import { recordProgrammeSession } from "@/lib/children/programmes";

// PATCH /api/v1/programme-sessions/:sessionId – record what happened at a session (attended / did not attend / cancelled by whom), with the version it started from
export const PATCH = apiRoute<{ sessionId: string }>(async ({ user, request, params }) =>
  recordProgrammeSession(user, params.sessionId, await readJson(request)),
);
