import { formatDate } from "@/lib/dates";

// The stages of a cause for concern (docs/domain.md "Observations, reviews,
// concerns and the final assessment"):
// stage 1 concerns meeting -> action plan with dates -> review; resolved at
// the review, or on to a stage 2 meeting -> outcome (extend, change
// placement, suspend or fail). A concern's `stage` is the step it waits for
// next; recording that step moves it on. Steps out of order are refused.

export type ConcernStageName = "STAGE_1_MEETING" | "ACTION_PLAN" | "REVIEW" | "STAGE_2_MEETING" | "OUTCOME";
export type ConcernStatusName = "OPEN" | "RESOLVED";
export type ConcernOutcomeName = "RESOLVED" | "EXTEND" | "CHANGE_PLACEMENT" | "SUSPEND" | "FAIL";

export const CONCERN_STAGES = [
  "STAGE_1_MEETING",
  "ACTION_PLAN",
  "REVIEW",
  "STAGE_2_MEETING",
  "OUTCOME",
] as const satisfies readonly ConcernStageName[];
export const CONCERN_OUTCOMES = [
  "RESOLVED",
  "EXTEND",
  "CHANGE_PLACEMENT",
  "SUSPEND",
  "FAIL",
] as const satisfies readonly ConcernOutcomeName[];
/** What a stage 2 process may end in. */
export const STAGE_2_OUTCOMES: readonly ConcernOutcomeName[] = ["EXTEND", "CHANGE_PLACEMENT", "SUSPEND", "FAIL"];

/** The step itself, as recorded in the timeline. */
export const CONCERN_STEP_LABELS: Record<ConcernStageName, string> = {
  STAGE_1_MEETING: "Stage 1 concerns meeting",
  ACTION_PLAN: "Action plan agreed",
  REVIEW: "Review of the action plan",
  STAGE_2_MEETING: "Stage 2 concerns meeting",
  OUTCOME: "Outcome decided",
};

/** What to do next, as a button or a timeline entry says it. */
export const CONCERN_NEXT_ACTIONS: Record<ConcernStageName, { todo: string; button: string }> = {
  STAGE_1_MEETING: { todo: "hold the stage 1 concerns meeting", button: "Record the stage 1 concerns meeting" },
  ACTION_PLAN: { todo: "agree the action plan", button: "Record the action plan as agreed" },
  REVIEW: { todo: "review the action plan", button: "Record the review" },
  STAGE_2_MEETING: { todo: "hold the stage 2 concerns meeting", button: "Record the stage 2 concerns meeting" },
  OUTCOME: { todo: "decide the outcome", button: "Record the outcome" },
};

/** Where an open concern stands, in words: the step it waits for. */
export const CONCERN_WAITING_LABELS: Record<ConcernStageName, string> = {
  STAGE_1_MEETING: "Raised: stage 1 meeting to be held",
  ACTION_PLAN: "Stage 1 meeting held: action plan to be agreed",
  REVIEW: "Action plan in place: review to be held",
  STAGE_2_MEETING: "Not resolved at review: stage 2 meeting to be held",
  OUTCOME: "Stage 2 meeting held: outcome to be decided",
};

export const CONCERN_OUTCOME_LABELS: Record<ConcernOutcomeName, string> = {
  RESOLVED: "Resolved",
  EXTEND: "Placement extended",
  CHANGE_PLACEMENT: "Change of placement",
  SUSPEND: "Placement suspended",
  FAIL: "Placement failed",
};

export function concernStateLabel(concern: {
  stage: ConcernStageName;
  status: ConcernStatusName;
  outcome: ConcernOutcomeName | null;
}): string {
  if (concern.status === "RESOLVED")
    return `Closed: ${CONCERN_OUTCOME_LABELS[concern.outcome ?? "RESOLVED"].toLowerCase()}`;
  return CONCERN_WAITING_LABELS[concern.stage];
}

export type ConcernStep = {
  stage: ConcernStageName;
  /** At the review: RESOLVED closes the concern, none moves it to stage 2. At the outcome: one of STAGE_2_OUTCOMES. */
  outcome?: ConcernOutcomeName | null;
};

export type StepResult =
  | { ok: true; stage: ConcernStageName; status: ConcernStatusName; outcome: ConcernOutcomeName | null }
  | { ok: false; reason: string; field?: "stage" | "outcome" };

/** Which steps may be recorded now, in order. */
export function nextSteps(concern: { stage: ConcernStageName; status: ConcernStatusName }): ConcernStageName[] {
  return concern.status === "OPEN" ? [concern.stage] : [];
}

/** Applies one step to a concern, or says why it cannot be recorded now. */
export function applyConcernStep(
  concern: { stage: ConcernStageName; status: ConcernStatusName; actions: number },
  step: ConcernStep,
): StepResult {
  if (concern.status !== "OPEN")
    return {
      ok: false,
      reason: "This cause for concern is closed: nothing more can be recorded on it.",
      field: "stage",
    };
  if (step.stage !== concern.stage) {
    return {
      ok: false,
      field: "stage",
      reason: `The next step is the ${CONCERN_STEP_LABELS[concern.stage].toLowerCase()}; the ${CONCERN_STEP_LABELS[step.stage].toLowerCase()} cannot be recorded before it.`,
    };
  }
  const outcome = step.outcome ?? null;
  switch (step.stage) {
    case "STAGE_1_MEETING":
    case "STAGE_2_MEETING":
      if (outcome)
        return {
          ok: false,
          field: "outcome",
          reason: "A meeting has no outcome: the outcome is recorded at the review or after the stage 2 meeting.",
        };
      return {
        ok: true,
        stage: step.stage === "STAGE_1_MEETING" ? "ACTION_PLAN" : "OUTCOME",
        status: "OPEN",
        outcome: null,
      };
    case "ACTION_PLAN":
      if (outcome) return { ok: false, field: "outcome", reason: "Agreeing the action plan has no outcome." };
      if (concern.actions === 0)
        return {
          ok: false,
          field: "stage",
          reason: "Add at least one action, with the date it is due, before recording the action plan as agreed.",
        };
      return { ok: true, stage: "REVIEW", status: "OPEN", outcome: null };
    case "REVIEW":
      if (outcome === "RESOLVED") return { ok: true, stage: "REVIEW", status: "RESOLVED", outcome: "RESOLVED" };
      if (outcome)
        return {
          ok: false,
          field: "outcome",
          reason: "At the review the concern is either resolved or goes to a stage 2 meeting.",
        };
      return { ok: true, stage: "STAGE_2_MEETING", status: "OPEN", outcome: null };
    case "OUTCOME":
      if (!outcome || !STAGE_2_OUTCOMES.includes(outcome)) {
        return {
          ok: false,
          field: "outcome",
          reason: "Choose the outcome: extend the placement, change placement, suspend or fail.",
        };
      }
      return { ok: true, stage: "OUTCOME", status: "RESOLVED", outcome };
  }
}

/**
 * A step is recorded once it has happened, and not before the concern was
 * raised or the last step recorded (the same day is fine). Returns the
 * message to show, or null.
 */
export function concernStepDateProblem(input: {
  heldOn: string;
  raisedOn: string;
  earlierSteps: readonly string[];
  today: string;
}): string | null {
  if (input.heldOn > input.today) return "Record a step once it has happened";
  const last = input.earlierSteps.reduce((latest, day) => (day > latest ? day : latest), input.raisedOn);
  if (input.heldOn < last) return `The date cannot be before the last step (${formatDate(last)})`;
  return null;
}

/** An action is due on or after the day the concern was raised. */
export function concernActionDueProblem(input: { dueOn: string; raisedOn: string }): string | null {
  return input.dueOn < input.raisedOn
    ? `The due date cannot be before the concern was raised (${formatDate(input.raisedOn)})`
    : null;
}
