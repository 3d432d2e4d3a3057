import {
  finalReviewEarlyProblem,
  midpointActionPlanProblem,
  milestoneDueDate,
  milestoneState,
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

  it("pushes the midpoint and final review out by one working day per day lost to absence, not the learning agreement", () => {
    // Midpoint: day 35 (Friday 18 December) becomes day 38, the following Wednesday.
    expect(milestoneDueDate("MIDPOINT_REVIEW", { ...placement, absenceDays: 3 })).toBe("2026-12-23");
    // Final review: day 70 (Wednesday 10 February 2027, after three bank holidays) becomes day 73, Monday 15th.
    expect(milestoneDueDate("FINAL_REVIEW", placement)).toBe("2027-02-10");
    expect(milestoneDueDate("FINAL_REVIEW", { ...placement, absenceDays: 3 })).toBe("2027-02-15");
    expect(milestoneDueDate("LEARNING_AGREEMENT", { ...placement, absenceDays: 3 })).toBe("2026-11-13");
  });

  it("moves a Friday's due date to the Monday for one day of absence, over the weekend", () => {
    expect(milestoneDueDate("MIDPOINT_REVIEW", placement)).toBe("2026-12-18");
    expect(milestoneDueDate("MIDPOINT_REVIEW", { ...placement, absenceDays: 1 })).toBe("2026-12-21");
  });

  it("rounds half of an odd number of required days up: 71 days puts the midpoint on day 36", () => {
    expect(milestoneDueDate("MIDPOINT_REVIEW", { ...placement, requiredDays: 70 })).toBe("2026-12-18");
    expect(milestoneDueDate("MIDPOINT_REVIEW", { ...placement, requiredDays: 71 })).toBe("2026-12-21");
    expect(milestoneDueDate("MIDPOINT_REVIEW", { ...placement, requiredDays: 72 })).toBe("2026-12-21");
  });

  it("counts a placement starting on a Saturday from the Monday: day 10 is the second Friday", () => {
    expect(milestoneDueDate("LEARNING_AGREEMENT", { startDate: "2026-10-31", requiredDays: 70 })).toBe("2026-11-13");
  });

  it("does not count a bank holiday the placement starts on: day 1 is the next working day", () => {
    // Monday 31 August 2026 is the summer bank holiday: day 1 is Tuesday 1 September, day 10 Monday 14 September.
    expect(milestoneDueDate("LEARNING_AGREEMENT", { startDate: "2026-08-31", requiredDays: 70 })).toBe("2026-09-14");
  });

  it("gives no date, rather than a wrong one, beyond the bank-holiday table (2028)", () => {
    expect(milestoneDueDate("FINAL_REVIEW", { startDate: "2028-12-01", requiredDays: 100 })).toBeNull();
    expect(milestoneDueDate("LEARNING_AGREEMENT", { startDate: "2028-12-01", requiredDays: 100 })).toBe("2028-12-14");
  });
});

describe("milestone state on the boundaries of its due date", () => {
  const dueDate = "2026-12-18";

  it("is overdue from the day after the due date, not on it", () => {
    expect(milestoneState({ heldOn: null, dueDate, today: "2026-12-19" })).toBe("OVERDUE");
    expect(milestoneState({ heldOn: null, dueDate, today: "2026-12-18" })).toBe("DUE_SOON");
  });

  it("is due soon from 7 days before, and not yet due 8 days before", () => {
    expect(milestoneState({ heldOn: null, dueDate, today: "2026-12-11" })).toBe("DUE_SOON");
    expect(milestoneState({ heldOn: null, dueDate, today: "2026-12-10" })).toBe("UPCOMING");
  });

  it("is done once held, even after the due date", () => {
    expect(milestoneState({ heldOn: "2026-12-20", dueDate, today: "2027-01-05" })).toBe("DONE");
  });

  it("is never overdue without a due date", () => {
    expect(milestoneState({ heldOn: null, dueDate: null, today: "2030-01-01" })).toBe("UPCOMING");
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
  it("needs no reason once the required days are completed, and one with a single day short", () => {
    expect(finalReviewEarlyProblem({ daysCompleted: 70, requiredDays: 70 })).toBeNull();
    expect(finalReviewEarlyProblem({ daysCompleted: 69, requiredDays: 70 })).toMatch(/69 of 70/);
  });

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

  it("counts an observation on the day of the midpoint as before it", () => {
    const progress = observationProgress({
      required: 2,
      observations: [obs("2026-12-21")],
      midpointDueDate: "2026-12-22",
      midpointHeldOn: "2026-12-21",
      today: "2027-01-12",
    });
    expect(progress.beforeMidpointMet).toBe(true);
  });

  it("does not flag the midpoint on its own day, only once it has passed", () => {
    const onTheDay = { required: 2, observations: [], midpointDueDate: "2026-12-22", midpointHeldOn: null };
    expect(observationProgress({ ...onTheDay, today: "2026-12-22" }).beforeMidpointMet).toBe(true);
    expect(observationProgress({ ...onTheDay, today: "2026-12-23" }).beforeMidpointMet).toBe(false);
  });

  it("ignores a planned observation without feedback when judging the midpoint", () => {
    const progress = observationProgress({
      required: 2,
      observations: [obs("2026-12-01", false)],
      midpointDueDate: "2026-12-22",
      midpointHeldOn: null,
      today: "2027-01-12",
    });
    expect(progress).toMatchObject({ done: 0, planned: 1, beforeMidpointMet: false });
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
