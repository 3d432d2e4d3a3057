import "server-only";
import { PdfReport } from "@/lib/pdf/document";
import { formatDate, todayInUk } from "@/lib/dates";
import { PANEL_DECISION_LABELS, PANEL_STATUS_LABELS } from "@/lib/panels/labels";
import { SAMPLE_REASON_LABELS } from "@/lib/panels/sampling";
import { RECOMMENDATION_LABELS } from "@/lib/portfolio/final-assessment-rules";
import { panelReportThemes } from "@/lib/panels/report-themes";
import type { PanelRecord } from "@/lib/panels/panels";

// A panel's report as a paginated PDF (docs/domain.md "Practice Assessment
// Panels"): the sample with the reasons each PAD is in it, the decisions and
// the feedback themes, for the exam board. Students are named, as in the PAD;
// children never appear (a PAD names them by code only, and none is quoted).

export async function panelReportPdf(panel: PanelRecord): Promise<{ fileName: string; bytes: Buffer }> {
  const themes = panelReportThemes(panel.items);
  const pdf = new PdfReport({
    title: `Panel report: ${panel.name}`,
    footerNote: `Printed ${formatDate(todayInUk())} · Placement Tracker`,
  });
  pdf.title(`Panel report: ${panel.name}`, `${panel.programme} · sits on ${formatDate(panel.sitsOn)}`);
  pdf.facts([
    ["Status", PANEL_STATUS_LABELS[panel.status]],
    ["Lead", panel.members.find((member) => member.role === "LEAD")?.name],
    [
      "Members",
      panel.members
        .filter((member) => member.role !== "LEAD")
        .map((member) => member.name)
        .join(", ") || "The lead alone",
    ],
    ["External examiner", panel.externalExaminerName ?? "None named"],
    [
      "Sample",
      panel.sampleSeed
        ? `${panel.items.length} PADs; seed "${panel.sampleSeed}", ${panel.randomPercent}% of the rest at random`
        : "Not drawn yet",
    ],
  ]);
  pdf.heading("Decisions", 2);
  pdf.facts([
    ...themes.decisions.map((row): [string, string] => [row.label, String(row.count)]),
    ["No decision yet", String(themes.undecided)],
  ]);
  pdf.heading("Feedback themes", 2);
  if (themes.shortfalls.length === 0) pdf.paragraph("No PAD fell short on any criterion the panel scrutinised.");
  else
    pdf.facts(
      themes.shortfalls.map((row): [string, string] => [
        row.question.replace(/\?$/, ": no"),
        `${row.count} of ${themes.decided} decided PADs`,
      ]),
    );
  pdf.heading("The sample", 2);
  pdf.table(
    [
      { header: "Student", width: 0.18 },
      { header: "Practice educator", width: 0.16 },
      { header: "Recommendation", width: 0.12 },
      { header: "Why sampled", width: 0.2 },
      { header: "Decision", width: 0.16 },
      { header: "Feedback for the PE", width: 0.18 },
    ],
    panel.items.map((item) => [
      item.studentName,
      item.practiceEducatorName,
      item.recommendation ? RECOMMENDATION_LABELS[item.recommendation] : "—",
      item.reasons.map((reason) => SAMPLE_REASON_LABELS[reason]).join("; "),
      item.decision ? PANEL_DECISION_LABELS[item.decision] : "No decision yet",
      item.feedbackForPe || "—",
    ]),
  );
  const slug =
    panel.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "panel";
  return { fileName: `panel-report-${slug}-${panel.sitsOn}.pdf`, bytes: await pdf.toBuffer() };
}
