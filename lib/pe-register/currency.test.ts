import { refresherStatus, registerEntryStale } from "./currency";

const today = "2026-12-03";

describe("a practice educator's refresher training", () => {
  it("is due two years after the later of qualifying and the last refresher", () => {
    expect(refresherStatus({ qualifiedOn: "2020-05-01", lastRefresherOn: "2025-06-01" }, today)).toEqual({
      state: "CURRENT",
      dueOn: "2027-06-01",
    });
    expect(refresherStatus({ qualifiedOn: "2025-09-01", lastRefresherOn: null }, today).dueOn).toBe("2027-09-01");
  });

  it("is overdue the day after it falls due, and due soon within 60 days", () => {
    expect(refresherStatus({ qualifiedOn: null, lastRefresherOn: "2024-12-02" }, today).state).toBe("OVERDUE");
    expect(refresherStatus({ qualifiedOn: null, lastRefresherOn: "2024-12-03" }, today).state).toBe("DUE_SOON");
    expect(refresherStatus({ qualifiedOn: null, lastRefresherOn: "2025-01-31" }, today).state).toBe("DUE_SOON");
    expect(refresherStatus({ qualifiedOn: null, lastRefresherOn: "2025-02-02" }, today).state).toBe("CURRENT");
  });

  it("is flagged as not recorded with no dates", () => {
    expect(refresherStatus({ qualifiedOn: null, lastRefresherOn: null }, today)).toEqual({
      state: "NOT_RECORDED",
      dueOn: null,
    });
  });

  it("flags an entry not updated for over a year", () => {
    expect(registerEntryStale("2025-12-02", today)).toBe(true);
    expect(registerEntryStale("2025-12-03", today)).toBe(false);
    expect(registerEntryStale(null, today)).toBe(true);
  });
});
