import { apiRoute, json, readJson } from "@/lib/api/route";
import { addSupervisionAddendum } from "@/lib/supervision/add-supervision-addendum";

// POST /api/v1/supervision/:recordId/addenda – add a correction to a signed record (current PE or the student)
export const POST = apiRoute<{ recordId: string }>(async ({ user, request, params }) =>
  json(await addSupervisionAddendum(user, params.recordId, await readJson(request)), 201),
);
