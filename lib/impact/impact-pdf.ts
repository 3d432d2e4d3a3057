import "server-only";
import { PdfReport } from "@/lib/pdf/document";
import { formatDate, todayInUk } from "@/lib/dates";
import { countText, HIDDEN_EXPLANATION } from "@/lib/impact/suppression";
import type { ImpactReport, ImpactTable } from "@/lib/impact/impact-report";

// The impact report as a paginated PDF (docs/domain.md, "Impact report"):
// the same numbers as the page, hidden counts as "hidden". Wide tables are
// written one row per line of measures, so they fit A4 portrait.

function writeTable(pdf: PdfReport, heading: string, table: ImpactTable | null) {
  if (!table) return;
  pdf.heading(heading, 2);
  pdf.table(
    [{ header: "", width: 0.34 }, ...table.rows.map((row) => ({ header: row.label, width: 0.66 / table.rows.length }))],
    table.columns.map((column, index) => [column.label, ...table.rows.map((row) => countText(row.cells[index]))]),
    { boldFirstColumn: true },
  );
}

export async function impactPdf(report: ImpactReport): Promise<{ fileName: string; bytes: Buffer }> {
  const pdf = new PdfReport({
    title: `Impact report: ${report.scopeName}`,
    footerNote: `Printed ${formatDate(todayInUk())} · Placement Tracker · no child is named or coded`,
  });
  pdf.title(
    `Impact report: ${report.scopeName}`,
    `${formatDate(report.period.from)} to ${formatDate(report.period.to)} · ${
      report.suppressed ? "the version to share outside the team" : "the team's own version: do not share"
    }`,
  );
  if (report.suppressed) pdf.paragraph(HIDDEN_EXPLANATION);
  pdf.heading("In numbers", 2);
  pdf.facts(report.totals.map((total) => [total.label, countText(total.cell)]));
  pdf.heading("Goal-based outcomes: change from the start to the end", 2);
  pdf.table(
    [
      { header: "Theme", width: 0.22 },
      ...report.outcomes[0].bands.map((band) => ({ header: band.label, width: 0.1 })),
      { header: "Children", width: 0.08 },
      { header: "Median (middle half)", width: 0.12 },
      { header: "Mean", width: 0.08 },
    ],
    report.outcomes.map((row) => [
      row.theme,
      ...row.bands.map((band) => countText(band.cell)),
      countText(row.children),
      row.stats?.median == null
        ? "—"
        : `${row.stats.median} (${row.stats.lowerQuartile} to ${row.stats.upperQuartile})`,
      row.stats?.mean == null ? "—" : String(row.stats.mean),
    ]),
  );
  pdf.heading("Children's own ratings", 2);
  pdf.facts([
    ...report.ratings.faces.map((face): [string, string] => [`Average rating ${face.face}`, countText(face.cell)]),
    ["Children", countText(report.ratings.children)],
    ["Mean rating", report.ratings.mean === null ? "—" : String(report.ratings.mean)],
  ]);
  pdf.heading("What children said", 2);
  if (report.quotes.length === 0) pdf.paragraph("No words marked shareable in this period.");
  for (const quote of report.quotes) pdf.paragraph(`“${quote}”`);
  writeTable(pdf, report.audience === "school" ? "Your school" : "By partner school", report.bySchool);
  writeTable(pdf, "Direct work by theme", report.byTheme);
  writeTable(pdf, "By the students' cohort", report.byCohort);
  const who = report.suppressed ? "shared" : "team";
  return { fileName: `impact-${report.period.from}-to-${report.period.to}-${who}.pdf`, bytes: await pdf.toBuffer() };
}
