import {
  attendanceCounts,
  averageChildRating,
  goalChange,
  directWorkProgress,
  sessionRating,
  sessionsDoneVsPlanned,
  type ProgressSession,
} from "@/lib/children/direct-work/progress";

const attended = (childRating: number | null = null, feedbackRatings: number[] = []): ProgressSession => ({
  status: "ATTENDED",
  childRating,
  feedbackRatings,
});
const planned: ProgressSession = { status: "PLANNED" };
const dna: ProgressSession = { status: "DID_NOT_ATTEND" };
const cancelled = (cancelledBy: ProgressSession["cancelledBy"]): ProgressSession => ({
  status: "CANCELLED",
  cancelledBy,
});

describe("sessions done against the plan", () => {
  it("counts only sessions that took place", () => {
    expect(sessionsDoneVsPlanned(6, [attended(), attended(), dna, cancelled("SCHOOL"), planned, planned])).toEqual({
      done: 2,
      planned: 6,
      percent: 33,
      text: "2 of 6 sessions done",
    });
  });

  it("handles an empty plan, a single session and more done than planned", () => {
    expect(sessionsDoneVsPlanned(0, [])).toMatchObject({ done: 0, planned: 0, percent: 0 });
    expect(sessionsDoneVsPlanned(1, [attended()]).text).toBe("1 of 1 session done");
    expect(sessionsDoneVsPlanned(2, [attended(), attended(), attended()]).percent).toBe(100);
  });
});

describe("attendance counts", () => {
  it("counts each status and who cancelled", () => {
    expect(
      attendanceCounts([attended(), dna, dna, cancelled("SCHOOL"), cancelled("CHILD"), cancelled("SCHOOL"), planned]),
    ).toEqual({
      attended: 1,
      didNotAttend: 2,
      cancelled: 3,
      cancelledBy: { CHILD: 1, FAMILY: 0, SCHOOL: 2, STUDENT: 0 },
      stillPlanned: 1,
    });
  });

  it("is all zeros for no sessions", () => {
    expect(attendanceCounts([])).toMatchObject({ attended: 0, didNotAttend: 0, cancelled: 0, stillPlanned: 0 });
  });
});

describe("goal score change", () => {
  it("goes from the start to the end when there is an end score", () => {
    expect(goalChange({ startScore: 3, reviewScore: 5, endScore: 8 })).toEqual({
      start: 3,
      latest: 8,
      latestStage: "END",
      change: 5,
      direction: "UP",
      text: "From 3 at the start to 8 at the end: up 5",
    });
  });

  it("uses the review score when there is no end score yet", () => {
    expect(goalChange({ startScore: 6, reviewScore: 4, endScore: null })).toMatchObject({
      latest: 4,
      latestStage: "REVIEW",
      change: -2,
      direction: "DOWN",
      text: "From 6 at the start to 4 at the review: down 2",
    });
  });

  it("says no change, and handles the 0 and 10 ends of the scale", () => {
    expect(goalChange({ startScore: 0, reviewScore: null, endScore: 0 })).toMatchObject({
      change: 0,
      direction: "SAME",
      text: "From 0 at the start to 0 at the end: no change",
    });
    expect(goalChange({ startScore: 0, reviewScore: null, endScore: 10 })).toMatchObject({
      change: 10,
      direction: "UP",
    });
  });

  it("has no change with only a start score, or none at all", () => {
    expect(goalChange({ startScore: 4, reviewScore: null, endScore: null })).toMatchObject({
      latest: 4,
      latestStage: "START",
      change: null,
      direction: null,
      text: "4 at the start; no later score yet",
    });
    expect(goalChange({ startScore: null, reviewScore: null, endScore: null })).toMatchObject({
      latest: null,
      latestStage: null,
      change: null,
      text: "Not scored yet",
    });
    expect(goalChange({ startScore: null, reviewScore: 5, endScore: null })).toMatchObject({
      change: null,
      text: "No start score; 5 at the review",
    });
  });
});

describe("the child's average rating", () => {
  it("averages the session ratings to one decimal place", () => {
    expect(averageChildRating([attended(4), attended(5), attended(4), dna])).toBe(4.3);
  });

  it("falls back to the feedback screen's ratings for a session without one", () => {
    expect(sessionRating(attended(null, [2, 4]))).toBe(3);
    expect(sessionRating(attended(5, [1]))).toBe(5);
    expect(averageChildRating([attended(null, [2, 4]), attended(5)])).toBe(4);
  });

  it("is null when the child has rated nothing", () => {
    expect(averageChildRating([attended(), planned])).toBeNull();
    expect(averageChildRating([])).toBeNull();
  });
});

describe("direct-work progress", () => {
  it("puts the sessions done, attendance, goal change and average rating together", () => {
    const progress = directWorkProgress({
      plannedSessions: 6,
      sessions: [attended(3), attended(5), cancelled("FAMILY"), planned, planned, planned],
      goals: [{ startScore: 2, reviewScore: 6, endScore: null }],
    });
    expect(progress.sessions.text).toBe("2 of 6 sessions done");
    expect(progress.attendance.cancelledBy.FAMILY).toBe(1);
    expect(progress.goals[0].change).toBe(4);
    expect(progress.averageChildRating).toBe(4);
  });
});
