import { apiRoute, pdfResponse } from "@/lib/api/route";
import { getPanel } from "@/lib/panels/panels";
import { panelReportPdf } from "@/lib/panels/panel-pdf";

// GET /api/v1/panels/:id/report.pdf – a panel's report (sample, decisions, themes) as a paginated PDF.
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  const { fileName, bytes } = await panelReportPdf(await getPanel(user, params.id));
  return pdfResponse(fileName, bytes);
});
