import { canChangeStatus, nextStatuses, statusNeedsReason, UNFINISHED_STATUSES } from "@/lib/placements/status-rules";

describe("placement status changes", () => {
  it("allows the lifecycle planned → active → suspended → active → completed", () => {
    expect(canChangeStatus("PLANNED", "ACTIVE")).toBe(true);
    expect(canChangeStatus("ACTIVE", "SUSPENDED")).toBe(true);
    expect(canChangeStatus("SUSPENDED", "ACTIVE")).toBe(true);
    expect(canChangeStatus("ACTIVE", "COMPLETED")).toBe(true);
  });

  it("refuses to reopen a finished placement or complete one that never started", () => {
    expect(canChangeStatus("COMPLETED", "ACTIVE")).toBe(false);
    expect(canChangeStatus("ENDED_EARLY", "ACTIVE")).toBe(false);
    expect(canChangeStatus("PLANNED", "COMPLETED")).toBe(false);
    expect(nextStatuses("COMPLETED")).toEqual([]);
  });

  it("requires a reason for a suspension or an early end only", () => {
    expect(statusNeedsReason("SUSPENDED")).toBe(true);
    expect(statusNeedsReason("ENDED_EARLY")).toBe(true);
    expect(statusNeedsReason("ACTIVE")).toBe(false);
  });

  it("allows exactly these changes, and staying put, from each status", () => {
    const statuses = ["PLANNED", "ACTIVE", "SUSPENDED", "COMPLETED", "ENDED_EARLY"] as const;
    const allowed = Object.fromEntries(
      statuses.map((from) => [from, statuses.filter((to) => to !== from && canChangeStatus(from, to))]),
    );
    expect(allowed).toEqual({
      PLANNED: ["ACTIVE", "ENDED_EARLY"],
      ACTIVE: ["SUSPENDED", "COMPLETED", "ENDED_EARLY"],
      SUSPENDED: ["ACTIVE", "ENDED_EARLY"],
      COMPLETED: [],
      ENDED_EARLY: [],
    });
    for (const status of statuses) expect(canChangeStatus(status, status)).toBe(true);
    for (const status of statuses) expect(nextStatuses(status)).toEqual(allowed[status]);
  });

  it("counts planned, active and suspended placements as unfinished, and the other two as finished", () => {
    expect([...UNFINISHED_STATUSES].sort()).toEqual(["ACTIVE", "PLANNED", "SUSPENDED"]);
  });
});
