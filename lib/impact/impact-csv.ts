import { toCsv } from "@/lib/export/csv";
import { countText } from "@/lib/impact/suppression";
import type { ImpactReport, ImpactTable } from "@/lib/impact/impact-report";

// The impact report as one long CSV (section, row, measure, value), so a
// commissioner's spreadsheet can pivot it. Hidden counts say "hidden", as on
// the page: never a number. Quotes are left out: they belong with their context.

function tableRows(section: string, table: ImpactTable | null) {
  if (!table) return [];
  return table.rows.flatMap((row) =>
    table.columns.map((column, index) => [section, row.label, column.label, countText(row.cells[index])]),
  );
}

export function impactCsv(report: ImpactReport): { filename: string; body: string } {
  const rows = [
    ...tableRows("By school", report.bySchool),
    ...tableRows("By theme", report.byTheme),
    ...tableRows("By student cohort", report.byCohort),
    ...report.outcomes.flatMap((row) => [
      ["Outcome change by theme", row.theme, "Children with goals scored at start and end", countText(row.children)],
      ...row.bands.map((band) => ["Outcome change by theme", row.theme, band.label, countText(band.cell)]),
      ["Outcome change by theme", row.theme, "Median change", row.stats?.median ?? "hidden"],
      ["Outcome change by theme", row.theme, "Mean change", row.stats?.mean ?? "hidden"],
    ]),
    ...report.ratings.faces.map((face) => [
      "Children's own ratings",
      "All",
      `Average rating ${face.face}`,
      countText(face.cell),
    ]),
    ["Children's own ratings", "All", "Mean rating", report.ratings.mean ?? "hidden"],
  ];
  const who = report.suppressed ? "shared" : "team";
  return {
    filename: `impact-${report.period.from}-to-${report.period.to}-${who}.csv`,
    body: toCsv(["Section", "Row", "Measure", "Value"], rows),
  };
}
