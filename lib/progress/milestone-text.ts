import { formatDate } from "@/lib/dates";
import { MILESTONE_LABELS, MILESTONE_STATE_LABELS } from "@/lib/portfolio/milestone-rules";
import type { PlacementProgress } from "@/lib/progress/placement-progress";

/** The next milestone not yet held, in words for a table cell or a CSV: label and "due 14 Dec 2026 (overdue)". */
export function nextMilestone(progress: Pick<PlacementProgress, "milestones">): { label: string; when: string; state: string } | null {
  const next = progress.milestones.find((milestone) => milestone.state !== "DONE");
  if (!next) return null;
  const when = next.dueDate ? `due ${formatDate(next.dueDate)}` : "no due date";
  return { label: MILESTONE_LABELS[next.kind], when: next.state === "UPCOMING" ? when : `${when} (${MILESTONE_STATE_LABELS[next.state].toLowerCase()})`, state: next.state };
}
