import {
  assessmentItem,
  evidenceReviewItem,
  finalAssessmentItems,
  logTodayItem,
  milestoneItems,
  plannedSessionItem,
  safeguardingItem,
  supervisionRecordItem,
  supervisionWeekItem,
  type SupervisionWeekInput,
  type SupervisionRecordInput,
  type ToDoItem,
} from "@/lib/reminders/rules";

// Each rule gives the "To do" item open today (or null); `remind` says whether
// the reminders job chases it today. The reminder tests read the chased ones.
const chased = (item: ToDoItem | null) => (item && item.remind ? item : null);
const supervisionWeekReminder = (input: SupervisionWeekInput) => chased(supervisionWeekItem(input));
const supervisionRecordReminder = (input: SupervisionRecordInput) => chased(supervisionRecordItem(input));
const milestoneReminders = milestoneItems;
const assessmentReminder = assessmentItem;

// November 2026: Mondays are the 2nd, 9th, 16th, 23rd and 30th; no bank holidays.

const formal = (heldOn: string) => ({ heldOn, durationMinutes: 90, type: "FORMAL" });

function week(overrides: Partial<SupervisionWeekInput> & { today: string }): SupervisionWeekInput {
  return {
    placement: {
      id: "p1",
      status: "ACTIVE",
      startDate: "2026-11-02",
      endDate: "2027-03-31",
      everyWeeks: 1,
      minMinutes: 90,
      studentName: "Amira Hussain",
    },
    currentPeId: "pe1",
    sessions: [],
    absences: [],
    ...overrides,
  };
}

describe("supervision not recorded this week", () => {
  it("reminds the current PE from Thursday when the week has no session yet", () => {
    const reminder = supervisionWeekReminder(
      week({ today: "2026-11-19", sessions: [formal("2026-11-03"), formal("2026-11-13")] }),
    );
    expect(reminder).toMatchObject({
      itemKey: "supervision-week:p1:2026-11-16",
      userIds: ["pe1"],
      link: "/placements/p1/supervision/new",
      kind: "SUPERVISION_WEEK",
      dueDate: "2026-11-22",
    });
    expect(reminder!.title).toBe("Supervision not recorded yet this week: Amira Hussain");
    expect(reminder!.body).toContain("22 Nov 2026");
  });

  it("is on the PE's to-do list all week, but chased only from Thursday", () => {
    const monday = supervisionWeekItem(week({ today: "2026-11-16", sessions: [formal("2026-11-13")] }));
    expect(monday).toMatchObject({ remind: false, dueDate: "2026-11-22", userIds: ["pe1"] });
    expect(supervisionWeekItem(week({ today: "2026-11-19", sessions: [formal("2026-11-13")] }))!.remind).toBe(true);
  });

  it("says nothing earlier in the week, or once a session is recorded", () => {
    expect(supervisionWeekReminder(week({ today: "2026-11-18", sessions: [formal("2026-11-13")] }))).toBeNull();
    expect(
      supervisionWeekItem(week({ today: "2026-11-17", sessions: [formal("2026-11-13"), formal("2026-11-16")] })),
    ).toBeNull();
    expect(
      supervisionWeekReminder(week({ today: "2026-11-19", sessions: [formal("2026-11-13"), formal("2026-11-16")] })),
    ).toBeNull();
  });

  it("does not count a session dated in the future, or a review meeting, as this week's supervision", () => {
    expect(
      supervisionWeekReminder(week({ today: "2026-11-19", sessions: [formal("2026-11-13"), formal("2026-11-20")] })),
    ).not.toBeNull();
    expect(
      supervisionWeekReminder(
        week({
          today: "2026-11-19",
          sessions: [formal("2026-11-13"), { heldOn: "2026-11-17", durationMinutes: 60, type: "REVIEW_MEETING" }],
        }),
      ),
    ).not.toBeNull();
  });

  it("reminds on any day once supervision is overdue (more than a week since the last session)", () => {
    const reminder = supervisionWeekReminder(week({ today: "2026-11-16", sessions: [formal("2026-11-03")] }));
    expect(reminder).toMatchObject({ itemKey: "supervision-week:p1:2026-11-16", userIds: ["pe1"] });
    expect(reminder!.title).toBe("Supervision overdue: Amira Hussain");
    expect(reminder!.body).toContain("3 Nov 2026");
    // Due a week after the last session, so it sorts above things due today.
    expect(reminder!.dueDate).toBe("2026-11-10");
  });

  it("does not chase a week the student was away for (excused)", () => {
    const absences = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"];
    expect(
      supervisionWeekReminder(week({ today: "2026-11-19", sessions: [formal("2026-11-13")], absences })),
    ).toBeNull();
  });

  it("with fortnightly supervision, waits for the last week of the fortnight", () => {
    const fortnightly = (today: string) =>
      supervisionWeekReminder(
        week({
          today,
          placement: {
            id: "p1",
            status: "ACTIVE",
            startDate: "2026-11-02",
            endDate: "2027-03-31",
            everyWeeks: 2,
            minMinutes: 90,
            studentName: "Amira Hussain",
          },
          sessions: [formal("2026-11-12")],
        }),
      );
    expect(fortnightly("2026-11-19")).toBeNull();
    expect(fortnightly("2026-11-26")).toMatchObject({ itemKey: "supervision-week:p1:2026-11-16" });
  });

  it("never reminds about a placement that is not active, or one with no current PE", () => {
    for (const status of ["PLANNED", "SUSPENDED", "COMPLETED", "ENDED_EARLY"]) {
      const input = week({ today: "2026-11-19", sessions: [formal("2026-11-03")] });
      expect(supervisionWeekReminder({ ...input, placement: { ...input.placement, status } })).toBeNull();
    }
    expect(supervisionWeekReminder(week({ today: "2026-11-19", currentPeId: null }))).toBeNull();
  });
});

describe("review meetings due within 7 days or overdue", () => {
  const placement = {
    id: "p1",
    status: "ACTIVE",
    startDate: "2026-11-02",
    requiredDays: 70,
    studentId: "st1",
    tutorId: "tu1",
    studentName: "Amira Hussain",
  };

  it("reminds the PE, the student and the tutor of a learning agreement due within a week (due by placement day 10: 13 Nov)", () => {
    const [reminder, ...rest] = milestoneReminders({
      placement,
      currentPeId: "pe1",
      absenceDays: 0,
      held: {},
      today: "2026-11-09",
    });
    expect(rest).toEqual([]);
    expect(reminder).toMatchObject({ itemKey: "milestone:p1:LEARNING_AGREEMENT", link: "/placements/p1/reviews" });
    expect(reminder.userIds.sort()).toEqual(["pe1", "st1", "tu1"]);
    expect(reminder.title).toBe("Practice learning agreement meeting due 13 Nov 2026: Amira Hussain");
  });

  it("keeps reminding once it is overdue, and stops once it is held", () => {
    const [overdue] = milestoneReminders({
      placement,
      currentPeId: "pe1",
      absenceDays: 0,
      held: {},
      today: "2026-11-16",
    });
    expect(overdue.title).toBe("Practice learning agreement meeting overdue: Amira Hussain");
    expect(
      milestoneReminders({
        placement,
        currentPeId: "pe1",
        absenceDays: 0,
        held: { LEARNING_AGREEMENT: "2026-11-10" },
        today: "2026-11-16",
      }),
    ).toEqual([]);
  });

  it("does not ask the tutor to the final review", () => {
    const short = { ...placement, requiredDays: 10 }; // midpoint day 5 (6 Nov), final day 10 (13 Nov)
    const reminders = milestoneReminders({
      placement: short,
      currentPeId: "pe1",
      absenceDays: 0,
      held: { LEARNING_AGREEMENT: "2026-11-03", MIDPOINT_REVIEW: "2026-11-06" },
      today: "2026-11-09",
    });
    expect(reminders).toHaveLength(1);
    expect(reminders[0].itemKey).toBe("milestone:p1:FINAL_REVIEW");
    expect(reminders[0].userIds.sort()).toEqual(["pe1", "st1"]);
  });

  it("says nothing for a meeting more than 7 days away, or for a placement that is not active", () => {
    expect(
      milestoneReminders({ placement, currentPeId: "pe1", absenceDays: 0, held: {}, today: "2026-11-05" }),
    ).toEqual([]);
    for (const status of ["PLANNED", "SUSPENDED", "COMPLETED", "ENDED_EARLY"]) {
      expect(
        milestoneReminders({
          placement: { ...placement, status },
          currentPeId: "pe1",
          absenceDays: 0,
          held: {},
          today: "2026-11-16",
        }),
      ).toEqual([]);
    }
  });
});

describe("a review meeting's due date, on its boundary", () => {
  // Start Monday 2 Nov 2026: the learning agreement falls due on placement day 10 (Fri 13 Nov). With 10
  // required days the midpoint is day 5 (Fri 6 Nov) and the final review day 10 (Fri 13 Nov), before absences.
  const placement = {
    id: "p1",
    status: "ACTIVE",
    startDate: "2026-11-02",
    requiredDays: 70,
    studentId: "st1",
    tutorId: "tu1",
    studentName: "Amira Hussain",
  };
  const learningAgreement = (today: string) =>
    milestoneReminders({ placement, currentPeId: "pe1", absenceDays: 0, held: {}, today });

  it.each([
    ["8 days ahead (5 Nov)", "2026-11-05", null],
    ["7 days ahead (6 Nov)", "2026-11-06", "Practice learning agreement meeting due 13 Nov 2026: Amira Hussain"],
    ["tomorrow (12 Nov)", "2026-11-12", "Practice learning agreement meeting due 13 Nov 2026: Amira Hussain"],
    ["today (13 Nov)", "2026-11-13", "Practice learning agreement meeting due 13 Nov 2026: Amira Hussain"],
    ["yesterday (14 Nov)", "2026-11-14", "Practice learning agreement meeting overdue: Amira Hussain"],
  ])("due %s", (_when, today, title) => {
    expect(learningAgreement(today).map((reminder) => reminder.title)).toEqual(title ? [title] : []);
  });

  const short = { ...placement, requiredDays: 10 };
  const agreed = { LEARNING_AGREEMENT: "2026-11-03" };

  it("moves the midpoint out by each day of absence: overdue on 9 Nov without absences, due 10 Nov after two", () => {
    const titles = (absenceDays: number) =>
      milestoneReminders({ placement: short, currentPeId: "pe1", absenceDays, held: agreed, today: "2026-11-09" })
        .filter((reminder) => reminder.itemKey.endsWith("MIDPOINT_REVIEW"))
        .map((reminder) => reminder.title);
    expect(titles(0)).toEqual(["Midpoint review overdue: Amira Hussain"]);
    expect(titles(2)).toEqual(["Midpoint review due 10 Nov 2026: Amira Hussain"]);
  });

  it("moves the final review out by each day of absence: due 13 Nov without absences, 17 Nov after two", () => {
    const finalTitle = (absenceDays: number) =>
      milestoneReminders({
        placement: short,
        currentPeId: "pe1",
        absenceDays,
        held: { ...agreed, MIDPOINT_REVIEW: "2026-11-06" },
        today: "2026-11-12",
      }).map((reminder) => reminder.title);
    expect(finalTitle(0)).toEqual(["Final review due 13 Nov 2026: Amira Hussain"]);
    expect(finalTitle(2)).toEqual(["Final review due 17 Nov 2026: Amira Hussain"]);
  });
});

describe("child and family assessments near or past the 45-working-day limit", () => {
  const base = { childCode: "C-4821", studentId: "st1", overseeingPeId: "pe1" };
  const assessment = (dueDate: string, status: "IN_PROGRESS" | "COMPLETED" = "IN_PROGRESS") => ({
    id: "a1",
    startDate: "2026-09-21",
    dueDate,
    status,
    completedOn: status === "COMPLETED" ? "2026-11-20" : null,
  });

  it("reminds the allocated student and the overseeing PE when 5 working days or fewer are left, by the child's code", () => {
    const reminder = assessmentReminder({ ...base, assessment: assessment("2026-11-27"), today: "2026-11-23" });
    expect(reminder).toMatchObject({ itemKey: "assessment:a1", userIds: ["st1", "pe1"], link: "/assessments/a1" });
    expect(reminder!.title).toBe("Child and family assessment for C-4821: 4 working days left");
  });

  it("keeps reminding once past due", () => {
    const reminder = assessmentReminder({ ...base, assessment: assessment("2026-11-27"), today: "2026-12-01" });
    expect(reminder!.title).toBe("Child and family assessment for C-4821: past due by 2 working days");
    expect(reminder!.body).toContain("team manager");
  });

  it("says nothing while there is time, or once completed", () => {
    expect(assessmentReminder({ ...base, assessment: assessment("2026-12-04"), today: "2026-11-23" })).toBeNull();
    expect(
      assessmentReminder({ ...base, assessment: assessment("2026-11-27", "COMPLETED"), today: "2026-12-01" }),
    ).toBeNull();
  });
});

describe("unsigned supervision records", () => {
  const base = { studentId: "st1", studentName: "Amira Hussain", currentPeId: "pe1", today: "2026-11-23" };
  const record = (status: "DRAFT" | "PE_SIGNED" | "SIGNED", heldOn: string, peSignedOn: string | null = null) => ({
    id: "r1",
    placementId: "p1",
    heldOn,
    status,
    peSignedOn,
  });

  it("reminds the student of a record the PE signed 2 or more days ago", () => {
    expect(
      supervisionRecordReminder({ ...base, record: record("PE_SIGNED", "2026-11-17", "2026-11-21") }),
    ).toMatchObject({ itemKey: "supervision-sign:r1", userIds: ["st1"], link: "/supervision/r1#sign" });
    expect(supervisionRecordReminder({ ...base, record: record("PE_SIGNED", "2026-11-17", "2026-11-22") })).toBeNull();
  });

  it("puts a record on the student's to-do list the day the PE signs it, due 2 days later", () => {
    expect(supervisionRecordItem({ ...base, record: record("PE_SIGNED", "2026-11-17", "2026-11-23") })).toMatchObject({
      kind: "SUPERVISION_SIGN",
      userIds: ["st1"],
      remind: false,
      dueDate: "2026-11-25",
    });
  });

  it("puts the PE's own draft on the PE's list once the session is held, not before", () => {
    expect(supervisionRecordItem({ ...base, record: record("DRAFT", "2026-11-20") })).toMatchObject({
      kind: "SUPERVISION_DRAFT",
      userIds: ["pe1"],
      remind: false,
      dueDate: "2026-11-27",
    });
    expect(supervisionRecordItem({ ...base, record: record("DRAFT", "2026-11-24") })).toBeNull();
  });

  it("reminds the current PE of a draft of a session held 7 or more days ago", () => {
    const reminder = supervisionRecordReminder({ ...base, record: record("DRAFT", "2026-11-16") });
    expect(reminder).toMatchObject({ itemKey: "supervision-draft:r1", userIds: ["pe1"] });
    expect(reminder!.title).toBe("Supervision notes not signed: Amira Hussain, 16 Nov 2026");
    expect(supervisionRecordReminder({ ...base, record: record("DRAFT", "2026-11-17") })).toBeNull();
  });

  it("never chases a record both have signed", () => {
    expect(supervisionRecordReminder({ ...base, record: record("SIGNED", "2026-10-01", "2026-10-02") })).toBeNull();
  });
});

describe("evidence waiting for review", () => {
  const base = { placementId: "p1", studentName: "Amira Hussain", currentPeId: "pe1" };
  const submitted = (...dates: string[]) => dates.map((submittedOn, index) => ({ id: `e${index}`, submittedOn }));

  it("is one item per placement for the current PE, with the count, linking to the review list", () => {
    const item = evidenceReviewItem({ ...base, evidence: submitted("2026-11-20", "2026-11-18"), today: "2026-11-23" });
    expect(item).toMatchObject({
      kind: "EVIDENCE_REVIEW",
      itemKey: "evidence-review:p1",
      userIds: ["pe1"],
      count: 2,
      link: "/placements/p1/portfolio#waiting-for-review",
      // 5 working days after the oldest (Wed 18 Nov): Wed 25 Nov.
      dueDate: "2026-11-25",
      remind: false,
    });
    expect(evidenceReviewItem({ ...base, evidence: [], today: "2026-11-23" })).toBeNull();
  });

  it("is chased after 5 working days, without the evidence's own words", () => {
    const reminder = chased(evidenceReviewItem({ ...base, evidence: submitted("2026-11-16"), today: "2026-11-23" }));
    expect(reminder).toMatchObject({ itemKey: "evidence-review:p1", userIds: ["pe1"] });
    expect(reminder!.body).toBe(
      "Amira Hussain submitted evidence on 16 Nov 2026; it has waited 5 working days for review.",
    );
  });

  it("counts working days, not calendar days", () => {
    const at = (submittedOn: string, today: string) =>
      chased(evidenceReviewItem({ ...base, evidence: submitted(submittedOn), today }));
    expect(at("2026-11-16", "2026-11-22")).toBeNull(); // Sunday: 4 working days
    // Christmas: submitted Mon 21 Dec, 25 and 28 Dec are bank holidays → 5 working days on 30 Dec.
    expect(at("2026-12-21", "2026-12-29")).toBeNull();
    expect(at("2026-12-21", "2026-12-30")).not.toBeNull();
  });
});

describe("final assessments waiting for a signature", () => {
  const base = {
    studentId: "st1",
    studentName: "Amira Hussain",
    onsiteSupervisorId: "on1",
    stage2PeIds: ["pe1", "pe2", "pe3"],
    waitingSince: "2026-11-20",
  };
  const final = (
    status: "DRAFT" | "PE_SIGNED" | "AWAITING_RATIFICATION" | "COMPLETE",
    studentSigned = false,
    onsiteSigned = false,
  ) => ({ id: "f1", placementId: "p1", practiceEducatorId: "pe1", status, studentSigned, onsiteSigned });

  it("after the PE signs: the student and the on-site supervisor, each until they have signed", () => {
    expect(finalAssessmentItems({ ...base, assessment: final("PE_SIGNED") })).toEqual([
      expect.objectContaining({
        itemKey: "final-sign:f1",
        userIds: ["st1", "on1"],
        link: "/placements/p1/final-assessment",
      }),
    ]);
    expect(finalAssessmentItems({ ...base, assessment: final("PE_SIGNED", true) })[0].userIds).toEqual(["on1"]);
    expect(finalAssessmentItems({ ...base, assessment: final("PE_SIGNED", false, true) })[0].userIds).toEqual(["st1"]);
    expect(finalAssessmentItems({ ...base, onsiteSupervisorId: null, assessment: final("PE_SIGNED", true) })).toEqual(
      [],
    );
  });

  it("awaiting ratification: the team's stage 2 PEs other than the assessing PE", () => {
    const [reminder] = finalAssessmentItems({ ...base, assessment: final("AWAITING_RATIFICATION", true, true) });
    expect(reminder).toMatchObject({ itemKey: "final-ratify:f1", userIds: ["pe2", "pe3"], link: "/ratification" });
  });

  it("says nothing of a draft or a complete assessment", () => {
    expect(finalAssessmentItems({ ...base, assessment: final("DRAFT") })).toEqual([]);
    expect(finalAssessmentItems({ ...base, assessment: final("COMPLETE", true, true) })).toEqual([]);
  });
});

describe("items shown in the app only", () => {
  it("an open safeguarding concern: its handlers, by the child's code, never chased by email", () => {
    const item = safeguardingItem({
      concern: { id: "s1", raisedOn: "2026-11-20" },
      childCode: "C-2002",
      handlerIds: ["admin1", "pe1", "pe1"],
    });
    expect(item).toMatchObject({
      kind: "SAFEGUARDING_ACTION",
      userIds: ["admin1", "pe1"],
      dueDate: "2026-11-20",
      remind: false,
      link: "/safeguarding#concern-s1",
    });
    expect(item!.title).toContain("C-2002");
    expect(safeguardingItem({ concern: { id: "s1", raisedOn: "2026-11-20" }, childCode: "C-1", handlerIds: [] })).toBe(
      null,
    );
  });

  it("a planned direct-work session: the student records it from its day, not before", () => {
    const session = { id: "ps1", programmeId: "pr1", number: 3, plannedOn: "2026-11-20" };
    const item = plannedSessionItem({ session, childCode: "C-2002", studentId: "st1", today: "2026-11-20" });
    expect(item).toMatchObject({
      kind: "PLANNED_SESSION",
      userIds: ["st1"],
      link: "/programmes/pr1/sessions/ps1",
      remind: false,
    });
    expect(plannedSessionItem({ session, childCode: "C-2002", studentId: "st1", today: "2026-11-19" })).toBeNull();
  });

  it("Log today: the on-site supervisor, on a weekday of an active placement with nothing logged yet", () => {
    const placement = {
      id: "p1",
      status: "ACTIVE",
      startDate: "2026-11-02",
      endDate: "2027-03-31",
      studentName: "Amira Hussain",
    };
    const input = { placement, onsiteSupervisorId: "on1", loggedToday: false, today: "2026-11-20" };
    expect(logTodayItem(input)).toMatchObject({ kind: "LOG_TODAY", userIds: ["on1"], placementId: "p1" });
    expect(logTodayItem({ ...input, loggedToday: true })).toBeNull();
    expect(logTodayItem({ ...input, today: "2026-11-21" })).toBeNull(); // Saturday
    expect(logTodayItem({ ...input, today: "2026-10-30" })).toBeNull(); // before the start
    expect(logTodayItem({ ...input, placement: { ...placement, status: "SUSPENDED" } })).toBeNull();
    expect(logTodayItem({ ...input, onsiteSupervisorId: null })).toBeNull();
  });
});
