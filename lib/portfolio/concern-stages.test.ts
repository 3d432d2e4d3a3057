import {
  applyConcernStep,
  concernActionDueProblem,
  concernStateLabel,
  concernStepDateProblem,
  nextSteps,
  type ConcernStageName,
} from "@/lib/portfolio/concern-stages";

const open = (stage: ConcernStageName, actions = 1) => ({ stage, status: "OPEN" as const, actions });

describe("the stages of a cause for concern", () => {
  it("runs stage 1 meeting -> action plan -> review -> resolved", () => {
    expect(applyConcernStep(open("STAGE_1_MEETING", 0), { stage: "STAGE_1_MEETING" })).toEqual({
      ok: true,
      stage: "ACTION_PLAN",
      status: "OPEN",
      outcome: null,
    });
    expect(applyConcernStep(open("ACTION_PLAN"), { stage: "ACTION_PLAN" })).toEqual({
      ok: true,
      stage: "REVIEW",
      status: "OPEN",
      outcome: null,
    });
    expect(applyConcernStep(open("REVIEW"), { stage: "REVIEW", outcome: "RESOLVED" })).toEqual({
      ok: true,
      stage: "REVIEW",
      status: "RESOLVED",
      outcome: "RESOLVED",
    });
  });

  it("goes to a stage 2 meeting when the review does not resolve it, then to an outcome", () => {
    expect(applyConcernStep(open("REVIEW"), { stage: "REVIEW" })).toEqual({
      ok: true,
      stage: "STAGE_2_MEETING",
      status: "OPEN",
      outcome: null,
    });
    expect(applyConcernStep(open("STAGE_2_MEETING"), { stage: "STAGE_2_MEETING" })).toEqual({
      ok: true,
      stage: "OUTCOME",
      status: "OPEN",
      outcome: null,
    });
    for (const outcome of ["EXTEND", "CHANGE_PLACEMENT", "SUSPEND", "FAIL"] as const) {
      expect(applyConcernStep(open("OUTCOME"), { stage: "OUTCOME", outcome })).toEqual({
        ok: true,
        stage: "OUTCOME",
        status: "RESOLVED",
        outcome,
      });
    }
  });

  it("refuses steps out of order, naming the step that comes next", () => {
    const result = applyConcernStep(open("STAGE_1_MEETING"), { stage: "REVIEW" });
    expect(result).toEqual({
      ok: false,
      field: "stage",
      reason:
        "The next step is the stage 1 concerns meeting; the review of the action plan cannot be recorded before it.",
    });
    expect(applyConcernStep(open("ACTION_PLAN"), { stage: "STAGE_2_MEETING" }).ok).toBe(false);
    expect(applyConcernStep(open("REVIEW"), { stage: "OUTCOME", outcome: "FAIL" }).ok).toBe(false);
  });

  it("needs an action before the action plan is agreed", () => {
    expect(applyConcernStep(open("ACTION_PLAN", 0), { stage: "ACTION_PLAN" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("at least one action"),
    });
  });

  it("allows only the outcomes each step can have", () => {
    expect(applyConcernStep(open("STAGE_1_MEETING"), { stage: "STAGE_1_MEETING", outcome: "FAIL" })).toMatchObject({
      ok: false,
      field: "outcome",
    });
    expect(applyConcernStep(open("REVIEW"), { stage: "REVIEW", outcome: "SUSPEND" })).toMatchObject({
      ok: false,
      field: "outcome",
    });
    expect(applyConcernStep(open("OUTCOME"), { stage: "OUTCOME" })).toMatchObject({ ok: false, field: "outcome" });
    expect(applyConcernStep(open("OUTCOME"), { stage: "OUTCOME", outcome: "RESOLVED" })).toMatchObject({
      ok: false,
      field: "outcome",
    });
  });

  it("records nothing on a closed concern", () => {
    const closed = { stage: "REVIEW" as const, status: "RESOLVED" as const, actions: 1 };
    expect(applyConcernStep(closed, { stage: "REVIEW" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("closed"),
    });
    expect(nextSteps(closed)).toEqual([]);
    expect(nextSteps(open("REVIEW"))).toEqual(["REVIEW"]);
  });

  it("says where a concern stands in words", () => {
    expect(concernStateLabel({ stage: "STAGE_1_MEETING", status: "OPEN", outcome: null })).toBe(
      "Raised: stage 1 meeting to be held",
    );
    expect(concernStateLabel({ stage: "REVIEW", status: "RESOLVED", outcome: "RESOLVED" })).toBe("Closed: resolved");
    expect(concernStateLabel({ stage: "OUTCOME", status: "RESOLVED", outcome: "EXTEND" })).toBe(
      "Closed: placement extended",
    );
  });
});

describe("the dates of a concern's steps and actions", () => {
  const raised = { raisedOn: "2026-11-10", earlierSteps: [] as string[], today: "2026-12-03" };

  it("accepts a step on the day the concern was raised, and refuses the day before", () => {
    expect(concernStepDateProblem({ ...raised, heldOn: "2026-11-10" })).toBeNull();
    expect(concernStepDateProblem({ ...raised, heldOn: "2026-11-09" })).toMatch(/before the last step \(10 Nov 2026\)/);
  });

  it("accepts a step on the day of the last one, and refuses the day before it", () => {
    const later = { ...raised, earlierSteps: ["2026-11-20", "2026-11-14"] };
    expect(concernStepDateProblem({ ...later, heldOn: "2026-11-20" })).toBeNull();
    expect(concernStepDateProblem({ ...later, heldOn: "2026-11-19" })).toMatch(/20 Nov 2026/);
  });

  it("accepts a step held today, and refuses one tomorrow", () => {
    expect(concernStepDateProblem({ ...raised, heldOn: "2026-12-03" })).toBeNull();
    expect(concernStepDateProblem({ ...raised, heldOn: "2026-12-04" })).toMatch(/once it has happened/);
  });

  it("accepts an action due on the day the concern was raised, and refuses the day before", () => {
    expect(concernActionDueProblem({ dueOn: "2026-11-10", raisedOn: "2026-11-10" })).toBeNull();
    expect(concernActionDueProblem({ dueOn: "2026-11-09", raisedOn: "2026-11-10" })).toMatch(
      /before the concern was raised/,
    );
  });
});
