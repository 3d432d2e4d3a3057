import { addDays, formatDate, isoWeekday, type IsoDate } from "@/lib/dates";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { MILESTONE_LABELS, type MilestoneKindName, type MilestoneState } from "@/lib/portfolio/milestone-rules";

// A placement's red / amber / green status, with the reasons in words (the
// colour is never the only signal). One rule set for every dashboard, the
// placement page, the CSV export and the API, so a placement reads the same
// everywhere (docs/domain.md "Progress, RAG and reminders").
//
// Calibrated to risk (issue 12): red means someone needs to act now, amber
// means drift worth a look, green otherwise. Every threshold is in
// RAG_THRESHOLDS below, the one place to change them (and docs/domain.md
// "RAG thresholds" says the same in words).
//
// Only a running placement (ACTIVE or SUSPENDED) can be late. The rules:
//
// RED — needs action now:
//   - a cause for concern is open (whatever the placement's status: it must
//     be closed with an outcome, even after the placement ends);
//   - a review meeting (learning agreement, midpoint, final review) is overdue;
//   - supervision is overdue: more than one expected interval since the last
//     session (lib/supervision/cadence.ts);
//   - the projected end (required days left, counted in working days from
//     today) is more than PROJECTED_LATE_RED_WORKING_DAYS (10) working days
//     after the planned end (active placements: a suspended one's dates are
//     agreed again when it resumes), or after the programme's deadline when one is known.
// AMBER — drift:
//   - the projected end is after the planned end by up to 10 working days
//     (making up sick days at the end is normal; it only needs watching);
//   - supervision periods were missed (but supervision is not overdue now);
//   - a meeting falls due within MILESTONE_DUE_SOON_DAYS (7) and is not held;
//   - the midpoint has passed with no direct observation before it;
//   - the midpoint has passed and some PCF domains have no accepted evidence;
//   - evidence has waited more than REVIEW_WAIT_DAYS (14) days for the PE's review;
//   - the placement is suspended.
// A placement still PLANNED is amber once its start date has passed (someone
// should mark it active or move the dates), green otherwise. A finished one
// (COMPLETED, ENDED_EARLY) is amber when completed without a final review on
// record, green otherwise. GREEN reads "On track" (or "Not started yet",
// "Finished").

export const RAG_THRESHOLDS = {
  /** A projected end more than this many working days after the planned end is red; fewer is amber. */
  projectedLateRedWorkingDays: 10,
  /** Submitted evidence waiting longer than this many calendar days for review is amber. */
  reviewWaitDays: 14,
} as const;

export type RagStatus = "RED" | "AMBER" | "GREEN";
export type PlacementRag = { status: RagStatus; reasons: string[] };

export const PLACEMENT_RAG_LABELS: Record<RagStatus, string> = { RED: "Red", AMBER: "Amber", GREEN: "Green" };
export const RAG_ORDER: Record<RagStatus, number> = { RED: 0, AMBER: 1, GREEN: 2 };

export type RagInput = {
  status: "PLANNED" | "ACTIVE" | "SUSPENDED" | "COMPLETED" | "ENDED_EARLY";
  startDate: IsoDate;
  endDate: IsoDate;
  today: IsoDate;
  openConcerns: number;
  days: { projectedEndDate: IsoDate | null; projectedLate: boolean };
  supervision: { overdue: boolean; missedWeeks: number; lastSessionOn: IsoDate | null };
  milestones: ReadonlyArray<{
    kind: MilestoneKindName;
    dueDate: IsoDate | null;
    heldOn: IsoDate | null;
    state: MilestoneState;
  }>;
  observations: { beforeMidpointMet: boolean };
  /** The latest date the degree programme allows the placement to finish, when known. */
  deadline?: IsoDate | null;
  coverage: { gaps: number; domains: number };
  /** The oldest evidence item submitted and not yet reviewed: when it was submitted. */
  oldestAwaitingReviewOn: IsoDate | null;
  awaitingReview: number;
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Whether the midpoint review is behind us: held, or its due date has passed. */
export function midpointPassed(milestones: RagInput["milestones"], today: IsoDate): boolean {
  const midpoint = milestones.find((milestone) => milestone.kind === "MIDPOINT_REVIEW");
  if (!midpoint) return false;
  if (midpoint.heldOn) return midpoint.heldOn < today;
  return midpoint.dueDate !== null && midpoint.dueDate < today;
}

export function placementRag(input: RagInput): PlacementRag {
  const red: string[] = [];
  const amber: string[] = [];

  if (input.openConcerns > 0)
    red.push(`${plural(input.openConcerns, "open cause for concern", "open causes for concern")}`);

  const running = input.status === "ACTIVE" || input.status === "SUSPENDED";
  if (running) {
    for (const milestone of input.milestones) {
      const label = MILESTONE_LABELS[milestone.kind];
      if (milestone.state === "OVERDUE") red.push(`${label} overdue (was due ${formatDate(milestone.dueDate)})`);
      else if (milestone.state === "DUE_SOON") amber.push(`${label} due ${formatDate(milestone.dueDate)}`);
    }

    if (input.supervision.overdue) {
      red.push(
        input.supervision.lastSessionOn
          ? `Supervision overdue: last session ${formatDate(input.supervision.lastSessionOn)}`
          : "Supervision overdue: no session yet",
      );
    }
    if (input.supervision.missedWeeks > 0)
      amber.push(`${plural(input.supervision.missedWeeks, "supervision week")} missed`);

    const projected = input.days.projectedEndDate;
    if (projected && input.deadline && projected > input.deadline) {
      red.push(
        `Projected to finish ${formatDate(projected)}, after the programme's deadline (${formatDate(input.deadline)})`,
      );
    } else if (projected && projected > input.endDate) {
      const late = workingDaysLate(input.endDate, projected);
      const words = `Projected to finish ${formatDate(projected)}, ${plural(late, "working day")} after the planned end (${formatDate(input.endDate)})`;
      // A suspended placement's dates are agreed again when it resumes: its lateness is drift, not an alarm.
      if (late > RAG_THRESHOLDS.projectedLateRedWorkingDays && input.status === "ACTIVE") red.push(words);
      else amber.push(words);
    }

    const pastMidpoint = midpointPassed(input.milestones, input.today);
    if (!input.observations.beforeMidpointMet) amber.push("No direct observation before the midpoint");
    if (pastMidpoint && input.coverage.gaps > 0)
      amber.push(
        `${plural(input.coverage.gaps, "PCF domain")} of ${input.coverage.domains} without accepted evidence after the midpoint`,
      );

    if (input.status === "SUSPENDED") amber.push("Placement suspended");
  }

  // Waiting evidence matters on any placement the PE still reviews.
  if (
    input.status !== "COMPLETED" &&
    input.status !== "ENDED_EARLY" &&
    input.oldestAwaitingReviewOn &&
    input.oldestAwaitingReviewOn < addDays(input.today, -RAG_THRESHOLDS.reviewWaitDays)
  ) {
    amber.push(
      `Evidence waiting more than ${RAG_THRESHOLDS.reviewWaitDays} days for review (${plural(input.awaitingReview, "item")} waiting)`,
    );
  }

  if (input.status === "PLANNED" && input.startDate < input.today)
    amber.push(`Start date (${formatDate(input.startDate)}) has passed but the placement is still planned`);
  if (
    input.status === "COMPLETED" &&
    !input.milestones.some((milestone) => milestone.kind === "FINAL_REVIEW" && milestone.heldOn)
  )
    amber.push("Completed without a final review on record");

  if (red.length) return { status: "RED", reasons: [...red, ...amber] };
  if (amber.length) return { status: "AMBER", reasons: amber };
  const green =
    input.status === "PLANNED"
      ? `Not started yet (starts ${formatDate(input.startDate)})`
      : input.status === "COMPLETED" || input.status === "ENDED_EARLY"
        ? "Finished"
        : "On track";
  return { status: "GREEN", reasons: [green] };
}

/** Working days after `endDate` up to and including `projected` (weekdays only beyond the bank-holiday table). */
export function workingDaysLate(endDate: IsoDate, projected: IsoDate): number {
  if (projected <= endDate) return 0;
  try {
    return workingDaysBetween(addDays(endDate, 1), projected);
  } catch {
    let count = 0;
    for (let day = addDays(endDate, 1); day <= projected; day = addDays(day, 1)) if (isoWeekday(day) <= 5) count++;
    return count;
  }
}

export type RiskInput = {
  rag: PlacementRag;
  startDate: IsoDate;
  endDate: IsoDate;
  today: IsoDate;
  milestones: ReadonlyArray<{ dueDate: IsoDate | null; state: MilestoneState }>;
  supervision: { overdue: boolean; lastSessionOn: IsoDate | null };
  days: { projectedEndDate: IsoDate | null };
};

const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * How overdue a placement is, in days: the longest of an overdue meeting's
 * lateness, the time since supervision was last held (when overdue), and the
 * projected end's lateness. 0 when nothing is late. Sorts rows within a colour.
 */
export function howOverdueDays(input: RiskInput): number {
  const late: number[] = [0];
  for (const milestone of input.milestones)
    if (milestone.state === "OVERDUE" && milestone.dueDate) late.push(daysBetween(milestone.dueDate, input.today));
  if (input.supervision.overdue)
    late.push(daysBetween(input.supervision.lastSessionOn ?? input.startDate, input.today));
  if (input.days.projectedEndDate && input.days.projectedEndDate > input.endDate)
    late.push(daysBetween(input.endDate, input.days.projectedEndDate));
  return Math.max(...late);
}

/** Dashboard order: red, amber, green; within a colour, the most overdue first. */
export function compareByRisk(a: RiskInput, b: RiskInput): number {
  return RAG_ORDER[a.rag.status] - RAG_ORDER[b.rag.status] || howOverdueDays(b) - howOverdueDays(a);
}
