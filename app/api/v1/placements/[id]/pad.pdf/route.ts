import { apiRoute, pdfResponse } from "@/lib/api/route";
import { padPdfFor } from "@/lib/portfolio/pad-pdf";

// GET /api/v1/placements/:id/pad.pdf – the Practice Assessment Document as a paginated PDF
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  const { fileName, bytes } = await padPdfFor(user, params.id);
  return pdfResponse(fileName, bytes);
});
