// Coverage of a framework by a student's evidence: for each domain, how many
// items link to it and how many of those the PE has accepted. A domain with no
// accepted evidence is a gap. PCF assessment is holistic (docs/domain.md): coverage
// shows where evidence is thin, it is not a pass mark.

export type CoverageItem = { id: string; number: number; name: string };
export type CoverageLink = { frameworkItemId: string; status: string };

export type CoverageState = "NONE" | "NOT_ACCEPTED" | "EVIDENCED";

export const COVERAGE_STATE_LABELS: Record<CoverageState, string> = {
  NONE: "No evidence",
  NOT_ACCEPTED: "None accepted yet",
  EVIDENCED: "Evidenced",
};

export type CoverageRow = CoverageItem & { total: number; accepted: number; state: CoverageState; gap: boolean };

export type Coverage = { rows: CoverageRow[]; domainsEvidenced: number; domains: number; gaps: number };

export function coverageOf(items: readonly CoverageItem[], links: readonly CoverageLink[]): Coverage {
  const rows = [...items]
    .sort((a, b) => a.number - b.number)
    .map((item) => {
      const mine = links.filter((link) => link.frameworkItemId === item.id);
      const accepted = mine.filter((link) => link.status === "ACCEPTED").length;
      const state: CoverageState = accepted > 0 ? "EVIDENCED" : mine.length > 0 ? "NOT_ACCEPTED" : "NONE";
      return { ...item, total: mine.length, accepted, state, gap: state !== "EVIDENCED" };
    });
  const domainsEvidenced = rows.filter((row) => row.state === "EVIDENCED").length;
  return { rows, domainsEvidenced, domains: rows.length, gaps: rows.length - domainsEvidenced };
}
