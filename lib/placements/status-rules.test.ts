import { canChangeStatus, nextStatuses, statusNeedsReason } from "@/lib/placements/status-rules";

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
});
