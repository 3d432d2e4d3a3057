import { apiRoute, json } from "@/lib/api/route";
import { addAttachment } from "@/lib/portfolio/attachments";
import { readUpload } from "@/lib/portfolio/attachment-upload";

// POST /api/v1/evidence/:id/attachments – the student attaches one file (multipart/form-data, field "file"); 201, 413 over the size limit, 422 a refused type
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await addAttachment(user, params.id, await readUpload(request)), 201),
);
