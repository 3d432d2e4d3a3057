import { summariseDays, type AttendanceKindName } from "@/lib/placements/placement-days";
import { addWorkingDays } from "@/lib/calendar/working-days";

const day = (date: string, kind: AttendanceKindName = "PLACEMENT_DAY") => ({ date, kind });

describe("placement days and projected end", () => {
  const base = { requiredDays: 10, startDate: "2026-11-02", endDate: "2026-11-13" };

  it("counts only placement days towards the required days", () => {
    const summary = summariseDays({
      ...base,
      attendance: [
        day("2026-11-02"),
        day("2026-11-03", "SKILLS_DAY"),
        day("2026-11-04", "SICK"),
        day("2026-11-05", "ABSENT"),
        day("2026-11-06"),
      ],
      today: "2026-11-06",
    });
    expect(summary).toMatchObject({ completed: 2, skillsDays: 1, absences: 2, remaining: 8, percentComplete: 20 });
  });

  it("projects the end from the last logged day when every working day after it is attended", () => {
    const summary = summariseDays({ ...base, attendance: [day("2026-11-02"), day("2026-11-03")], today: "2026-11-03" });
    // 8 more days after Tue 3 Nov: Wed 4 … Fri 13 Nov
    expect(summary.projectedEndDate).toBe("2026-11-13");
    expect(summary.projectedLate).toBe(false);
  });

  it("pushes the projected end out by each sick day", () => {
    const summary = summariseDays({
      ...base,
      attendance: [day("2026-11-02"), day("2026-11-03", "SICK")],
      today: "2026-11-03",
    });
    expect(summary.projectedEndDate).toBe("2026-11-16");
    expect(summary.projectedLate).toBe(true);
  });

  it("counts unlogged days up to yesterday as lost, keeping today available", () => {
    const summary = summariseDays({ ...base, attendance: [day("2026-11-02")], today: "2026-11-05" });
    // 9 remaining from Thu 5 Nov inclusive: 5,6,9,10,11,12,13,16,17
    expect(summary.projectedEndDate).toBe(addWorkingDays("2026-11-04", 9));
    expect(summary.projectedEndDate).toBe("2026-11-17");
  });

  it("projects from the start date for a placement that has not begun", () => {
    const summary = summariseDays({ ...base, attendance: [], today: "2026-10-20" });
    expect(summary.projectedEndDate).toBe("2026-11-13");
  });

  it("gives the last placement day as the end once the required days are met", () => {
    const attendance = ["02", "03", "04", "05", "06", "09", "10", "11", "12", "13"].map((d) => day(`2026-11-${d}`));
    const summary = summariseDays({ ...base, attendance, today: "2026-11-20" });
    expect(summary).toMatchObject({
      completed: 10,
      remaining: 0,
      percentComplete: 100,
      projectedEndDate: "2026-11-13",
      projectedLate: false,
    });
  });

  it("skips bank holidays in the projection", () => {
    const summary = summariseDays({
      requiredDays: 2,
      startDate: "2026-12-24",
      endDate: "2026-12-29",
      attendance: [day("2026-12-24")],
      today: "2026-12-24",
    });
    expect(summary.projectedEndDate).toBe("2026-12-29"); // 25 Dec and 28 Dec are bank holidays
  });

  describe("on its boundaries", () => {
    const tenDays = ["02", "03", "04", "05", "06", "09", "10", "11", "12", "13"].map((d) => day(`2026-11-${d}`));

    it("is not late when the projected end is the planned end, and late one working day after", () => {
      const onTime = summariseDays({ ...base, attendance: tenDays.slice(0, 9), today: "2026-11-12" });
      expect(onTime).toMatchObject({ remaining: 1, projectedEndDate: "2026-11-13", projectedLate: false });
      const oneSick = summariseDays({
        ...base,
        attendance: [...tenDays.slice(0, 8), day("2026-11-12", "SICK")],
        today: "2026-11-12",
      });
      expect(oneSick).toMatchObject({ remaining: 2, projectedEndDate: "2026-11-16", projectedLate: true });
    });

    it("one day short of the required days still projects forward; the last day met ends it", () => {
      expect(summariseDays({ ...base, attendance: tenDays.slice(0, 9), today: "2026-11-20" })).toMatchObject({
        completed: 9,
        remaining: 1,
        percentComplete: 90,
        projectedEndDate: "2026-11-20", // today is still available
      });
      expect(summariseDays({ ...base, attendance: tenDays, today: "2026-11-20" })).toMatchObject({
        remaining: 0,
        projectedEndDate: "2026-11-13",
      });
    });

    it("counts today as available on the start date itself, and the day before the start as not yet begun", () => {
      expect(summariseDays({ ...base, attendance: [], today: "2026-11-02" }).projectedEndDate).toBe("2026-11-13");
      expect(summariseDays({ ...base, attendance: [], today: "2026-11-01" }).projectedEndDate).toBe("2026-11-13");
      // The day after the start with nothing logged: the start day is lost.
      expect(summariseDays({ ...base, attendance: [], today: "2026-11-03" }).projectedEndDate).toBe("2026-11-16");
    });

    it("never reports more than 100% when more days are logged than required", () => {
      const extra = [...tenDays, day("2026-11-16"), day("2026-11-17")];
      expect(summariseDays({ ...base, attendance: extra, today: "2026-11-20" })).toMatchObject({
        completed: 12,
        remaining: 0,
        percentComplete: 100,
        projectedEndDate: "2026-11-17",
      });
    });

    it("rounds the percentage to the nearest whole number (1 of 3 days is 33%, 2 of 3 is 67%)", () => {
      const three = { ...base, requiredDays: 3 };
      expect(summariseDays({ ...three, attendance: tenDays.slice(0, 1), today: "2026-11-03" }).percentComplete).toBe(
        33,
      );
      expect(summariseDays({ ...three, attendance: tenDays.slice(0, 2), today: "2026-11-04" }).percentComplete).toBe(
        67,
      );
    });

    it("gives no projection rather than a wrong one past the bank-holiday table", () => {
      const summary = summariseDays({
        requiredDays: 10,
        startDate: "2028-12-25",
        endDate: "2029-01-31",
        attendance: [],
        today: "2028-12-20",
      });
      expect(summary.projectedEndDate).toBeNull();
      expect(summary.projectedLate).toBe(false);
    });
  });
});
