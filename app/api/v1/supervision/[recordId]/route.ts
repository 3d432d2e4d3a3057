import { apiRoute, readJson } from "@/lib/api/route";
import { getSupervisionRecord } from "@/lib/supervision/get-supervision-record";
import { updateSupervisionNotes } from "@/lib/supervision/update-supervision-notes";

// GET /api/v1/supervision/:recordId – one record, the open actions carried forward to it, and what the caller may do
export const GET = apiRoute<{ recordId: string }>(async ({ user, params }) =>
  getSupervisionRecord(user, params.recordId),
);

// PATCH /api/v1/supervision/:recordId – edit a draft's notes and actions (current PE); the body names the version it started from (409 if stale)
export const PATCH = apiRoute<{ recordId: string }>(async ({ user, request, params }) =>
  updateSupervisionNotes(user, params.recordId, await readJson(request)),
);
