import {
  extendedEndDate,
  isWithinProgramme,
  nextSessionDate,
  programmeEndDate,
  weeklySessionDates,
} from "@/lib/children/direct-work/weeks";
import type { SchoolHoliday } from "@/lib/calendar/school-holidays";
import { MAX_PLANNED_SESSIONS } from "@/lib/validations/direct-work";

// The plain weekly rules are shown in term time (September to mid-October 2026)
// or with no holidays at all; the holidays' own cases follow.
const NO_HOLIDAYS: readonly SchoolHoliday[] = [];

describe("a plan's weekly sessions", () => {
  it("plans session n exactly n − 1 weeks after the first, on the same weekday", () => {
    expect(weeklySessionDates("2026-09-07", 3)).toEqual(["2026-09-07", "2026-09-14", "2026-09-21"]);
  });

  it("keeps weekly steps across the end of October, when the clocks go back", () => {
    expect(weeklySessionDates("2026-10-19", 3, NO_HOLIDAYS)).toEqual(["2026-10-19", "2026-10-26", "2026-11-02"]);
  });

  it("plans as many sessions as the largest plan allows, and refuses one more without building any", () => {
    expect(weeklySessionDates("2026-09-07", MAX_PLANNED_SESSIONS)).toHaveLength(MAX_PLANNED_SESSIONS);
    expect(() => weeklySessionDates("2026-09-07", MAX_PLANNED_SESSIONS + 1)).toThrow(RangeError);
    expect(() => weeklySessionDates("2026-09-07", 2 ** 31)).toThrow(RangeError);
    expect(() => weeklySessionDates("2026-09-07", -1)).toThrow(RangeError);
    expect(() => weeklySessionDates("2026-09-07", 2.5)).toThrow(RangeError);
  });
});

describe("a programme's end", () => {
  it("is the last day of the last week: six weeks from a Monday end on the sixth Sunday", () => {
    expect(programmeEndDate("2026-09-07", 6)).toBe("2026-10-18");
  });

  it("of a one-session plan is six days after that session", () => {
    expect(programmeEndDate("2026-09-07", 1)).toBe("2026-09-13");
  });

  it("moves on a week for each session added", () => {
    expect(extendedEndDate("2026-10-18", 1, NO_HOLIDAYS)).toBe("2026-10-25");
    expect(extendedEndDate("2026-10-18", 12, NO_HOLIDAYS)).toBe("2027-01-10");
    expect(extendedEndDate(programmeEndDate("2026-09-07", 6), 2)).toBe(programmeEndDate("2026-09-07", 8));
  });
});

describe("dates within the programme", () => {
  const programme = { startDate: "2026-09-07", endDate: "2026-10-18" };

  it("includes the first and the last day", () => {
    expect(isWithinProgramme("2026-09-07", programme)).toBe(true);
    expect(isWithinProgramme("2026-10-18", programme)).toBe(true);
  });

  it("excludes the day before the start and the day after the end", () => {
    expect(isWithinProgramme("2026-09-06", programme)).toBe(false);
    expect(isWithinProgramme("2026-10-19", programme)).toBe(false);
  });
});

describe("the default date of an added session", () => {
  const programme = { startDate: "2026-09-07", endDate: "2026-10-18" };

  it("is the first day when no session is planned yet", () => {
    expect(nextSessionDate(null, programme)).toBe("2026-09-07");
  });

  it("is a week after the last planned session", () => {
    expect(nextSessionDate("2026-09-21", programme)).toBe("2026-09-28");
  });

  it("skips a school holiday: the week after 14 Dec 2026 is 11 Jan 2027, after Christmas", () => {
    expect(nextSessionDate("2026-12-14", { startDate: "2026-12-07", endDate: "2027-01-17" })).toBe("2027-01-11");
  });

  it("is the programme's last day when a week later would pass it", () => {
    expect(nextSessionDate("2026-10-12", programme)).toBe("2026-10-18");
    expect(nextSessionDate("2026-10-11", programme)).toBe("2026-10-18");
  });
});

describe("school holidays in a plan (lib/calendar/school-holidays.ts)", () => {
  it("moves the Monday sessions of 21 Dec, 28 Dec and 4 Jan to after the Christmas holiday", () => {
    expect(weeklySessionDates("2026-12-07", 6)).toEqual([
      "2026-12-07",
      "2026-12-14",
      "2027-01-11",
      "2027-01-18",
      "2027-01-25",
      "2027-02-01",
    ]);
  });

  it("never plans the Tuesday session of 29 Dec: the plan resumes on 5 Jan, when school is back", () => {
    const dates = weeklySessionDates("2026-12-15", 3);
    expect(dates).toEqual(["2026-12-15", "2027-01-05", "2027-01-12"]);
    expect(dates).not.toContain("2026-12-22");
    expect(dates).not.toContain("2026-12-29");
  });

  it("moves a first session set in a holiday to the first school week after it", () => {
    expect(weeklySessionDates("2026-12-28", 2)).toEqual(["2027-01-11", "2027-01-18"]);
  });

  it("ends the programme six days after its last session, however many weeks the holidays add", () => {
    expect(programmeEndDate("2026-12-07", 6)).toBe("2027-02-07");
    expect(programmeEndDate("2026-12-07", 6, NO_HOLIDAYS)).toBe("2027-01-17");
  });

  it("extends past a holiday the same way: a plan ending 20 Dec gains its next week on 11 Jan", () => {
    expect(extendedEndDate("2026-12-20", 1)).toBe("2027-01-17");
    expect(extendedEndDate(programmeEndDate("2026-11-30", 2), 4)).toBe(programmeEndDate("2026-11-30", 6));
  });

  it("skips the half terms too: 26 Oct 2026 and 15 Feb 2027", () => {
    expect(weeklySessionDates("2026-10-19", 2)).toEqual(["2026-10-19", "2026-11-02"]);
    expect(weeklySessionDates("2027-02-08", 2)).toEqual(["2027-02-08", "2027-02-22"]);
  });
});
