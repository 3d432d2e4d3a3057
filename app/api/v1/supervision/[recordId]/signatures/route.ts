import { apiRoute, readJson } from "@/lib/api/route";
import { signSupervisionRecord } from "@/lib/supervision/sign-supervision-record";

/**
 * The body is optional here. A request without one (Content-Length: 0, or
 * neither Content-Length nor Transfer-Encoding) signs without a comment; a
 * request with a body must still send it as JSON.
 */
async function optionalJson(request: Request): Promise<unknown> {
  const length = request.headers.get("content-length");
  if (request.body === null || length === "0" || (length === null && !request.headers.has("transfer-encoding")))
    return {};
  return readJson(request);
}

// POST /api/v1/supervision/:recordId/signatures – sign as the current PE (first) or the student (second, optionally { disagreement }); 200 with the new status
export const POST = apiRoute<{ recordId: string }>(async ({ user, request, params }) =>
  signSupervisionRecord(user, params.recordId, await optionalJson(request)),
);
