// Words for the panel's records, shared by pages, the report and the API.

export type PanelDecisionName =
  "CONFIRMED" | "CONFIRMED_WITH_FEEDBACK" | "RETURNED_FOR_EVIDENCE" | "REFERRED_TO_EXAM_BOARD";

export const PANEL_DECISION_LABELS: Record<PanelDecisionName, string> = {
  CONFIRMED: "Recommendation confirmed",
  CONFIRMED_WITH_FEEDBACK: "Confirmed, with feedback to the practice educator",
  RETURNED_FOR_EVIDENCE: "Returned for more evidence or amendment",
  REFERRED_TO_EXAM_BOARD: "Referred to the exam board",
};

export const PANEL_STATUS_LABELS = { PLANNED: "Being prepared", OPEN: "Sitting", CLOSED: "Closed" } as const;

/** The criteria the panel scrutinises every sampled PAD against, in the order the form asks them. */
export const PANEL_CRITERIA = [
  { key: "evidenceSufficient", question: "Is the evidence sufficient?" },
  { key: "holisticJudgementSupported", question: "Is the holistic judgement supported by the evidence?" },
  { key: "pcfDomainsEvidenced", question: "Are the PCF domains evidenced at the right level?" },
  { key: "serviceUserFeedbackPresent", question: "Is service-user or carer feedback present?" },
  { key: "signaturesComplete", question: "Are the signatures complete?" },
] as const;

/** A decision that settles the PAD; a return sends it back to the PE and on to the next panel. */
export function isSettledDecision(decision: PanelDecisionName | null): boolean {
  return decision !== null && decision !== "RETURNED_FOR_EVIDENCE";
}
