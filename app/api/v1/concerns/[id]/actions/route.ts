import { apiRoute, json, readJson } from "@/lib/api/route";
import { addConcernAction } from "@/lib/portfolio/concerns";

// POST /api/v1/concerns/:id/actions – add an action plan item with its due date (current PE or tutor)
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await addConcernAction(user, params.id, await readJson(request)), 201),
);
