import { formatDate, formatDateTime, isDateOnly } from "@/lib/dates";

describe("showing dates and times", () => {
  it("shows a real moment with its UK time", () => {
    expect(formatDateTime(new Date("2026-12-02T14:05:00Z"))).toBe("2 Dec 2026, 14:05");
    // Summer time: 13:05 UTC is 14:05 in the UK.
    expect(formatDateTime(new Date("2026-07-02T13:05:00Z"))).toBe("2 Jul 2026, 14:05");
  });

  it("shows a value stored from a date alone without a made-up 00:00", () => {
    // UTC midnight, as fromIsoDate stores a date, in winter and in summer.
    expect(formatDateTime(new Date("2026-12-02T00:00:00Z"))).toBe("2 Dec 2026");
    expect(formatDateTime(new Date("2026-07-02T00:00:00Z"))).toBe("2 Jul 2026");
    // UK midnight in summer (23:00 UTC the day before).
    expect(formatDateTime(new Date("2026-07-01T23:00:00Z"))).toBe("2 Jul 2026");
    expect(formatDate("2026-12-02")).toBe("2 Dec 2026");
  });

  it("keeps the time of a moment a second or a minute past midnight", () => {
    expect(isDateOnly(new Date("2026-12-02T00:00:01Z"))).toBe(false);
    expect(isDateOnly(new Date("2026-12-02T00:01:00Z"))).toBe(false);
    expect(formatDateTime(new Date("2026-12-02T00:01:00Z"))).toBe("2 Dec 2026, 00:01");
  });
});
