import { apiRoute } from "@/lib/api/route";
import { padPdfFor } from "@/lib/portfolio/pad-pdf";

// GET /api/v1/placements/:id/pad.pdf – the Practice Assessment Document as a paginated PDF
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  const { fileName, bytes } = await padPdfFor(user, params.id);
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(bytes.length),
      // A student's assessment: never kept by a shared cache or the browser's disk cache.
      "Cache-Control": "private, no-store",
    },
  });
});
