import { formatDate } from "@/lib/dates";
import { MILESTONE_LABELS, MILESTONE_STATE_LABELS, type MilestoneState } from "@/lib/portfolio/milestone-rules";
import type { PlacementProgress } from "@/lib/progress/placement-progress";

const finished = (status: string) => status === "COMPLETED" || status === "ENDED_EARLY";

/**
 * A milestone's state in words. On a finished placement a meeting that was
 * never recorded is "Not recorded", not "Not due yet" (its due date has gone).
 */
export function milestoneStateWords(
  milestone: { state: MilestoneState; heldOn: string | null },
  status: string,
): string {
  if (!milestone.heldOn && finished(status)) return "Not recorded";
  return MILESTONE_STATE_LABELS[milestone.state];
}

/** The next milestone not yet held, in words for a table cell or a CSV: label and "due 14 Dec 2026 (overdue)". Null when all are held or the placement has finished. */
export function nextMilestone(
  progress: Pick<PlacementProgress, "milestones">,
  status: string,
): { label: string; when: string; state: string } | null {
  if (finished(status)) return null;
  const next = progress.milestones.find((milestone) => milestone.state !== "DONE");
  if (!next) return null;
  const when = next.dueDate ? `due ${formatDate(next.dueDate)}` : "no due date";
  return {
    label: MILESTONE_LABELS[next.kind],
    when: next.state === "UPCOMING" ? when : `${when} (${MILESTONE_STATE_LABELS[next.state].toLowerCase()})`,
    state: next.state,
  };
}
