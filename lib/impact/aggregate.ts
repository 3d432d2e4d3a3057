// The impact report's sums (docs/domain.md, "Impact report"): what the team's
// work achieved for children over a period, per partner school, session theme
// and student cohort. Pure: lib/impact/impact-report.ts loads the facts, these
// functions count them, lib/impact/suppression.ts hides small numbers for
// readers outside the team.

import type { IsoDate } from "@/lib/dates";

/** A referral received from a school. */
export type ReferralFact = {
  childId: string;
  schoolId: string | null;
  receivedOn: IsoDate;
  decision: "PENDING" | "ACCEPTED" | "SIGNPOSTED" | "DECLINED";
};

export type SessionFact = {
  theme: string;
  plannedOn: IsoDate;
  status: "PLANNED" | "ATTENDED" | "DID_NOT_ATTEND" | "CANCELLED";
  /** The session's rating, else the average the child gave on the feedback screen (sessionRating). */
  rating: number | null;
  /** The child's words, only when the student marked them shareable. */
  shareableWords: string | null;
};

/** A direct-work programme with one child. */
export type ProgrammeFact = {
  childId: string;
  schoolId: string | null;
  cohortId: string | null;
  startDate: IsoDate;
  endDate: IsoDate;
  plannedSessions: number;
  /** Closed by the student, or its allocation ended. */
  finished: boolean;
  sessions: SessionFact[];
  goals: Array<{ startScore: number | null; endScore: number | null }>;
};

export type AssessmentFact = {
  childId: string;
  schoolId: string | null;
  cohortId: string | null;
  dueDate: IsoDate;
  completedOn: IsoDate | null;
};

export type LifeStoryFact = {
  childId: string;
  schoolId: string | null;
  cohortId: string | null;
  /** The day the book was handed over, if it has been. */
  handedOverOn: IsoDate | null;
};

export type Period = { from: IsoDate; to: IsoDate };

const inPeriod = (date: IsoDate, period: Period) => date >= period.from && date <= period.to;

/** A programme belongs to the period when it ran during any part of it. */
export function programmeInPeriod(programme: Pick<ProgrammeFact, "startDate" | "endDate">, period: Period) {
  return programme.startDate <= period.to && programme.endDate >= period.from;
}

/**
 * The theme a programme is reported under: the theme most of its sessions
 * had (a programme is planned around one need), ties going to the earliest
 * session's theme.
 */
export function mainTheme(sessions: ReadonlyArray<Pick<SessionFact, "theme" | "plannedOn">>): string | null {
  if (sessions.length === 0) return null;
  const ordered = [...sessions].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));
  const counts = new Map<string, number>();
  for (const session of ordered) counts.set(session.theme, (counts.get(session.theme) ?? 0) + 1);
  let best = ordered[0].theme;
  for (const [theme, count] of counts) if (count > counts.get(best)!) best = theme;
  return best;
}

/**
 * Completed: finished with every planned session recorded (attended, missed
 * or cancelled). Ended early: finished with sessions of the plan never held
 * or recorded. Running: not finished.
 */
export function programmeOutcome(programme: Pick<ProgrammeFact, "finished" | "plannedSessions" | "sessions">) {
  if (!programme.finished) return "RUNNING" as const;
  const recorded = programme.sessions.filter((session) => session.status !== "PLANNED").length;
  return recorded >= programme.plannedSessions ? ("COMPLETED" as const) : ("ENDED_EARLY" as const);
}

/**
 * A child's goal-based outcome change for one programme: the mean, over the
 * goals scored at both the start and the end, of end − start (0–10 scales,
 * so −10 to +10), to one decimal place. Null when no goal has both scores.
 */
export function programmeGoalChange(goals: ProgrammeFact["goals"]): number | null {
  const changes = goals
    .filter((goal) => goal.startScore !== null && goal.endScore !== null)
    .map((goal) => goal.endScore! - goal.startScore!);
  if (changes.length === 0) return null;
  return Math.round((changes.reduce((sum, change) => sum + change, 0) / changes.length) * 10) / 10;
}

/** The bands the distribution of outcome change is shown in. */
export const CHANGE_BANDS = [
  { key: "WORSE", label: "Worse (below 0)", test: (change: number) => change < 0 },
  { key: "SAME", label: "No change (0)", test: (change: number) => change === 0 },
  { key: "SMALL", label: "Up a little (above 0 to 2)", test: (change: number) => change > 0 && change <= 2 },
  { key: "MEDIUM", label: "Up 2.1 to 4", test: (change: number) => change > 2 && change <= 4 },
  { key: "LARGE", label: "Up more than 4", test: (change: number) => change > 4 },
] as const;

export type Distribution = {
  /** Children in each band, in CHANGE_BANDS order. */
  bands: number[];
  children: number;
  mean: number | null;
  median: number | null;
  lowerQuartile: number | null;
  upperQuartile: number | null;
};

/** A quantile by linear interpolation between the closest ranks (the spreadsheet's PERCENTILE). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const value = sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  return Math.round(value * 10) / 10;
}

/** The distribution of outcome changes: bands, mean, median and quartiles, so a few large changes cannot hide many small ones. */
export function changeDistribution(changes: readonly number[]): Distribution {
  const sorted = [...changes].sort((a, b) => a - b);
  const mean =
    sorted.length === 0 ? null : Math.round((sorted.reduce((sum, value) => sum + value, 0) / sorted.length) * 10) / 10;
  return {
    bands: CHANGE_BANDS.map((band) => sorted.filter(band.test).length),
    children: sorted.length,
    mean,
    median: quantile(sorted, 0.5),
    lowerQuartile: quantile(sorted, 0.25),
    upperQuartile: quantile(sorted, 0.75),
  };
}

/** Ratings of 1 to 5, each programme's average rounded to the nearest whole face. */
export function ratingDistribution(averages: readonly number[]) {
  const faces = [1, 2, 3, 4, 5].map((face) => averages.filter((value) => Math.round(value) === face).length);
  const mean =
    averages.length === 0
      ? null
      : Math.round((averages.reduce((sum, value) => sum + value, 0) / averages.length) * 10) / 10;
  return { faces, children: averages.length, mean };
}

/** The counts of one row of the report (one school, theme or cohort, or all of them). */
export type ImpactCounts = {
  /** Children with a referral received in the period. */
  referred: number;
  /** …of whom accepted. */
  accepted: number;
  /** Children with direct work, an assessment or life story work during the period. */
  supported: number;
  programmes: number;
  completed: number;
  endedEarly: number;
  running: number;
  sessionsPlanned: number;
  sessionsHeld: number;
  sessionsMissed: number;
  assessmentsCompleted: number;
  assessmentsWithinLimit: number;
  lifeStoriesCompleted: number;
};

export const COUNT_LABELS: Record<keyof ImpactCounts, string> = {
  referred: "Children referred",
  accepted: "Referrals accepted",
  supported: "Children supported",
  programmes: "Direct-work programmes",
  completed: "Programmes completed",
  endedEarly: "Programmes ended early",
  running: "Programmes still running",
  sessionsPlanned: "Sessions planned",
  sessionsHeld: "Sessions held",
  sessionsMissed: "Sessions missed or cancelled",
  assessmentsCompleted: "Assessments completed",
  assessmentsWithinLimit: "Assessments within 45 working days",
  lifeStoriesCompleted: "Life story books handed over",
};

export const COUNT_KEYS = Object.keys(COUNT_LABELS) as Array<keyof ImpactCounts>;

export type ImpactFacts = {
  referrals: ReferralFact[];
  programmes: ProgrammeFact[];
  assessments: AssessmentFact[];
  lifeStories: LifeStoryFact[];
};

/** Counts the facts of one row. Sessions count when planned in the period; programmes when they ran in it. */
export function countImpact(facts: ImpactFacts, period: Period): ImpactCounts {
  const referrals = facts.referrals.filter((referral) => inPeriod(referral.receivedOn, period));
  const programmes = facts.programmes.filter((programme) => programmeInPeriod(programme, period));
  const sessions = programmes.flatMap((programme) =>
    programme.sessions.filter((session) => inPeriod(session.plannedOn, period)),
  );
  const assessments = facts.assessments.filter(
    (assessment) => assessment.completedOn !== null && inPeriod(assessment.completedOn, period),
  );
  const lifeStories = facts.lifeStories.filter(
    (work) => work.handedOverOn !== null && inPeriod(work.handedOverOn, period),
  );
  const outcomes = programmes.map(programmeOutcome);
  const supported = new Set([
    ...programmes.filter((programme) => programme.sessions.some((s) => s.status === "ATTENDED")).map((p) => p.childId),
    ...assessments.map((assessment) => assessment.childId),
    ...lifeStories.map((work) => work.childId),
  ]);
  return {
    referred: new Set(referrals.map((referral) => referral.childId)).size,
    accepted: new Set(referrals.filter((r) => r.decision === "ACCEPTED").map((r) => r.childId)).size,
    supported: supported.size,
    programmes: programmes.length,
    completed: outcomes.filter((outcome) => outcome === "COMPLETED").length,
    endedEarly: outcomes.filter((outcome) => outcome === "ENDED_EARLY").length,
    running: outcomes.filter((outcome) => outcome === "RUNNING").length,
    sessionsPlanned: sessions.length,
    sessionsHeld: sessions.filter((session) => session.status === "ATTENDED").length,
    sessionsMissed: sessions.filter((s) => s.status === "DID_NOT_ATTEND" || s.status === "CANCELLED").length,
    assessmentsCompleted: assessments.length,
    assessmentsWithinLimit: assessments.filter((assessment) => assessment.completedOn! <= assessment.dueDate).length,
    lifeStoriesCompleted: lifeStories.length,
  };
}

/** Outcome change by theme, over the programmes finished in the period with goals scored at start and end. */
export function outcomesByTheme(programmes: readonly ProgrammeFact[], period: Period) {
  const byTheme = new Map<string, number[]>();
  for (const programme of programmes) {
    if (!programmeInPeriod(programme, period)) continue;
    const change = programmeGoalChange(programme.goals);
    const theme = mainTheme(programme.sessions);
    if (change === null || theme === null) continue;
    byTheme.set(theme, [...(byTheme.get(theme) ?? []), change]);
  }
  const all = [...byTheme.values()].flat();
  return {
    themes: [...byTheme.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([theme, changes]) => ({ theme, distribution: changeDistribution(changes) })),
    all: changeDistribution(all),
  };
}

/** The children's own ratings: each programme's average of its session ratings in the period. */
export function childRatings(programmes: readonly ProgrammeFact[], period: Period) {
  const averages: number[] = [];
  for (const programme of programmes) {
    if (!programmeInPeriod(programme, period)) continue;
    const ratings = programme.sessions
      .filter((session) => inPeriod(session.plannedOn, period) && session.rating !== null)
      .map((session) => session.rating!);
    if (ratings.length > 0) averages.push(ratings.reduce((sum, value) => sum + value, 0) / ratings.length);
  }
  return ratingDistribution(averages);
}

/** What children said that their student marked shareable, without any name or code, newest first, each once. */
export function shareableQuotes(programmes: readonly ProgrammeFact[], period: Period, limit = 12): string[] {
  return programmes
    .flatMap((programme) => programme.sessions)
    .filter((session) => session.shareableWords && inPeriod(session.plannedOn, period))
    .sort((a, b) => b.plannedOn.localeCompare(a.plannedOn))
    .map((session) => session.shareableWords!.trim())
    .filter((words, index, all) => words.length > 0 && all.indexOf(words) === index)
    .slice(0, limit);
}

/** Splits the facts by a key (school, theme or cohort); facts without one go under `null`. */
export function splitFacts(
  facts: ImpactFacts,
  keyOf: {
    referral: (fact: ReferralFact) => string | null;
    programme: (fact: ProgrammeFact) => string | null;
    assessment: (fact: AssessmentFact) => string | null;
    lifeStory: (fact: LifeStoryFact) => string | null;
  },
): Map<string | null, ImpactFacts> {
  const groups = new Map<string | null, ImpactFacts>();
  const group = (key: string | null) => {
    if (!groups.has(key)) groups.set(key, { referrals: [], programmes: [], assessments: [], lifeStories: [] });
    return groups.get(key)!;
  };
  for (const fact of facts.referrals) group(keyOf.referral(fact)).referrals.push(fact);
  for (const fact of facts.programmes) group(keyOf.programme(fact)).programmes.push(fact);
  for (const fact of facts.assessments) group(keyOf.assessment(fact)).assessments.push(fact);
  for (const fact of facts.lifeStories) group(keyOf.lifeStory(fact)).lifeStories.push(fact);
  return groups;
}
