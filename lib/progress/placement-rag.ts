import { addDays, formatDate, type IsoDate } from "@/lib/dates";
import { MILESTONE_LABELS, type MilestoneKindName, type MilestoneState } from "@/lib/portfolio/milestone-rules";

// A placement's red / amber / green status, with the reasons in words (the
// colour is never the only signal). One rule set for every dashboard, the
// placement page, the CSV export and the API, so a placement reads the same
// everywhere (docs/domain.md "Progress, RAG and reminders").
//
// Only a running placement (ACTIVE or SUSPENDED) can be late. The rules:
//
// RED — something has already gone wrong:
//   - a cause for concern is open (whatever the placement's status: it must
//     be closed with an outcome, even after the placement ends);
//   - a milestone (learning agreement, midpoint, final review) is overdue;
//   - supervision is overdue: more than one expected interval since the last
//     session (lib/supervision/cadence.ts);
//   - RED_MISSED_WEEKS (2) or more supervision periods were missed;
//   - the projected end (required days left, counted in working days from
//     today) falls after the planned end date.
// AMBER — slipping, worth a look:
//   - a milestone falls due within MILESTONE_DUE_SOON_DAYS (7) and is not held;
//   - exactly one supervision period was missed;
//   - the midpoint has passed with no direct observation before it;
//   - the midpoint has passed and some PCF domains have no accepted evidence;
//   - evidence has waited more than REVIEW_WAIT_DAYS (14) days for the PE's review;
//   - the placement is suspended.
// A placement still PLANNED is amber once its start date has passed (someone
// should mark it active or move the dates), green otherwise. A finished one
// (COMPLETED, ENDED_EARLY) is amber when completed without a final review on
// record, green otherwise. GREEN reads "On track" (or "Not started yet",
// "Finished").

export const RED_MISSED_WEEKS = 2;
export const REVIEW_WAIT_DAYS = 14;

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
    if (input.supervision.missedWeeks >= RED_MISSED_WEEKS)
      red.push(`${plural(input.supervision.missedWeeks, "supervision week")} missed`);
    else if (input.supervision.missedWeeks === 1) amber.push("1 supervision week missed");

    if (input.days.projectedLate && input.days.projectedEndDate) {
      red.push(
        `Projected to finish ${formatDate(input.days.projectedEndDate)}, after the planned end (${formatDate(input.endDate)})`,
      );
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
    input.oldestAwaitingReviewOn < addDays(input.today, -REVIEW_WAIT_DAYS)
  ) {
    amber.push(
      `Evidence waiting more than ${REVIEW_WAIT_DAYS} days for review (${plural(input.awaitingReview, "item")} waiting)`,
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
