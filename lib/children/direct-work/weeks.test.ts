import {
  extendedEndDate,
  isWithinProgramme,
  nextSessionDate,
  programmeEndDate,
  weeklySessionDates,
} from "@/lib/children/direct-work/weeks";
import { MAX_PLANNED_SESSIONS } from "@/lib/validations/direct-work";

describe("a plan's weekly sessions", () => {
  it("plans session n exactly n − 1 weeks after the first, on the same weekday", () => {
    expect(weeklySessionDates("2026-09-07", 3)).toEqual(["2026-09-07", "2026-09-14", "2026-09-21"]);
  });

  it("keeps weekly steps across the end of October, when the clocks go back", () => {
    expect(weeklySessionDates("2026-10-19", 3)).toEqual(["2026-10-19", "2026-10-26", "2026-11-02"]);
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
    expect(extendedEndDate("2026-10-18", 1)).toBe("2026-10-25");
    expect(extendedEndDate("2026-10-18", 12)).toBe("2027-01-10");
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

  it("is the programme's last day when a week later would pass it", () => {
    expect(nextSessionDate("2026-10-12", programme)).toBe("2026-10-18");
    expect(nextSessionDate("2026-10-11", programme)).toBe("2026-10-18");
  });
});
