import { apiRoute, readJson } from "@/lib/api/route";
import { recordDirectWorkSession } from "@/lib/children/direct-work/sessions";

// PATCH /api/v1/programme-sessions/:sessionId – record what happened at a direct-work session (attended / did not attend / cancelled by whom), with the version it started from
export const PATCH = apiRoute<{ sessionId: string }>(async ({ user, request, params }) =>
  recordDirectWorkSession(user, params.sessionId, await readJson(request)),
);
