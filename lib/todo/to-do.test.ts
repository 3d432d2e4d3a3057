import { buildToDo, byUrgency, dueWords, remindersOf, toDoFor, type ToDoWorld } from "@/lib/todo/to-do";
import { formatDate } from "@/lib/dates";

// Monday 23 November 2026. One active placement (student st1, PE pe1, tutor
// tu1, on-site on1) started 2 Nov with weekly supervision last held 13 Nov.
function world(overrides: Partial<ToDoWorld> = {}): ToDoWorld {
  return {
    today: "2026-11-23",
    placements: [
      {
        id: "p1",
        teamId: "t1",
        status: "ACTIVE",
        startDate: "2026-11-02",
        endDate: "2027-03-31",
        requiredDays: 70,
        supervisionEveryWeeks: 1,
        supervisionMinMinutes: 90,
        studentId: "st1",
        studentName: "Amira Hussain",
        tutorId: "tu1",
        onsiteSupervisorId: "on1",
        currentPeId: "pe1",
        held: { LEARNING_AGREEMENT: "2026-11-10" },
        absences: [],
        loggedToday: false,
      },
    ],
    supervisionRecords: [
      {
        id: "r1",
        placementId: "p1",
        heldOn: "2026-11-13",
        durationMinutes: 90,
        type: "FORMAL",
        status: "PE_SIGNED",
        peSignedOn: "2026-11-20",
      },
    ],
    evidence: [
      { id: "e1", placementId: "p1", submittedOn: "2026-11-19" },
      { id: "e2", placementId: "p1", submittedOn: "2026-11-20" },
    ],
    assessments: [],
    finals: [],
    stage2Pes: [],
    safeguarding: [],
    plannedSessions: [],
    ...overrides,
  };
}

describe("the To do list", () => {
  it("gives each person their own items, most urgent first", () => {
    const items = buildToDo(world());
    // The student: sign the record the PE signed on Friday (due Sunday 22: overdue).
    expect(toDoFor("st1", items).map((item) => item.kind)).toEqual(["SUPERVISION_SIGN"]);
    // The PE: overdue supervision (last held 13 Nov, due 20 Nov), then 2 pieces of evidence (due 26 Nov).
    expect(toDoFor("pe1", items).map((item) => [item.kind, item.count, item.dueDate])).toEqual([
      ["SUPERVISION_WEEK", 1, "2026-11-20"],
      ["EVIDENCE_REVIEW", 2, "2026-11-26"],
    ]);
    expect(toDoFor("on1", items).map((item) => item.kind)).toEqual(["LOG_TODAY"]);
    expect(toDoFor("tu1", items)).toEqual([]);
    expect(toDoFor("someone-else", items)).toEqual([]);
  });

  it("the reminders are exactly the items chased today, with the same words and links", () => {
    const items = buildToDo(world());
    const reminders = remindersOf(items);
    // Signature waited 3 days (chased); supervision overdue (chased); evidence waited 2 working days (not yet); Log today (never).
    expect(reminders.map((reminder) => reminder.itemKey).sort()).toEqual(
      ["supervision-sign:r1", "supervision-week:p1:2026-11-23"].sort(),
    );
    for (const reminder of reminders) {
      const item = items.find((candidate) => candidate.itemKey === reminder.itemKey)!;
      expect(reminder).toEqual({
        itemKey: item.itemKey,
        userIds: item.userIds,
        title: item.title,
        body: item.body,
        link: item.link,
      });
    }
  });

  it("says nothing about a placement that is not running", () => {
    const base = world();
    const finished = world({ placements: base.placements.map((p) => ({ ...p, status: "COMPLETED" })) });
    expect(buildToDo(finished).some((item) => item.kind === "LOG_TODAY" || item.kind === "SUPERVISION_WEEK")).toBe(
      false,
    );
  });

  it("breaks a tie on the due date by the kind: a safeguarding action before logging the day", () => {
    const items = buildToDo(
      world({
        supervisionRecords: [],
        evidence: [],
        safeguarding: [{ id: "s1", raisedOn: "2026-11-23", childCode: "C-1", handlerIds: ["on1"] }],
      }),
    );
    expect(toDoFor("on1", items).map((item) => item.kind)).toEqual(["SAFEGUARDING_ACTION", "LOG_TODAY"]);
    expect([...items].sort(byUrgency)[0].dueDate <= "2026-11-23").toBe(true);
  });

  it("states the due date in words", () => {
    expect(dueWords("2026-11-20", "2026-11-23", formatDate)).toEqual({
      text: "Overdue since 20 Nov 2026",
      overdue: true,
    });
    expect(dueWords("2026-11-23", "2026-11-23", formatDate)).toEqual({ text: "Due today", overdue: false });
    expect(dueWords("2026-11-25", "2026-11-23", formatDate)).toEqual({ text: "Due 25 Nov 2026", overdue: false });
  });
});
