// How a direct-work programme is going, from its sessions and goals (docs/domain.md, "Children's work"). Pure
// functions: the programme page, the API and the caseload use the same sums.

export type ProgressSession = {
  status: "PLANNED" | "ATTENDED" | "DID_NOT_ATTEND" | "CANCELLED";
  cancelledBy?: "CHILD" | "FAMILY" | "SCHOOL" | "STUDENT" | null;
  /** The child's rating of the session (1–5), if recorded on the session. */
  childRating?: number | null;
  /** Ratings the child gave on the feedback screen for this session. */
  feedbackRatings?: number[];
};

export type AttendanceCounts = {
  attended: number;
  didNotAttend: number;
  cancelled: number;
  cancelledBy: { CHILD: number; FAMILY: number; SCHOOL: number; STUDENT: number };
  stillPlanned: number;
};

export function attendanceCounts(sessions: ProgressSession[]): AttendanceCounts {
  const counts: AttendanceCounts = {
    attended: 0,
    didNotAttend: 0,
    cancelled: 0,
    cancelledBy: { CHILD: 0, FAMILY: 0, SCHOOL: 0, STUDENT: 0 },
    stillPlanned: 0,
  };
  for (const session of sessions) {
    if (session.status === "ATTENDED") counts.attended++;
    else if (session.status === "DID_NOT_ATTEND") counts.didNotAttend++;
    else if (session.status === "CANCELLED") {
      counts.cancelled++;
      if (session.cancelledBy) counts.cancelledBy[session.cancelledBy]++;
    } else counts.stillPlanned++;
  }
  return counts;
}

export type SessionsDone = { done: number; planned: number; percent: number; text: string };

/** Sessions that took place against the number in the plan: "4 of 6 sessions done (67%)". */
export function sessionsDoneVsPlanned(plannedSessions: number, sessions: ProgressSession[]): SessionsDone {
  const done = sessions.filter((session) => session.status === "ATTENDED").length;
  const planned = Math.max(0, plannedSessions);
  const percent = planned > 0 ? Math.min(100, Math.round((done / planned) * 100)) : 0;
  return { done, planned, percent, text: `${done} of ${planned} ${planned === 1 ? "session" : "sessions"} done` };
}

export type GoalScores = { startScore: number | null; reviewScore: number | null; endScore: number | null };

export type GoalChange = {
  start: number | null;
  /** The most recent score: the end's, else the review's, else the start's. */
  latest: number | null;
  latestStage: "START" | "REVIEW" | "END" | null;
  /** latest − start, when there is a later score than the start. */
  change: number | null;
  direction: "UP" | "DOWN" | "SAME" | null;
  text: string;
};

const STAGE_WORDS = { START: "the start", REVIEW: "the review", END: "the end" } as const;

/** A goal's change from the start to its latest score, in numbers and in words. */
export function goalChange(goal: GoalScores): GoalChange {
  const latestStage =
    goal.endScore !== null ? "END" : goal.reviewScore !== null ? "REVIEW" : goal.startScore !== null ? "START" : null;
  const latest =
    latestStage === "END"
      ? goal.endScore
      : latestStage === "REVIEW"
        ? goal.reviewScore
        : latestStage === "START"
          ? goal.startScore
          : null;
  const start = goal.startScore;
  if (start === null) {
    return {
      start,
      latest,
      latestStage,
      change: null,
      direction: null,
      text: latest === null ? "Not scored yet" : `No start score; ${latest} at ${STAGE_WORDS[latestStage!]}`,
    };
  }
  if (latestStage === "START")
    return {
      start,
      latest,
      latestStage,
      change: null,
      direction: null,
      text: `${start} at the start; no later score yet`,
    };
  const change = latest! - start;
  const direction = change > 0 ? "UP" : change < 0 ? "DOWN" : "SAME";
  const movement = direction === "UP" ? `up ${change}` : direction === "DOWN" ? `down ${-change}` : "no change";
  return {
    start,
    latest,
    latestStage,
    change,
    direction,
    text: `From ${start} at the start to ${latest} at ${STAGE_WORDS[latestStage!]}: ${movement}`,
  };
}

/** The rating that stands for a session: the one recorded on it, else the average the child gave on the feedback screen. */
export function sessionRating(session: ProgressSession): number | null {
  if (session.childRating !== null && session.childRating !== undefined) return session.childRating;
  const ratings = session.feedbackRatings ?? [];
  if (ratings.length === 0) return null;
  return ratings.reduce((sum, value) => sum + value, 0) / ratings.length;
}

/** The average of the child's session ratings (1–5) to one decimal place, or null when none is recorded. */
export function averageChildRating(sessions: ProgressSession[]): number | null {
  const ratings = sessions.map(sessionRating).filter((value): value is number => value !== null);
  if (ratings.length === 0) return null;
  return Math.round((ratings.reduce((sum, value) => sum + value, 0) / ratings.length) * 10) / 10;
}

/** Everything the programme page shows about progress. */
export function directWorkProgress(input: {
  plannedSessions: number;
  sessions: ProgressSession[];
  goals: GoalScores[];
}) {
  return {
    sessions: sessionsDoneVsPlanned(input.plannedSessions, input.sessions),
    attendance: attendanceCounts(input.sessions),
    goals: input.goals.map(goalChange),
    averageChildRating: averageChildRating(input.sessions),
  };
}
