import {
  finalReviewEarlyProblem,
  midpointActionPlanProblem,
  milestoneDueDate,
  observationProgress,
  placementMilestones,
} from "@/lib/portfolio/milestone-rules";

describe("milestone due dates", () => {
  // Monday 2 November 2026; no bank holidays until Christmas.
  const placement = { startDate: "2026-11-02", requiredDays: 70 };

  it("puts the learning agreement on placement day 10", () => {
    expect(milestoneDueDate("LEARNING_AGREEMENT", placement)).toBe("2026-11-13");
  });

  it("puts the midpoint at half the required days, skipping weekends and bank holidays", () => {
    // Day 35 is seven full weeks on: Friday 18 December.
    expect(milestoneDueDate("MIDPOINT_REVIEW", placement)).toBe("2026-12-18");
    // Day 40 steps over Christmas Day (Friday) and the substitute Boxing Day (Monday 28th).
    expect(milestoneDueDate("MIDPOINT_REVIEW", { ...placement, requiredDays: 80 })).toBe("2026-12-29");
  });

  it("pushes the midpoint and final review out by days lost to absence", () => {
    const withoutAbsence = milestoneDueDate("FINAL_REVIEW", placement);
    const withAbsence = milestoneDueDate("FINAL_REVIEW", { ...placement, absenceDays: 3 });
    expect(withoutAbsence).not.toBeNull();
    expect(withAbsence! > withoutAbsence!).toBe(true);
    expect(milestoneDueDate("LEARNING_AGREEMENT", { ...placement, absenceDays: 3 })).toBe("2026-11-13");
  });
});

describe("milestone states", () => {
  const base = { startDate: "2026-11-02", requiredDays: 70, status: "ACTIVE" };

  it("marks a held meeting done, a past unheld one overdue and one within 7 days due soon", () => {
    const states = placementMilestones({ ...base, held: {}, today: "2026-12-16" });
    expect(states.map((m) => m.state)).toEqual(["OVERDUE", "DUE_SOON", "UPCOMING"]);
    const held = placementMilestones({ ...base, held: { LEARNING_AGREEMENT: "2026-11-12" }, today: "2026-12-16" });
    expect(held[0]).toMatchObject({ state: "DONE", heldOn: "2026-11-12" });
  });

  it("never calls a milestone of a planned or finished placement overdue", () => {
    for (const status of ["PLANNED", "COMPLETED", "ENDED_EARLY"]) {
      const states = placementMilestones({ ...base, status, held: {}, today: "2027-06-01" });
      expect(states.every((m) => m.state === "UPCOMING")).toBe(true);
    }
  });
});

describe("review rules", () => {
  it("refuses a final review before the required days unless a reason is given", () => {
    expect(finalReviewEarlyProblem({ daysCompleted: 60, requiredDays: 70 })).toMatch(/60 of 70/);
    expect(finalReviewEarlyProblem({ daysCompleted: 60, requiredDays: 70, earlyReason: "  " })).not.toBeNull();
    expect(
      finalReviewEarlyProblem({ daysCompleted: 60, requiredDays: 70, earlyReason: "Ended early by agreement" }),
    ).toBeNull();
    expect(finalReviewEarlyProblem({ daysCompleted: 70, requiredDays: 70 })).toBeNull();
  });

  it("needs an action plan when the midpoint raises concerns", () => {
    expect(midpointActionPlanProblem({ recommendation: "CONCERNS", actionPlan: "" })).not.toBeNull();
    expect(
      midpointActionPlanProblem({ recommendation: "CONCERNS", actionPlan: "Weekly case notes review" }),
    ).toBeNull();
    expect(midpointActionPlanProblem({ recommendation: "ON_TRACK" })).toBeNull();
  });
});

describe("observation progress", () => {
  const obs = (observedOn: string, feedbackGiven = true) => ({ observedOn, feedbackGiven });

  it("counts only observations with feedback as done", () => {
    const progress = observationProgress({
      required: 3,
      observations: [obs("2026-11-20"), obs("2026-12-01"), obs("2026-12-10", false)],
      midpointDueDate: "2026-12-22",
      midpointHeldOn: null,
      today: "2026-12-12",
    });
    expect(progress).toMatchObject({ required: 3, done: 2, planned: 1, label: "2 of 3 done", beforeMidpointMet: true });
  });

  it("flags a midpoint passed with no observation before it", () => {
    const progress = observationProgress({
      required: 2,
      observations: [obs("2027-01-10")],
      midpointDueDate: "2026-12-22",
      midpointHeldOn: "2026-12-21",
      today: "2027-01-12",
    });
    expect(progress.beforeMidpointMet).toBe(false);
  });
});
