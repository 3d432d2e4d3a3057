import { allocationRag } from "@/lib/children/allocation-rag";

const today = "2026-11-23"; // a Monday
const programme = (statuses: Array<[string, string]>) => ({
  planned: 6,
  sessions: statuses.map(([status, plannedOn]) => ({ status, plannedOn })),
});

describe("RAG status of a piece of work with a child", () => {
  it("is green with a reason in words when nothing is slipping", () => {
    const rag = allocationRag({
      kind: "DIRECT_WORK",
      peSignedOff: false,
      assessment: null,
      today,
      programme: programme([
        ["ATTENDED", "2026-11-16"],
        ["PLANNED", "2026-11-30"],
      ]),
    });
    expect(rag).toEqual({ status: "GREEN", reasons: ["On track"] });
  });

  it("turns amber for one unrecorded past session and red for two", () => {
    expect(
      allocationRag({
        kind: "DIRECT_WORK",
        peSignedOff: false,
        assessment: null,
        today,
        programme: programme([["PLANNED", "2026-11-16"]]),
      }).status,
    ).toBe("AMBER");
    const red = allocationRag({
      kind: "DIRECT_WORK",
      peSignedOff: false,
      assessment: null,
      today,
      programme: programme([
        ["PLANNED", "2026-11-09"],
        ["PLANNED", "2026-11-16"],
      ]),
    });
    expect(red).toEqual({ status: "RED", reasons: ["2 planned sessions have passed without a record"] });
  });

  it("does not count a session planned for today as passed: it still has the day to be recorded", () => {
    const rag = allocationRag({
      kind: "DIRECT_WORK",
      peSignedOff: false,
      assessment: null,
      today,
      programme: programme([["PLANNED", today]]),
    });
    expect(rag).toEqual({ status: "GREEN", reasons: ["On track"] });
  });

  it("flags direct work with no plan, and missed or cancelled sessions", () => {
    expect(
      allocationRag({ kind: "DIRECT_WORK", peSignedOff: false, assessment: null, programme: null, today }).reasons,
    ).toEqual(["No plan of sessions agreed yet"]);
    const missed = allocationRag({
      kind: "DIRECT_WORK",
      peSignedOff: false,
      assessment: null,
      today,
      programme: programme([
        ["DID_NOT_ATTEND", "2026-11-09"],
        ["CANCELLED", "2026-11-16"],
      ]),
    });
    expect(missed).toEqual({ status: "AMBER", reasons: ["2 sessions missed or cancelled"] });
  });

  it("holds life story work amber until the PE signs it off", () => {
    expect(
      allocationRag({ kind: "LIFE_STORY", peSignedOff: false, assessment: null, programme: null, today }).status,
    ).toBe("AMBER");
    expect(
      allocationRag({ kind: "LIFE_STORY", peSignedOff: true, assessment: null, programme: null, today }).status,
    ).toBe("GREEN");
  });

  it("flags an assessment near its 45-working-day limit, due today, past it, and not once completed", () => {
    const rag = (dueDate: string, status = "IN_PROGRESS") =>
      allocationRag({
        kind: "ASSESSMENT",
        peSignedOff: false,
        programme: null,
        assessment: { dueDate, status },
        today,
      });
    expect(rag("2026-11-27")).toEqual({ status: "AMBER", reasons: ["Assessment due in 4 working days"] });
    expect(rag("2026-11-23")).toEqual({ status: "AMBER", reasons: ["Assessment due today"] });
    expect(rag("2026-11-20")).toEqual({ status: "RED", reasons: ["Assessment past its 45-working-day limit"] });
    expect(rag("2026-12-18").status).toBe("GREEN");
    expect(rag("2026-11-20", "COMPLETED").status).toBe("GREEN");
  });
});
