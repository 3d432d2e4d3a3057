import { apiRoute, json } from "@/lib/api/route";
import { badRequest } from "@/lib/errors";
import { addAttachment, tooLarge } from "@/lib/portfolio/attachments";
import { attachmentMaxBytes } from "@/lib/portfolio/attachment-store";

// Room for the multipart boundaries and headers around the file.
const MULTIPART_OVERHEAD = 64 * 1024;

// POST /api/v1/evidence/:id/attachments – the student attaches one file (multipart/form-data, field "file"); 201, 413 over the size limit, 422 a refused type
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) => {
  const max = attachmentMaxBytes();
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max + MULTIPART_OVERHEAD) throw tooLarge(max);
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")) {
    throw badRequest('Send the file as multipart/form-data, in a field named "file".');
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw badRequest("The upload could not be read. Try again.");
  }
  const file = form.get("file");
  const upload = file instanceof File ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  return json(await addAttachment(user, params.id, upload), 201);
});
