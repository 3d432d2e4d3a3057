import { nextRunAfter, parseRemindersAt } from "@/lib/reminders/schedule";

describe("REMINDERS_AT", () => {
  it("defaults to 07:00 and reads HH:MM", () => {
    expect(parseRemindersAt(undefined)).toEqual({ hour: 7, minute: 0 });
    expect(parseRemindersAt("")).toEqual({ hour: 7, minute: 0 });
    expect(parseRemindersAt("6:30")).toEqual({ hour: 6, minute: 30 });
    expect(parseRemindersAt("23:59")).toEqual({ hour: 23, minute: 59 });
  });

  it("is switched off by off", () => {
    expect(parseRemindersAt("off")).toBeNull();
    expect(parseRemindersAt("OFF")).toBeNull();
  });

  it("refuses anything else rather than silently never running", () => {
    for (const value of ["7am", "24:00", "07:60", "seven", "07-00"])
      expect(() => parseRemindersAt(value)).toThrow(/REMINDERS_AT/);
  });
});

describe("the next run, in UK time", () => {
  const seven = { hour: 7, minute: 0 };

  it("in winter (GMT), 07:00 UK is 07:00 UTC: later today, or tomorrow once passed", () => {
    expect(nextRunAfter(new Date("2026-11-23T06:17:00Z"), seven).toISOString()).toBe("2026-11-23T07:00:00.000Z");
    expect(nextRunAfter(new Date("2026-11-23T07:00:00Z"), seven).toISOString()).toBe("2026-11-24T07:00:00.000Z");
    expect(nextRunAfter(new Date("2026-11-23T22:00:00Z"), seven).toISOString()).toBe("2026-11-24T07:00:00.000Z");
  });

  it("in summer (BST), 07:00 UK is 06:00 UTC", () => {
    expect(nextRunAfter(new Date("2026-07-01T05:00:00Z"), seven).toISOString()).toBe("2026-07-01T06:00:00.000Z");
    // 23:30 UTC on 30 June is already 1 July in the UK.
    expect(nextRunAfter(new Date("2026-06-30T23:30:00Z"), seven).toISOString()).toBe("2026-07-01T06:00:00.000Z");
  });

  it("across the clock changes", () => {
    // Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
    expect(nextRunAfter(new Date("2026-03-28T08:00:00Z"), seven).toISOString()).toBe("2026-03-29T06:00:00.000Z");
    // Clocks go back at 01:00 UTC on Sunday 25 October 2026.
    expect(nextRunAfter(new Date("2026-10-24T08:00:00Z"), seven).toISOString()).toBe("2026-10-25T07:00:00.000Z");
  });
});
