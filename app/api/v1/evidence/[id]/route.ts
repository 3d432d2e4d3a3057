import { apiRoute, readJson } from "@/lib/api/route";
import { getEvidence } from "@/lib/portfolio/read-evidence";
import { updateEvidence } from "@/lib/portfolio/write-evidence";

// GET /api/v1/evidence/:id – one item with capabilities, attachments, the review thread and what the caller may do
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => getEvidence(user, params.id));

// PATCH /api/v1/evidence/:id – the student edits a draft or an item sent back for changes; names the version it started from (409 if stale)
export const PATCH = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  updateEvidence(user, params.id, await readJson(request)),
);
