import {
  assessmentDue,
  assessmentClockStart,
  assessmentDueDate,
  workingDaysLeft,
  ASSESSMENT_LIMIT_WORKING_DAYS,
  NEAR_DUE_WORKING_DAYS,
} from "@/lib/children/assessment-due";

describe("an assessment's due date: 45 working days after the start", () => {
  it("is nine whole weeks later when no bank holiday falls in between", () => {
    expect(ASSESSMENT_LIMIT_WORKING_DAYS).toBe(45);
    expect(assessmentDueDate("2026-06-01")).toBe("2026-08-03"); // Monday → Monday
  });

  it("starting on a Friday, the weekend is not counted and the start itself is not a working day of the 45", () => {
    expect(assessmentDueDate("2026-06-05")).toBe("2026-08-07"); // Friday → Friday, nine weeks on
  });

  it("skips Christmas Day, the Boxing Day substitute and New Year's Day (a Friday start)", () => {
    // 20 Nov 2026 (Fri): nine weeks would be Fri 22 Jan 2027; 25 Dec, 28 Dec and 1 Jan push it three working days on.
    expect(assessmentDueDate("2026-11-20")).toBe("2027-01-27");
    // Starting on Christmas Eve: the Christmas holidays fall inside the 45 days.
    expect(assessmentDueDate("2026-12-24")).toBe("2027-03-02");
  });

  it("skips Good Friday and Easter Monday", () => {
    // 20 Feb 2026 (Fri): nine weeks would be Fri 24 Apr; Good Friday 3 Apr and Easter Monday 6 Apr add two days.
    expect(assessmentDueDate("2026-02-20")).toBe("2026-04-28");
    // 2027: Good Friday 26 Mar, Easter Monday 29 Mar.
    expect(assessmentDueDate("2027-02-12")).toBe("2027-04-20");
    expect(assessmentDueDate("2027-02-15")).toBe("2027-04-21");
  });
});

describe("the 45-working-day limit on its boundaries", () => {
  it("puts exactly 45 working days between the start (not counted) and the due date (counted)", () => {
    // Mon 1 Jun 2026 → Mon 3 Aug 2026: the due date is the 45th working day, the Friday before it the 44th.
    expect(workingDaysLeft("2026-06-01", assessmentDueDate("2026-06-01"))).toBe(45);
    expect(workingDaysLeft("2026-06-01", "2026-07-31")).toBe(44);
  });

  it("counts a weekend start from the next working day: a Saturday or a Sunday start is due with the Friday's", () => {
    expect(assessmentDueDate("2026-06-06")).toBe(assessmentDueDate("2026-06-05"));
    expect(assessmentDueDate("2026-06-07")).toBe(assessmentDueDate("2026-06-05"));
  });

  it("is near due on the fifth working day before the due date and on track on the sixth", () => {
    const due = assessmentDueDate("2026-06-01"); // Mon 3 Aug
    expect(assessmentDue({ startDate: "2026-06-01", status: "IN_PROGRESS", today: "2026-07-27" }).state).toBe(
      "NEAR_DUE",
    );
    expect(assessmentDue({ startDate: "2026-06-01", status: "IN_PROGRESS", today: "2026-07-24" }).state).toBe(
      "ON_TRACK",
    );
    expect(workingDaysLeft("2026-07-27", due)).toBe(5);
    expect(workingDaysLeft("2026-07-24", due)).toBe(6);
  });

  it("past the end of the bank-holiday table, counts Monday to Friday (New Year's Day 2029 is not in the table yet)", () => {
    // Wed 20 Dec 2028: 2 working days, Christmas and Boxing Day skipped, 3 more to Fri 29 Dec; then 40 weekdays of 2029.
    expect(assessmentDueDate("2028-12-20")).toBe("2029-02-23");
  });
});

describe("working days left", () => {
  it("counts the due date but not today, and is 0 on the due date", () => {
    expect(workingDaysLeft("2026-11-23", "2026-11-27")).toBe(4); // Mon → Fri
    expect(workingDaysLeft("2026-11-27", "2026-11-27")).toBe(0);
    expect(workingDaysLeft("2026-11-27", "2026-11-30")).toBe(1); // Fri → Mon: the weekend is not counted
  });

  it("skips bank holidays", () => {
    // Thu 24 Dec 2026 → Tue 29 Dec: Christmas Day and the Boxing Day substitute are not working days.
    expect(workingDaysLeft("2026-12-24", "2026-12-29")).toBe(1);
    // Thu 2 Apr 2026 → Tue 7 Apr: Good Friday and Easter Monday.
    expect(workingDaysLeft("2026-04-02", "2026-04-07")).toBe(1);
  });

  it("is negative once the due date has passed: the working days late", () => {
    expect(workingDaysLeft("2026-12-01", "2026-11-27")).toBe(-2); // due Fri, today Tue
    expect(workingDaysLeft("2026-11-28", "2026-11-27")).toBe(0); // the Saturday after: past the date, no working day lost yet
  });

  it("still counts down past the end of the bank-holiday table, Monday to Friday", () => {
    expect(workingDaysLeft("2029-01-01", "2029-01-12")).toBe(9); // Mon 1 → Fri 12 Jan 2029
  });
});

describe("the due state", () => {
  const start = "2026-11-20";
  const due = "2027-01-27";

  it("is on track with more than five working days left", () => {
    expect(assessmentDue({ startDate: start, status: "IN_PROGRESS", today: "2026-11-23" })).toMatchObject({
      dueDate: due,
      state: "ON_TRACK",
      workingDaysLeft: 44,
      summary: "44 working days left",
    });
    // Six working days left: still on track.
    expect(assessmentDue({ startDate: start, dueDate: due, status: "IN_PROGRESS", today: "2027-01-19" })).toMatchObject(
      { state: "ON_TRACK", workingDaysLeft: 6 },
    );
  });

  it("is near due with five working days or fewer left, including the due date itself", () => {
    expect(NEAR_DUE_WORKING_DAYS).toBe(5);
    expect(assessmentDue({ startDate: start, dueDate: due, status: "IN_PROGRESS", today: "2027-01-20" })).toMatchObject(
      { state: "NEAR_DUE", workingDaysLeft: 5 },
    );
    expect(assessmentDue({ startDate: start, dueDate: due, status: "IN_PROGRESS", today: due })).toMatchObject({
      state: "NEAR_DUE",
      workingDaysLeft: 0,
      summary: "Due today",
    });
  });

  it("is past due the day after the due date", () => {
    expect(assessmentDue({ startDate: start, dueDate: due, status: "IN_PROGRESS", today: "2027-01-28" })).toMatchObject(
      { state: "OVERDUE", workingDaysLeft: -1, summary: "Past due by 1 working day" },
    );
    expect(assessmentDue({ startDate: start, dueDate: due, status: "IN_PROGRESS", today: "2027-02-03" })).toMatchObject(
      { state: "OVERDUE", workingDaysLeft: -5, summary: "Past due by 5 working days" },
    );
  });

  it("a weekend day after a Friday due date is past due, with no working day lost yet", () => {
    expect(assessmentDue({ startDate: "2026-06-05", status: "IN_PROGRESS", today: "2026-08-08" })).toMatchObject({
      dueDate: "2026-08-07",
      state: "OVERDUE",
      summary: "Past its due date",
    });
  });

  it("is completed once completed, whatever the date, and says whether it was within the limit", () => {
    const inTime = assessmentDue({
      startDate: start,
      dueDate: due,
      status: "COMPLETED",
      completedOn: "2027-01-27",
      today: "2027-03-01",
    });
    expect(inTime).toMatchObject({
      state: "COMPLETED",
      workingDaysLeft: null,
      workingDaysTaken: 45,
      completedWithinLimit: true,
    });
    expect(inTime.summary).toMatch(/within the 45-working-day limit/);
    const late = assessmentDue({
      startDate: start,
      dueDate: due,
      status: "COMPLETED",
      completedOn: "2027-01-29",
      today: "2027-03-01",
    });
    expect(late).toMatchObject({ state: "COMPLETED", workingDaysTaken: 47, completedWithinLimit: false });
  });
});

describe("when the 45 working days start", () => {
  it("starts at the referral when it came in before the work was allocated", () => {
    expect(assessmentClockStart("2026-06-10", "2026-06-01")).toBe("2026-06-01");
    expect(assessmentClockStart("2026-06-10", "2026-06-10")).toBe("2026-06-10");
  });

  it("starts at the allocation without a referral, or when the referral is dated after it", () => {
    expect(assessmentClockStart("2026-06-10", null)).toBe("2026-06-10");
    expect(assessmentClockStart("2026-06-10", "2026-06-11")).toBe("2026-06-10");
  });
});
