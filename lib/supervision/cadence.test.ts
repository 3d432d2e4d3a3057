import { mondayOf, stoppedOnFor, supervisionCadence } from "@/lib/supervision/cadence";

const base = { everyWeeks: 1, minMinutes: 90, absences: [] as string[], active: true };
const formal = (heldOn: string, durationMinutes = 90) => ({ heldOn, durationMinutes, type: "FORMAL" });

describe("supervision cadence", () => {
  it("finds Monday for any day of the week", () => {
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-26")).toBe("2026-11-23");
  });

  it("marks weeks with a session as met, weeks without as missed, and the current week as current", () => {
    const summary = supervisionCadence({
      ...base,
      startDate: "2026-11-02",
      endDate: "2027-03-01",
      today: "2026-11-25",
      sessions: [formal("2026-11-04"), formal("2026-11-18")],
    });
    expect(summary.periods.map((period) => [period.start, period.state])).toEqual([
      ["2026-11-02", "MET"],
      ["2026-11-09", "MISSED"],
      ["2026-11-16", "MET"],
      ["2026-11-23", "CURRENT"],
    ]);
    expect(summary).toMatchObject({
      sessions: 2,
      totalMinutes: 180,
      met: 2,
      missed: 1,
      lastSessionOn: "2026-11-18",
      overdue: false,
    });
  });

  it("excuses a placement's first week when it starts on a Friday", () => {
    const summary = supervisionCadence({
      ...base,
      startDate: "2026-11-06",
      endDate: "2027-03-01",
      today: "2026-11-17",
      sessions: [formal("2026-11-11")],
    });
    expect(summary.periods.map((period) => period.state)).toEqual(["EXCUSED", "MET", "CURRENT"]);
  });

  it("excuses a week the student was off sick, but not one with only a day off", () => {
    const summary = supervisionCadence({
      ...base,
      startDate: "2026-11-02",
      endDate: "2027-03-01",
      today: "2026-11-23",
      absences: ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-16"],
      sessions: [formal("2026-11-04")],
    });
    expect(summary.periods.map((period) => period.state)).toEqual(["MET", "EXCUSED", "MISSED", "CURRENT"]);
  });

  it("excuses a week of bank holidays and leaves a normal one expected", () => {
    // Christmas 2026: Fri 25 Dec, Mon 28 Dec and Fri 1 Jan are bank holidays; the week of 28 Dec still has 3 working days.
    const summary = supervisionCadence({
      ...base,
      startDate: "2026-12-24",
      endDate: "2027-03-01",
      today: "2027-01-05",
      sessions: [],
    });
    expect(summary.periods.map((period) => [period.start, period.availableDays, period.state])).toEqual([
      ["2026-12-21", 1, "EXCUSED"],
      ["2026-12-28", 3, "MISSED"],
      ["2027-01-04", 5, "CURRENT"],
    ]);
  });

  it("flags sessions shorter in total than the minimum", () => {
    const summary = supervisionCadence({
      ...base,
      startDate: "2026-11-02",
      endDate: "2027-03-01",
      today: "2026-11-16",
      sessions: [formal("2026-11-03", 45), formal("2026-11-10", 30), formal("2026-11-12", 60)],
    });
    expect(summary.periods.map((period) => period.state)).toEqual(["SHORT", "MET", "CURRENT"]);
    expect(summary.short).toBe(1);
  });

  it("counts only formal and group supervision", () => {
    const summary = supervisionCadence({
      ...base,
      startDate: "2026-11-02",
      endDate: "2027-03-01",
      today: "2026-11-10",
      sessions: [
        { heldOn: "2026-11-03", durationMinutes: 90, type: "REVIEW_MEETING" },
        { heldOn: "2026-11-04", durationMinutes: 90, type: "GROUP" },
      ],
    });
    expect(summary.sessions).toBe(1);
    expect(summary.periods[0].state).toBe("MET");
  });

  it("groups weeks for fortnightly supervision", () => {
    const summary = supervisionCadence({
      ...base,
      everyWeeks: 2,
      startDate: "2026-11-02",
      endDate: "2027-03-01",
      today: "2026-12-01",
      sessions: [formal("2026-11-12"), formal("2026-11-30")],
    });
    expect(summary.periods.map((period) => [period.start, period.end, period.state])).toEqual([
      ["2026-11-02", "2026-11-15", "MET"],
      ["2026-11-16", "2026-11-29", "MISSED"],
      ["2026-11-30", "2026-12-13", "MET"],
    ]);
  });

  it("is overdue once more than one interval has passed since the last session, only while active", () => {
    const input = { ...base, startDate: "2026-11-02", endDate: "2027-03-01", sessions: [formal("2026-11-04")] };
    expect(supervisionCadence({ ...input, today: "2026-11-11" }).overdue).toBe(false);
    expect(supervisionCadence({ ...input, today: "2026-11-12" }).overdue).toBe(true);
    expect(supervisionCadence({ ...input, today: "2026-11-12", active: false }).overdue).toBe(false);
    expect(supervisionCadence({ ...input, sessions: [], today: "2026-11-09" }).overdue).toBe(true);
  });

  it("stops counting at the placement's end", () => {
    const summary = supervisionCadence({
      ...base,
      startDate: "2026-11-02",
      endDate: "2026-11-13",
      today: "2026-12-20",
      sessions: [formal("2026-11-04"), formal("2026-11-11")],
      active: false,
    });
    expect(summary.periods).toHaveLength(2);
    expect(summary.missed).toBe(0);
  });

  it("stops expecting supervision after a suspended or ended-early placement stopped", () => {
    const summary = supervisionCadence({
      ...base,
      active: false,
      startDate: "2026-11-02",
      endDate: "2027-03-01",
      today: "2026-12-14",
      stoppedOn: "2026-11-11",
      sessions: [formal("2026-11-04"), formal("2026-11-10")],
    });
    expect(summary.periods.map((period) => period.state)).toEqual(["MET", "MET"]);
    expect(summary.missed).toBe(0);
    expect(stoppedOnFor("SUSPENDED", "2026-11-11", "2026-11-02")).toBe("2026-11-11");
    expect(stoppedOnFor("ENDED_EARLY", null, "2026-11-02")).toBe("2026-11-02");
    expect(stoppedOnFor("ACTIVE", "2026-11-11", "2026-11-02")).toBeNull();
  });

  it("counts a week with no session as missed from the Monday after it ends, and as current on its Sunday", () => {
    const input = { ...base, startDate: "2026-11-02", endDate: "2027-03-01", sessions: [] };
    // The week of 2 November ends on Sunday 8 November.
    expect(supervisionCadence({ ...input, today: "2026-11-08" }).periods.map((period) => period.state)).toEqual([
      "CURRENT",
    ]);
    expect(supervisionCadence({ ...input, today: "2026-11-09" }).periods.map((period) => period.state)).toEqual([
      "MISSED",
      "CURRENT",
    ]);
  });

  it("with no session yet, is not overdue on the last day of the first interval and is overdue the day after", () => {
    const input = { ...base, startDate: "2026-11-02", endDate: "2027-03-01", sessions: [] };
    expect(supervisionCadence({ ...input, today: "2026-11-07" }).overdue).toBe(false);
    expect(supervisionCadence({ ...input, today: "2026-11-08" }).overdue).toBe(false);
    expect(supervisionCadence({ ...input, today: "2026-11-09" }).overdue).toBe(true);
  });

  it("for fortnightly supervision, is overdue only once two weeks have passed since the last session", () => {
    const input = { ...base, everyWeeks: 2, startDate: "2026-11-02", endDate: "2027-03-01" };
    const sessions = [formal("2026-11-04")];
    expect(supervisionCadence({ ...input, sessions, today: "2026-11-18" }).overdue).toBe(false);
    expect(supervisionCadence({ ...input, sessions, today: "2026-11-19" }).overdue).toBe(true);
  });
});
