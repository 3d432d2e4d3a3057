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
});
