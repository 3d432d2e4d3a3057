import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { apiRoute, json } from "@/lib/api/route";
import { AppError, badRequest, forbidden } from "@/lib/errors";
import { CROSS_SITE_MESSAGE, crossSiteRefusalOf } from "@/lib/security/same-origin";
import { addAttachment, tooLarge } from "@/lib/portfolio/attachments";
import { attachmentMaxBytes } from "@/lib/attachments/store";

// Room for the multipart boundaries and headers around the file.
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * The form's "file" part as a stream, as soon as it starts arriving: the file
 * goes to the attachment store piece by piece and is never whole in memory
 * (docs/operations.md#attachments). Null when the form has no file.
 */
function firstFile(request: Request): Promise<{ name: string; content: Readable } | null> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": request.headers.get("content-type") ?? "" },
        limits: { files: 1, fields: 10, parts: 20, fieldSize: 10_000 },
      });
    } catch {
      reject(badRequest("The upload could not be read. Try again."));
      return;
    }
    let found = false;
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve({ name: info.filename ?? "", content: stream });
    });
    parser.on("error", () => reject(badRequest("The upload could not be read. Try again.")));
    parser.on("close", () => {
      if (!found) resolve(null);
    });
    if (!request.body) {
      resolve(null);
      return;
    }
    Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>).pipe(parser);
  });
}

// POST /api/v1/evidence/:id/attachments – the student attaches one file (multipart/form-data, field "file"); 201, 413 over the size limit, 422 a refused type
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) => {
  if (crossSiteRefusalOf(request)) throw forbidden(CROSS_SITE_MESSAGE);
  const max = attachmentMaxBytes();
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max + MULTIPART_OVERHEAD) throw tooLarge(max);
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")) {
    throw badRequest('Send the file as multipart/form-data, in a field named "file".');
  }
  const upload = await firstFile(request);
  try {
    return json(await addAttachment(user, params.id, upload), 201);
  } catch (error) {
    // The body ended before the form did (the client went away, or a proxy cut it short).
    // A refusal from the store (too large, storage full) stands; otherwise an errored stream means the body was cut off.
    if (!(error instanceof AppError) && upload?.content.errored)
      throw badRequest("The upload was cut off before the end of the file. Try again.");
    throw error;
  } finally {
    // A refused upload is not read to the end: let the rest of the body go.
    upload?.content.resume();
  }
});
