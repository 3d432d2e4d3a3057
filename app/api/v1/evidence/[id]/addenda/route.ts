import { apiRoute, json, readJson } from "@/lib/api/route";
import { addEvidenceAddendum } from "@/lib/portfolio/review-evidence";

// POST /api/v1/evidence/:id/addenda – the student or the current PE adds an addendum to accepted evidence ({ body })
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await addEvidenceAddendum(user, params.id, await readJson(request)), 201),
);
