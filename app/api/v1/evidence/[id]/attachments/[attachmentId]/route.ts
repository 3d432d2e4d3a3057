import { Readable } from "node:stream";
import { apiRoute } from "@/lib/api/route";
import { deleteAttachment, getAttachment } from "@/lib/portfolio/attachments";

const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

// GET /api/v1/evidence/:id/attachments/:attachmentId – the file, to whoever may read the evidence; always a download, never shown inline
export const GET = apiRoute<{ id: string; attachmentId: string }>(async ({ user, params }) => {
  const file = await getAttachment(user, params.id, params.attachmentId);
  // Streamed from the store, chunk by chunk.
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": `attachment; filename="${file.downloadName}"; filename*=UTF-8''${rfc5987(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});

// DELETE /api/v1/evidence/:id/attachments/:attachmentId – the student removes a file while the evidence can still be edited
export const DELETE = apiRoute<{ id: string; attachmentId: string }>(async ({ user, params }) =>
  deleteAttachment(user, params.id, params.attachmentId),
);
