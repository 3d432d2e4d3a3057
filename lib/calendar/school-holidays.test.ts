import { SCHOOL_HOLIDAYS, schoolHolidayOn } from "@/lib/calendar/school-holidays";
import { isValidIsoDate } from "@/lib/dates";

describe("school holidays", () => {
  it("puts 29 December 2026 and 4 January 2027 in the Christmas holiday", () => {
    expect(schoolHolidayOn("2026-12-29")?.name).toBe("the Christmas holiday");
    expect(schoolHolidayOn("2027-01-04")?.name).toBe("the Christmas holiday");
  });

  it("includes both ends of a holiday and leaves the days either side in term", () => {
    expect(schoolHolidayOn("2026-12-19")).not.toBeNull();
    expect(schoolHolidayOn("2026-12-18")).toBeNull();
    expect(schoolHolidayOn("2027-01-05")).toBeNull();
  });

  it("is term time beyond the table: no week is skipped for want of dates", () => {
    expect(schoolHolidayOn("2030-12-25")).toBeNull();
  });

  it("lists real dates, each holiday starting on or before its end and after the one before", () => {
    SCHOOL_HOLIDAYS.forEach((holiday, index) => {
      expect(isValidIsoDate(holiday.from) && isValidIsoDate(holiday.to)).toBe(true);
      expect(holiday.from <= holiday.to).toBe(true);
      if (index > 0) expect(holiday.from > SCHOOL_HOLIDAYS[index - 1].to).toBe(true);
    });
  });
});
