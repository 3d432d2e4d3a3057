// The rules of an evidence item's life (docs/domain.md "Frameworks and the
// portfolio"): the student writes a draft, submits it, corrects it when the
// PE asks; accepted evidence is locked and takes addenda only.

export const EVIDENCE_STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED"] as const;
export type EvidenceStatusName = (typeof EVIDENCE_STATUSES)[number];

export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatusName, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted for review",
  CHANGES_REQUESTED: "Changes requested",
  ACCEPTED: "Accepted",
};

/** Evidence is dated on the day it happened: today at the latest. */
export function evidenceDateProblem(occurredOn: string, today: string): string | null {
  return occurredOn > today ? "The date cannot be in the future" : null;
}

/** The student edits a draft, or an item the PE sent back. */
export function evidenceEditable(status: EvidenceStatusName): boolean {
  return status === "DRAFT" || status === "CHANGES_REQUESTED";
}

/** Why the student may not change an item in this state, or null when they may. */
export function evidenceLockedReason(status: EvidenceStatusName): string | null {
  if (status === "ACCEPTED")
    return "This evidence has been accepted and is locked. Add an addendum to correct or add to it.";
  if (status === "SUBMITTED")
    return "This evidence is with your practice educator for review: it can be changed again if they ask for changes.";
  return null;
}

/** The PE decides on submitted evidence only; a comment is welcome at any time. */
export function reviewDecisionProblem(status: EvidenceStatusName): string | null {
  if (status === "SUBMITTED") return null;
  return status === "ACCEPTED"
    ? "This evidence has already been accepted."
    : `This evidence is "${EVIDENCE_STATUS_LABELS[status]}", not submitted: it can be accepted or sent back only once the student submits it.`;
}

/** The order frameworks are listed in: the PCF first, as evidence and assessments are mapped to it. */
const FRAMEWORK_ORDER = ["PCF", "SWE", "KSS"];

export function compareFrameworkCodes(a: string, b: string): number {
  const rank = (code: string) =>
    FRAMEWORK_ORDER.includes(code) ? FRAMEWORK_ORDER.indexOf(code) : FRAMEWORK_ORDER.length;
  return rank(a) - rank(b) || a.localeCompare(b);
}

export type CapabilityGroup = { framework: string; capabilities: string[] };

/**
 * An item's capabilities grouped by framework, frameworks in the usual order
 * and capabilities by number within each: "PCF: 5. Knowledge; 7. Skills…"
 * and "KSS: 5. Abuse and neglect of children", never one list mixing them
 * (the numbers mean different things in each framework).
 */
export function capabilitiesByFramework(
  links: ReadonlyArray<{ framework: string; number: number; name: string }>,
): CapabilityGroup[] {
  const groups = new Map<string, Array<{ number: number; name: string }>>();
  for (const link of links) groups.set(link.framework, [...(groups.get(link.framework) ?? []), link]);
  return [...groups.keys()].sort(compareFrameworkCodes).map((framework) => ({
    framework,
    capabilities: groups
      .get(framework)!
      .sort((a, b) => a.number - b.number)
      .map((item) => `${item.number}. ${item.name}`),
  }));
}
