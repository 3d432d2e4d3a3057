import { PANEL_CRITERIA, PANEL_DECISION_LABELS, type PanelDecisionName } from "@/lib/panels/labels";

// The themes of a panel's report (docs/domain.md "Practice Assessment
// Panels"): what the panel decided, and which criteria the sampled PADs fell
// short on, most common first, so the university sees what to feed back to
// its practice educators as a group.

type CriterionKey = (typeof PANEL_CRITERIA)[number]["key"];

export type ScrutinisedItem = { decision: PanelDecisionName | null } & Record<CriterionKey, boolean | null>;

export type PanelReportThemes = {
  decided: number;
  undecided: number;
  decisions: Array<{ decision: PanelDecisionName; label: string; count: number }>;
  /** Criteria answered "no" on at least one PAD, most often first. */
  shortfalls: Array<{ key: CriterionKey; question: string; count: number }>;
};

export function panelReportThemes(items: ScrutinisedItem[]): PanelReportThemes {
  const decided = items.filter((item) => item.decision !== null);
  const decisions = (Object.keys(PANEL_DECISION_LABELS) as PanelDecisionName[])
    .map((decision) => ({
      decision,
      label: PANEL_DECISION_LABELS[decision],
      count: decided.filter((item) => item.decision === decision).length,
    }))
    .filter((row) => row.count > 0);
  const shortfalls = PANEL_CRITERIA.map((criterion, order) => ({
    key: criterion.key,
    question: criterion.question,
    count: decided.filter((item) => item[criterion.key] === false).length,
    order,
  }))
    .filter((row) => row.count > 0)
    // Most common first; ties keep the order the form asks the questions in.
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ key, question, count }) => ({ key, question, count }));
  return { decided: decided.length, undecided: items.length - decided.length, decisions, shortfalls };
}
