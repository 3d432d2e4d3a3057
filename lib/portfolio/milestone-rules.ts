import { addWorkingDays } from "@/lib/calendar/working-days";
import { addDays, type IsoDate } from "@/lib/dates";

// When each review meeting falls due (docs/domain.md "Observations, reviews,
// concerns and the final assessment").
// Due dates count placement days, not calendar days: the learning agreement by
// placement day 10, the midpoint at half the required days, the final review on
// the last required day. Days lost to sickness or absence push the midpoint
// and final review out, as they push the placement's end.

export type MilestoneKindName = "LEARNING_AGREEMENT" | "MIDPOINT_REVIEW" | "FINAL_REVIEW";

export const MILESTONE_KINDS: readonly MilestoneKindName[] = ["LEARNING_AGREEMENT", "MIDPOINT_REVIEW", "FINAL_REVIEW"];

export const MILESTONE_LABELS: Record<MilestoneKindName, string> = {
  LEARNING_AGREEMENT: "Practice learning agreement meeting",
  MIDPOINT_REVIEW: "Midpoint review",
  FINAL_REVIEW: "Final review",
};

/** The learning agreement is due by this placement day (historically within the first 12). */
export const LEARNING_AGREEMENT_DUE_DAY = 10;

/** Reminders and dashboards call a milestone "due soon" this many calendar days ahead. */
export const MILESTONE_DUE_SOON_DAYS = 7;

export type MilestoneState = "DONE" | "OVERDUE" | "DUE_SOON" | "UPCOMING";

export const MILESTONE_STATE_LABELS: Record<MilestoneState, string> = {
  DONE: "Done",
  OVERDUE: "Overdue",
  DUE_SOON: "Due soon",
  UPCOMING: "Not due yet",
};

/** The date of placement day `day` (1-based), counting working days from the start. */
function placementDay(startDate: IsoDate, day: number): IsoDate | null {
  try {
    return addWorkingDays(addDays(startDate, -1), Math.max(1, day));
  } catch {
    return null; // beyond the bank-holiday table: no date rather than a wrong one
  }
}

export function milestoneDueDate(
  kind: MilestoneKindName,
  placement: { startDate: IsoDate; requiredDays: number; absenceDays?: number },
): IsoDate | null {
  const absences = placement.absenceDays ?? 0;
  switch (kind) {
    case "LEARNING_AGREEMENT":
      return placementDay(placement.startDate, LEARNING_AGREEMENT_DUE_DAY);
    case "MIDPOINT_REVIEW":
      return placementDay(placement.startDate, Math.ceil(placement.requiredDays / 2) + absences);
    case "FINAL_REVIEW":
      return placementDay(placement.startDate, placement.requiredDays + absences);
  }
}

export function milestoneState(input: {
  heldOn: IsoDate | null;
  dueDate: IsoDate | null;
  today: IsoDate;
}): MilestoneState {
  if (input.heldOn) return "DONE";
  if (!input.dueDate) return "UPCOMING";
  if (input.dueDate < input.today) return "OVERDUE";
  if (input.dueDate <= addDays(input.today, MILESTONE_DUE_SOON_DAYS)) return "DUE_SOON";
  return "UPCOMING";
}

export type MilestoneSummary = {
  kind: MilestoneKindName;
  label: string;
  dueDate: IsoDate | null;
  heldOn: IsoDate | null;
  state: MilestoneState;
};

/**
 * The three milestones of a placement with their due dates and states.
 * Milestones of a placement that has not started, or has finished, are never overdue.
 */
export function placementMilestones(input: {
  startDate: IsoDate;
  requiredDays: number;
  absenceDays?: number;
  status: string;
  held: Partial<Record<MilestoneKindName, IsoDate>>;
  today: IsoDate;
}): MilestoneSummary[] {
  const running = input.status === "ACTIVE" || input.status === "SUSPENDED";
  return MILESTONE_KINDS.map((kind) => {
    const dueDate = milestoneDueDate(kind, input);
    const heldOn = input.held[kind] ?? null;
    let state = milestoneState({ heldOn, dueDate, today: input.today });
    if (!running && state !== "DONE") state = "UPCOMING";
    return { kind, label: MILESTONE_LABELS[kind], dueDate, heldOn, state };
  });
}

/**
 * A final review before the required days are met needs an explicit reason
 * (e.g. a placement ending early by agreement). Returns the message to show, or null.
 */
export function finalReviewEarlyProblem(input: {
  daysCompleted: number;
  requiredDays: number;
  earlyReason?: string | null;
}): string | null {
  if (input.daysCompleted >= input.requiredDays) return null;
  if (input.earlyReason && input.earlyReason.trim().length > 0) return null;
  return `Only ${input.daysCompleted} of ${input.requiredDays} required days are completed. Give the reason for holding the final review early.`;
}

/** The midpoint with "progress raising concerns" must come with an action plan. */
export function midpointActionPlanProblem(input: {
  recommendation: string | null | undefined;
  actionPlan?: string | null;
}): string | null {
  if (input.recommendation !== "CONCERNS") return null;
  return input.actionPlan && input.actionPlan.trim().length > 0
    ? null
    : "Progress raising concerns needs an action plan.";
}

/** Which recommendations each meeting may record. */
export const MILESTONE_RECOMMENDATIONS: Record<MilestoneKindName, readonly string[]> = {
  LEARNING_AGREEMENT: [],
  MIDPOINT_REVIEW: ["ON_TRACK", "CONCERNS"],
  FINAL_REVIEW: ["PASS", "FAIL", "REFER"],
};

export const RECOMMENDATION_LABELS: Record<string, string> = {
  ON_TRACK: "Satisfactory progress",
  CONCERNS: "Progress raising concerns",
  PASS: "Pass",
  FAIL: "Fail",
  REFER: "Refer",
};

// ---------------------------------------------------------------------------
// Direct observations: how many are required, how many done, and whether one
// happened before the midpoint (docs/domain.md: at least one before the midpoint).

export const DEFAULT_OBSERVATIONS_REQUIRED = { FIRST: 2, FINAL: 3 } as const;

export type ObservationProgress = {
  required: number;
  done: number;
  planned: number;
  /** At least one observation with feedback held on or before the midpoint (or the midpoint is not due yet). */
  beforeMidpointMet: boolean;
  /** "2 of 3 done" */
  label: string;
};

export function observationProgress(input: {
  required: number;
  observations: ReadonlyArray<{ observedOn: IsoDate; feedbackGiven: boolean }>;
  midpointDueDate: IsoDate | null;
  midpointHeldOn: IsoDate | null;
  today: IsoDate;
}): ObservationProgress {
  const done = input.observations.filter((observation) => observation.feedbackGiven);
  const midpoint = input.midpointHeldOn ?? input.midpointDueDate;
  const midpointPassed = midpoint !== null && midpoint < input.today;
  const beforeMidpointMet =
    !midpointPassed || done.some((observation) => midpoint !== null && observation.observedOn <= midpoint);
  return {
    required: input.required,
    done: done.length,
    planned: input.observations.length - done.length,
    beforeMidpointMet,
    label: `${done.length} of ${input.required} done`,
  };
}
