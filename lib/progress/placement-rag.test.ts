import {
  compareByRisk,
  howOverdueDays,
  placementRag,
  midpointPassed,
  workingDaysLate,
  type RagInput,
  type RiskInput,
} from "@/lib/progress/placement-rag";

const today = "2026-11-23"; // a Monday

function input(overrides: Partial<RagInput> = {}): RagInput {
  return {
    status: "ACTIVE",
    startDate: "2026-09-07",
    endDate: "2027-01-29",
    today,
    openConcerns: 0,
    days: { projectedEndDate: "2027-01-15", projectedLate: false },
    supervision: { overdue: false, missedWeeks: 0, lastSessionOn: "2026-11-19" },
    milestones: [
      { kind: "LEARNING_AGREEMENT", dueDate: "2026-09-18", heldOn: "2026-09-15", state: "DONE" },
      { kind: "MIDPOINT_REVIEW", dueDate: "2026-12-14", heldOn: null, state: "UPCOMING" },
      { kind: "FINAL_REVIEW", dueDate: "2027-01-15", heldOn: null, state: "UPCOMING" },
    ],
    observations: { beforeMidpointMet: true },
    coverage: { gaps: 4, domains: 9 },
    oldestAwaitingReviewOn: null,
    awaitingReview: 0,
    ...overrides,
  };
}

const withMilestone = (kind: "LEARNING_AGREEMENT" | "MIDPOINT_REVIEW" | "FINAL_REVIEW", change: object) =>
  input().milestones.map((milestone) => (milestone.kind === kind ? { ...milestone, ...change } : milestone));

describe("placementRag", () => {
  it("is green and on track when nothing is wrong", () => {
    expect(placementRag(input())).toEqual({ status: "GREEN", reasons: ["On track"] });
  });

  describe("red rules", () => {
    it("an open cause for concern", () => {
      expect(placementRag(input({ openConcerns: 1 }))).toEqual({
        status: "RED",
        reasons: ["1 open cause for concern"],
      });
      expect(placementRag(input({ openConcerns: 2 })).reasons).toEqual(["2 open causes for concern"]);
    });

    it("an open concern keeps a finished or planned placement red", () => {
      expect(
        placementRag(
          input({
            status: "COMPLETED",
            openConcerns: 1,
            milestones: withMilestone("FINAL_REVIEW", { heldOn: "2027-01-10", state: "DONE" }),
          }),
        ).status,
      ).toBe("RED");
      expect(placementRag(input({ status: "PLANNED", startDate: "2027-01-04", openConcerns: 1 })).status).toBe("RED");
    });

    it("an overdue milestone, with its due date", () => {
      const rag = placementRag(
        input({ milestones: withMilestone("LEARNING_AGREEMENT", { heldOn: null, state: "OVERDUE" }) }),
      );
      expect(rag).toEqual({
        status: "RED",
        reasons: ["Practice learning agreement meeting overdue (was due 18 Sept 2026)"],
      });
    });

    it("supervision overdue, naming the last session or its absence", () => {
      expect(
        placementRag(input({ supervision: { overdue: true, missedWeeks: 0, lastSessionOn: "2026-11-05" } })),
      ).toEqual({
        status: "RED",
        reasons: ["Supervision overdue: last session 5 Nov 2026"],
      });
      expect(
        placementRag(input({ supervision: { overdue: true, missedWeeks: 0, lastSessionOn: null } })).reasons,
      ).toEqual(["Supervision overdue: no session yet"]);
    });

    it("a projected end more than 10 working days after the planned end (Fri 29 Jan 2027)", () => {
      // 11 working days: 1–5, 8–12 and 15 Feb.
      const rag = placementRag(input({ days: { projectedEndDate: "2027-02-15", projectedLate: true } }));
      expect(rag).toEqual({
        status: "RED",
        reasons: ["Projected to finish 15 Feb 2027, 11 working days after the planned end (29 Jan 2027)"],
      });
    });

    it("a projected end after the programme's deadline, however few days late", () => {
      const rag = placementRag(
        input({ deadline: "2027-02-01", days: { projectedEndDate: "2027-02-02", projectedLate: true } }),
      );
      expect(rag).toEqual({
        status: "RED",
        reasons: ["Projected to finish 2 Feb 2027, after the programme's deadline (1 Feb 2027)"],
      });
    });

    it("lists red reasons first, then amber ones", () => {
      const rag = placementRag(
        input({ openConcerns: 1, supervision: { overdue: false, missedWeeks: 1, lastSessionOn: "2026-11-19" } }),
      );
      expect(rag).toEqual({ status: "RED", reasons: ["1 open cause for concern", "1 supervision week missed"] });
    });
  });

  describe("amber rules", () => {
    it("a milestone due within 7 days and not yet held", () => {
      const rag = placementRag(
        input({ milestones: withMilestone("MIDPOINT_REVIEW", { dueDate: "2026-11-27", state: "DUE_SOON" }) }),
      );
      expect(rag).toEqual({ status: "AMBER", reasons: ["Midpoint review due 27 Nov 2026"] });
    });

    it("missed supervision weeks, while supervision is not overdue now", () => {
      expect(
        placementRag(input({ supervision: { overdue: false, missedWeeks: 1, lastSessionOn: "2026-11-19" } })),
      ).toEqual({ status: "AMBER", reasons: ["1 supervision week missed"] });
      expect(
        placementRag(input({ supervision: { overdue: false, missedWeeks: 3, lastSessionOn: "2026-11-19" } })),
      ).toEqual({ status: "AMBER", reasons: ["3 supervision weeks missed"] });
    });

    it("a projected end up to 10 working days after the planned end: making up days at the end is normal", () => {
      expect(placementRag(input({ days: { projectedEndDate: "2027-02-12", projectedLate: true } }))).toEqual({
        status: "AMBER",
        reasons: ["Projected to finish 12 Feb 2027, 10 working days after the planned end (29 Jan 2027)"],
      });
      expect(placementRag(input({ days: { projectedEndDate: "2027-02-01", projectedLate: true } })).reasons).toEqual([
        "Projected to finish 1 Feb 2027, 1 working day after the planned end (29 Jan 2027)",
      ]);
      // On the planned end, or before it (and before the deadline): green.
      expect(placementRag(input({ days: { projectedEndDate: "2027-01-29", projectedLate: false } })).status).toBe(
        "GREEN",
      );
      expect(
        placementRag(input({ deadline: "2027-02-01", days: { projectedEndDate: "2027-02-01", projectedLate: true } }))
          .status,
      ).toBe("AMBER");
    });

    it("no direct observation before a passed midpoint", () => {
      expect(placementRag(input({ observations: { beforeMidpointMet: false } }))).toEqual({
        status: "AMBER",
        reasons: ["No direct observation before the midpoint"],
      });
    });

    it("PCF gaps only count once the midpoint has passed", () => {
      expect(placementRag(input({ coverage: { gaps: 4, domains: 9 } })).status).toBe("GREEN");
      const past = withMilestone("MIDPOINT_REVIEW", { dueDate: "2026-11-10", heldOn: "2026-11-10", state: "DONE" });
      expect(placementRag(input({ milestones: past, coverage: { gaps: 4, domains: 9 } }))).toEqual({
        status: "AMBER",
        reasons: ["4 PCF domains of 9 without accepted evidence after the midpoint"],
      });
      expect(placementRag(input({ milestones: past, coverage: { gaps: 0, domains: 9 } })).status).toBe("GREEN");
    });

    it("evidence waiting more than 14 days for review", () => {
      expect(placementRag(input({ oldestAwaitingReviewOn: "2026-11-09", awaitingReview: 1 })).status).toBe("GREEN"); // exactly 14 days
      expect(placementRag(input({ oldestAwaitingReviewOn: "2026-11-08", awaitingReview: 3 }))).toEqual({
        status: "AMBER",
        reasons: ["Evidence waiting more than 14 days for review (3 items waiting)"],
      });
    });

    it("a suspended placement", () => {
      expect(placementRag(input({ status: "SUSPENDED" }))).toEqual({
        status: "AMBER",
        reasons: ["Placement suspended"],
      });
    });

    it("a planned placement whose start date has passed", () => {
      expect(placementRag(input({ status: "PLANNED", startDate: "2026-11-16" }))).toEqual({
        status: "AMBER",
        reasons: ["Start date (16 Nov 2026) has passed but the placement is still planned"],
      });
    });

    it("a completed placement without a final review on record", () => {
      expect(placementRag(input({ status: "COMPLETED" }))).toEqual({
        status: "AMBER",
        reasons: ["Completed without a final review on record"],
      });
    });
  });

  describe("placements that are not running are never late", () => {
    const late = {
      days: { projectedEndDate: "2027-03-01", projectedLate: true },
      supervision: { overdue: true, missedWeeks: 5, lastSessionOn: null },
      milestones: withMilestone("LEARNING_AGREEMENT", { heldOn: null, state: "OVERDUE" as const }),
      observations: { beforeMidpointMet: false },
    };

    it("planned, not yet started: green, not started yet", () => {
      expect(placementRag(input({ ...late, status: "PLANNED", startDate: "2027-01-04" }))).toEqual({
        status: "GREEN",
        reasons: ["Not started yet (starts 4 Jan 2027)"],
      });
    });

    it("completed with a final review, or ended early: green, finished", () => {
      const milestones = late.milestones.map((milestone) =>
        milestone.kind === "FINAL_REVIEW" ? { ...milestone, heldOn: "2027-01-10", state: "DONE" as const } : milestone,
      );
      expect(placementRag(input({ ...late, milestones, status: "COMPLETED" }))).toEqual({
        status: "GREEN",
        reasons: ["Finished"],
      });
      expect(
        placementRag(
          input({ ...late, status: "ENDED_EARLY", oldestAwaitingReviewOn: "2026-01-01", awaitingReview: 2 }),
        ),
      ).toEqual({ status: "GREEN", reasons: ["Finished"] });
    });
  });

  describe("midpointPassed", () => {
    it("uses the held date, else the due date", () => {
      expect(midpointPassed(withMilestone("MIDPOINT_REVIEW", { heldOn: "2026-11-20" }), today)).toBe(true);
      expect(midpointPassed(withMilestone("MIDPOINT_REVIEW", { dueDate: "2026-11-20" }), today)).toBe(true);
      expect(midpointPassed(withMilestone("MIDPOINT_REVIEW", { dueDate: "2026-11-23" }), today)).toBe(false);
      expect(midpointPassed(withMilestone("MIDPOINT_REVIEW", { dueDate: null }), today)).toBe(false);
    });
  });
});

describe("working days late", () => {
  it("counts working days after the planned end, skipping weekends and bank holidays", () => {
    expect(workingDaysLate("2027-01-29", "2027-01-29")).toBe(0);
    expect(workingDaysLate("2027-01-29", "2027-01-31")).toBe(0); // the weekend
    expect(workingDaysLate("2027-01-29", "2027-02-01")).toBe(1);
    // 24 Dec 2026 (Thu) to 4 Jan 2027: 25 and 28 Dec, 1 Jan are bank holidays → 29, 30, 31 Dec and 4 Jan.
    expect(workingDaysLate("2026-12-24", "2027-01-04")).toBe(4);
  });
});

describe("dashboard order: severity, then how overdue", () => {
  const risk = (status: "RED" | "AMBER" | "GREEN", change: Partial<RiskInput> = {}): RiskInput => ({
    rag: { status, reasons: [] },
    startDate: "2026-09-07",
    endDate: "2027-01-29",
    today,
    milestones: [],
    supervision: { overdue: false, lastSessionOn: "2026-11-19" },
    days: { projectedEndDate: null },
    ...change,
  });

  it("measures the longest lateness: an overdue meeting, supervision, or the projected end", () => {
    expect(howOverdueDays(risk("GREEN"))).toBe(0);
    expect(howOverdueDays(risk("RED", { milestones: [{ dueDate: "2026-11-13", state: "OVERDUE" }] }))).toBe(10);
    expect(howOverdueDays(risk("RED", { supervision: { overdue: true, lastSessionOn: "2026-11-02" } }))).toBe(21);
    expect(howOverdueDays(risk("AMBER", { days: { projectedEndDate: "2027-02-05" } }))).toBe(7);
  });

  it("puts red before amber before green, and the most overdue first within a colour", () => {
    const rows = [
      risk("GREEN"),
      risk("RED", { milestones: [{ dueDate: "2026-11-20", state: "OVERDUE" }] }),
      risk("AMBER"),
      risk("RED", { supervision: { overdue: true, lastSessionOn: "2026-11-02" } }),
    ];
    expect([...rows].sort(compareByRisk).map((row) => [row.rag.status, howOverdueDays(row)])).toEqual([
      ["RED", 21],
      ["RED", 3],
      ["AMBER", 0],
      ["GREEN", 0],
    ]);
  });
});
