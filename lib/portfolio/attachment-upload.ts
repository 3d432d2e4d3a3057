import "server-only";
import { badRequest } from "@/lib/errors";
import { tooLarge, type Upload } from "@/lib/portfolio/attachments";
import { attachmentMaxBytes } from "@/lib/portfolio/attachment-store";

// Reading an attachment from a multipart request without trusting its size:
// the body is streamed and given up as soon as it passes the limit, whether
// or not a Content-Length was sent, so a huge upload never fills memory.

// Room for the multipart boundaries and headers around the file.
const MULTIPART_OVERHEAD = 64 * 1024;

async function bodyBytes(request: Request, max: number, limit: number): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw tooLarge(max);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The file in the "file" field of a multipart/form-data request, or null when there is none. */
export async function readUpload(request: Request): Promise<Upload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data"))
    throw badRequest('Send the file as multipart/form-data, in a field named "file".');
  const max = attachmentMaxBytes();
  const bytes = await bodyBytes(request, max, max + MULTIPART_OVERHEAD);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw badRequest("The upload could not be read. Try again.");
  }
  const file = form.get("file");
  return file instanceof File ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}
