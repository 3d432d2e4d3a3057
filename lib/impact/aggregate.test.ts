import {
  changeDistribution,
  childRatings,
  countImpact,
  mainTheme,
  outcomesByTheme,
  programmeGoalChange,
  programmeOutcome,
  quantile,
  shareableQuotes,
  splitFacts,
  type ProgrammeFact,
  type SessionFact,
} from "./aggregate";

const period = { from: "2026-09-01", to: "2026-12-31" };

function session(overrides: Partial<SessionFact> = {}): SessionFact {
  return {
    theme: "Feelings",
    plannedOn: "2026-10-01",
    status: "ATTENDED",
    rating: null,
    shareableWords: null,
    ...overrides,
  };
}

function programme(overrides: Partial<ProgrammeFact> = {}): ProgrammeFact {
  return {
    childId: "child-1",
    schoolId: "school-a",
    cohortId: "cohort-1",
    startDate: "2026-09-15",
    endDate: "2026-10-30",
    plannedSessions: 2,
    finished: true,
    sessions: [session(), session({ plannedOn: "2026-10-08" })],
    goals: [],
    ...overrides,
  };
}

describe("programmeOutcome", () => {
  it("is completed when finished with every planned session recorded, missed ones included", () => {
    const sessions = [session(), session({ status: "DID_NOT_ATTEND" })];
    expect(programmeOutcome(programme({ sessions }))).toBe("COMPLETED");
  });

  it("is ended early when finished with a planned session never recorded", () => {
    const sessions = [session(), session({ status: "PLANNED" })];
    expect(programmeOutcome(programme({ sessions }))).toBe("ENDED_EARLY");
  });

  it("is running until finished", () => {
    expect(programmeOutcome(programme({ finished: false }))).toBe("RUNNING");
  });
});

describe("programmeGoalChange", () => {
  it("averages end − start over goals scored at both ends, ignoring the others", () => {
    expect(
      programmeGoalChange([
        { startScore: 2, endScore: 7 },
        { startScore: 4, endScore: 6 },
        { startScore: 3, endScore: null },
      ]),
    ).toBe(3.5);
  });

  it("is null when no goal has both scores", () => {
    expect(programmeGoalChange([{ startScore: 2, endScore: null }])).toBeNull();
  });

  it("keeps a fall as a negative change", () => {
    expect(programmeGoalChange([{ startScore: 6, endScore: 4 }])).toBe(-2);
  });
});

describe("changeDistribution", () => {
  it("gives bands, mean, median and quartiles, so a few large changes do not hide many small ones", () => {
    const distribution = changeDistribution([-1, 0, 1, 1, 1, 2, 8]);
    expect(distribution.bands).toEqual([1, 1, 4, 0, 1]);
    expect(distribution.children).toBe(7);
    expect(distribution.mean).toBe(1.7);
    expect(distribution.median).toBe(1);
    expect(distribution.lowerQuartile).toBe(0.5);
    expect(distribution.upperQuartile).toBe(1.5);
  });

  it("is empty without changes", () => {
    expect(changeDistribution([])).toMatchObject({ children: 0, mean: null, median: null, bands: [0, 0, 0, 0, 0] });
  });

  it("puts 2 in the small band and 2.1 in the medium one", () => {
    expect(changeDistribution([2, 2.1]).bands).toEqual([0, 0, 1, 1, 0]);
  });
});

describe("quantile", () => {
  it("interpolates between ranks", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.25)).toBe(5);
  });
});

describe("mainTheme", () => {
  it("is the theme most sessions had, ties to the earliest session's", () => {
    expect(
      mainTheme([
        session({ theme: "Anger", plannedOn: "2026-10-08" }),
        session({ theme: "Friendships", plannedOn: "2026-10-01" }),
        session({ theme: "Anger", plannedOn: "2026-10-15" }),
      ]),
    ).toBe("Anger");
    expect(
      mainTheme([
        session({ theme: "Anger", plannedOn: "2026-10-08" }),
        session({ theme: "Friendships", plannedOn: "2026-10-01" }),
      ]),
    ).toBe("Friendships");
    expect(mainTheme([])).toBeNull();
  });
});

describe("countImpact", () => {
  it("counts referrals, programmes, sessions, assessments and life story work within the period", () => {
    const counts = countImpact(
      {
        referrals: [
          { childId: "child-1", schoolId: "a", receivedOn: "2026-09-02", decision: "ACCEPTED" },
          { childId: "child-2", schoolId: "a", receivedOn: "2026-09-03", decision: "DECLINED" },
          { childId: "child-3", schoolId: "a", receivedOn: "2026-08-31", decision: "ACCEPTED" },
        ],
        programmes: [
          programme({ sessions: [session(), session({ status: "CANCELLED", plannedOn: "2026-10-08" })] }),
          programme({ childId: "child-4", finished: false, sessions: [session({ status: "PLANNED" })] }),
          programme({ childId: "child-5", startDate: "2026-01-05", endDate: "2026-02-20" }),
        ],
        assessments: [
          { childId: "child-6", schoolId: null, cohortId: null, dueDate: "2026-10-10", completedOn: "2026-10-09" },
          { childId: "child-7", schoolId: null, cohortId: null, dueDate: "2026-10-10", completedOn: "2026-10-13" },
          { childId: "child-8", schoolId: null, cohortId: null, dueDate: "2026-10-10", completedOn: null },
        ],
        lifeStories: [
          { childId: "child-9", schoolId: null, cohortId: null, handedOverOn: "2026-11-01" },
          { childId: "child-10", schoolId: null, cohortId: null, handedOverOn: null },
        ],
      },
      period,
    );
    expect(counts).toEqual({
      referred: 2,
      accepted: 1,
      supported: 4,
      programmes: 2,
      completed: 1,
      endedEarly: 0,
      running: 1,
      sessionsPlanned: 3,
      sessionsHeld: 1,
      sessionsMissed: 1,
      assessmentsCompleted: 2,
      assessmentsWithinLimit: 1,
      lifeStoriesCompleted: 1,
    });
  });
});

describe("outcomesByTheme and childRatings", () => {
  it("groups outcome changes by each programme's main theme", () => {
    const result = outcomesByTheme(
      [
        programme({ goals: [{ startScore: 2, endScore: 6 }] }),
        programme({ goals: [{ startScore: 5, endScore: 4 }], sessions: [session({ theme: "Anger" })] }),
        programme({ goals: [{ startScore: 5, endScore: null }] }),
      ],
      period,
    );
    expect(result.themes.map((row) => [row.theme, row.distribution.children, row.distribution.mean])).toEqual([
      ["Anger", 1, -1],
      ["Feelings", 1, 4],
    ]);
    expect(result.all.children).toBe(2);
  });

  it("averages each child's ratings, then counts children by face", () => {
    const ratings = childRatings(
      [
        programme({ sessions: [session({ rating: 4 }), session({ rating: 5 })] }),
        programme({ sessions: [session({ rating: 2 }), session({ rating: null })] }),
      ],
      period,
    );
    expect(ratings.faces).toEqual([0, 1, 0, 0, 1]);
    expect(ratings.mean).toBe(3.3);
  });
});

describe("shareableQuotes", () => {
  it("gives only words marked shareable, in the period, newest first", () => {
    const quotes = shareableQuotes(
      [
        programme({
          sessions: [
            session({ shareableWords: "I can calm down now", plannedOn: "2026-10-01" }),
            session({ shareableWords: null, plannedOn: "2026-10-08" }),
            session({ shareableWords: "I like the games", plannedOn: "2026-10-15" }),
            session({ shareableWords: "Too early", plannedOn: "2026-08-01" }),
          ],
        }),
      ],
      period,
    );
    expect(quotes).toEqual(["I like the games", "I can calm down now"]);
  });
});

describe("splitFacts", () => {
  it("splits facts by school, keeping facts without one under null", () => {
    const groups = splitFacts(
      {
        referrals: [{ childId: "c", schoolId: null, receivedOn: "2026-10-01", decision: "PENDING" }],
        programmes: [programme(), programme({ schoolId: "school-b" })],
        assessments: [],
        lifeStories: [],
      },
      {
        referral: (fact) => fact.schoolId,
        programme: (fact) => fact.schoolId,
        assessment: (fact) => fact.schoolId,
        lifeStory: (fact) => fact.schoolId,
      },
    );
    expect(groups.get("school-a")?.programmes).toHaveLength(1);
    expect(groups.get("school-b")?.programmes).toHaveLength(1);
    expect(groups.get(null)?.referrals).toHaveLength(1);
  });
});
