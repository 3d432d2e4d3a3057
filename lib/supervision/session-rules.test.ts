import { actionDueDateProblem, actionPastDue, sessionDateProblem } from "@/lib/supervision/session-rules";

const today = "2026-11-25";
const placement = { startDate: "2026-11-02", endDate: "2027-03-01" };

describe("the date of a supervision session", () => {
  it("accepts a session held yesterday or today, and refuses one dated tomorrow", () => {
    expect(sessionDateProblem("2026-11-24", placement, today)).toBeNull();
    expect(sessionDateProblem("2026-11-25", placement, today)).toBeNull();
    expect(sessionDateProblem("2026-11-26", placement, today)).toBe(
      "A session can only be recorded once it has happened",
    );
  });

  it("accepts the placement's first day and refuses the day before it", () => {
    expect(sessionDateProblem("2026-11-02", placement, today)).toBeNull();
    expect(sessionDateProblem("2026-11-01", placement, today)).toMatch(/^The session must fall within the placement/);
  });

  it("accepts the placement's last day and refuses the day after it", () => {
    const ended = { startDate: "2026-09-01", endDate: "2026-11-20" };
    expect(sessionDateProblem("2026-11-20", ended, today)).toBeNull();
    expect(sessionDateProblem("2026-11-21", ended, today)).toBe(
      "The session must fall within the placement (1 Sept 2026 to 20 Nov 2026)",
    );
  });
});

describe("the due date of an agreed action", () => {
  it("may be the day of the session or later, never the day before", () => {
    expect(actionDueDateProblem("2026-11-25", "2026-11-25")).toBeNull();
    expect(actionDueDateProblem("2026-11-26", "2026-11-25")).toBeNull();
    expect(actionDueDateProblem("2026-11-24", "2026-11-25")).toBe(
      "The due date cannot be before the session (25 Nov 2026)",
    );
  });
});

describe("an open action past its due date", () => {
  it("is past due when it was due yesterday, not when it is due today or tomorrow", () => {
    expect(actionPastDue({ status: "OPEN", dueDate: "2026-11-24" }, today)).toBe(true);
    expect(actionPastDue({ status: "OPEN", dueDate: "2026-11-25" }, today)).toBe(false);
    expect(actionPastDue({ status: "OPEN", dueDate: "2026-11-26" }, today)).toBe(false);
  });

  it("is never past due once done or dropped", () => {
    expect(actionPastDue({ status: "DONE", dueDate: "2026-11-24" }, today)).toBe(false);
    expect(actionPastDue({ status: "DROPPED", dueDate: "2026-11-24" }, today)).toBe(false);
  });
});
