import { apiRoute, pdfResponse, searchParamsOf } from "@/lib/api/route";
import { loadImpactReport, parseImpactFilters } from "@/lib/impact/impact-report";
import { impactPdf } from "@/lib/impact/impact-pdf";

// GET /api/v1/exports/impact.pdf?from=&to=&audience= – the impact report as a paginated PDF.
export const GET = apiRoute(async ({ user, request }) => {
  const filters = parseImpactFilters(searchParamsOf(request));
  const { fileName, bytes } = await impactPdf(await loadImpactReport(user, filters));
  return pdfResponse(fileName, bytes);
});
