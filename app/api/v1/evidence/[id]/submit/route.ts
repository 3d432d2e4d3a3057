import { apiRoute, readJson } from "@/lib/api/route";
import { submitEvidence } from "@/lib/portfolio/write-evidence";

// POST /api/v1/evidence/:id/submit – the student submits for review ({ version }); the current PE is notified at once
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  submitEvidence(user, params.id, await readJson(request)),
);
