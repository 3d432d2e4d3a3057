import { addWorkingDays, isWorkingDay, workingDaysBetween } from "@/lib/calendar/working-days";

describe("working days in England", () => {
  it("counts Monday to Friday and skips weekends", () => {
    expect(isWorkingDay("2026-11-23")).toBe(true); // Monday
    expect(isWorkingDay("2026-11-28")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-29")).toBe(false); // Sunday
    expect(workingDaysBetween("2026-11-23", "2026-11-29")).toBe(5);
  });

  it("skips bank holidays, including substitute days", () => {
    expect(isWorkingDay("2026-12-25")).toBe(false); // Christmas Day, Friday
    expect(isWorkingDay("2026-12-28")).toBe(false); // Boxing Day substitute, Monday
    expect(isWorkingDay("2026-12-29")).toBe(true);
    // Christmas week 2026: 21–24 Dec, then 29–31 Dec
    expect(workingDaysBetween("2026-12-21", "2027-01-01")).toBe(7);
  });

  it("adds working days across a bank-holiday weekend", () => {
    // Thursday before Easter 2027 (Good Friday 26 Mar, Easter Monday 29 Mar)
    expect(addWorkingDays("2027-03-25", 1)).toBe("2027-03-30");
    expect(addWorkingDays("2026-11-20", 1)).toBe("2026-11-23"); // Friday → Monday
    expect(addWorkingDays("2026-11-23", 0)).toBe("2026-11-23");
  });

  it("refuses dates beyond the bank-holiday table rather than miscounting", () => {
    expect(() => isWorkingDay("2031-01-02")).toThrow(/bank-holiday table/);
  });

  it("returns 0 working days when the range is reversed", () => {
    expect(workingDaysBetween("2026-11-30", "2026-11-23")).toBe(0);
  });

  it("knows exactly the years of its table: from 1 Jan 2024 to 31 Dec 2028", () => {
    expect(isWorkingDay("2024-01-01")).toBe(false); // New Year's Day
    expect(() => isWorkingDay("2023-12-29")).toThrow(/bank-holiday table/);
    expect(isWorkingDay("2028-12-29")).toBe(true); // Friday
    expect(() => isWorkingDay("2029-01-01")).toThrow(/bank-holiday table/);
    expect(() => addWorkingDays("2028-12-29", 1)).toThrow(/bank-holiday table/);
  });

  it("counts a one-day range as one working day, or none on a weekend or bank holiday", () => {
    expect(workingDaysBetween("2026-11-23", "2026-11-23")).toBe(1);
    expect(workingDaysBetween("2026-11-28", "2026-11-28")).toBe(0);
    expect(workingDaysBetween("2026-12-25", "2026-12-25")).toBe(0);
  });

  it("adds from a weekend or bank holiday without counting it", () => {
    expect(addWorkingDays("2026-11-28", 1)).toBe("2026-11-30"); // Saturday → Monday
    expect(addWorkingDays("2026-12-25", 1)).toBe("2026-12-29"); // Christmas → the Tuesday after the substitute day
    expect(addWorkingDays("2026-12-24", 2)).toBe("2026-12-30");
  });
});
