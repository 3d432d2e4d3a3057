export type PlacementStatusName = "PLANNED" | "ACTIVE" | "SUSPENDED" | "COMPLETED" | "ENDED_EARLY";

export const PLACEMENT_STATUS_LABELS: Record<PlacementStatusName, string> = {
  PLANNED: "Planned",
  ACTIVE: "Active",
  SUSPENDED: "Suspended",
  COMPLETED: "Completed",
  ENDED_EARLY: "Ended early",
};

// The lifecycle of a placement (docs/domain.md "Placements").
const ALLOWED: Record<PlacementStatusName, PlacementStatusName[]> = {
  PLANNED: ["ACTIVE", "ENDED_EARLY"],
  ACTIVE: ["SUSPENDED", "COMPLETED", "ENDED_EARLY"],
  SUSPENDED: ["ACTIVE", "ENDED_EARLY"],
  // Completed and ended-early placements are history; a correction is a new placement.
  COMPLETED: [],
  ENDED_EARLY: [],
};

/** Placements not yet finished: a student has at most one of these at a time, and a PE's current students are these. */
export const UNFINISHED_STATUSES = ["PLANNED", "ACTIVE", "SUSPENDED"] as const satisfies readonly PlacementStatusName[];

export function canChangeStatus(from: PlacementStatusName, to: PlacementStatusName): boolean {
  return from === to || ALLOWED[from].includes(to);
}

export function nextStatuses(from: PlacementStatusName): PlacementStatusName[] {
  return ALLOWED[from];
}

/** A suspension or an early end must say why: the university's panel will ask. */
export function statusNeedsReason(status: PlacementStatusName): boolean {
  return status === "SUSPENDED" || status === "ENDED_EARLY";
}
