import { apiRoute, json, readJson } from "@/lib/api/route";
import { recordConcernEvent } from "@/lib/portfolio/concerns";

// POST /api/v1/concerns/:id/events – record the next step (current PE or tutor); out of order is a 422
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await recordConcernEvent(user, params.id, await readJson(request)), 201),
);
