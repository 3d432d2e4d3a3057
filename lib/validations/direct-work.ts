import { z } from "zod";
import {
  boundedArray,
  boundedInt,
  isoDate,
  numberOrBlank,
  optionalIsoDate,
  optionalText,
  text,
  version,
} from "@/lib/validations/common";

// Direct-work programmes with a child (docs/domain.md, "Children's work"): a
// plan of weekly sessions in school, usually 6, each with a theme; session
// records with the voice of the child; goal-based outcomes scored 0–10; the
// child's own feedback on a child-friendly screen. Not a university's degree
// programme: everything here says "direct work".

/** The themes a team starts with; the team manager can add more. */
export const DEFAULT_THEMES = [
  "Self-esteem and self-confidence",
  "Emotional wellbeing and resilience",
  "Developing safe networks",
  "Problem solving",
  "Being safe online",
  "Healthy relationships",
  "Domestic abuse",
  "Child exploitation (criminal and sexual)",
  "Violence involving gangs",
] as const;

export const DEFAULT_PLANNED_SESSIONS = 6;
/** A plan agreed at once: at most 30 weekly sessions. */
export const MAX_PLANNED_SESSIONS = 30;
/** Extending a plan adds at most 12 sessions at a time… */
export const MAX_SESSIONS_ADDED = 12;
/** …up to a school year of weekly sessions in all. */
export const MAX_SESSIONS_IN_ALL = 52;
export const MAX_GOALS = 3;
export const FEEDBACK_LINK_DAYS = 7;
/** Answers and carers' links per session: far more than any session gets, few enough that a page lists them all. */
export const MAX_FEEDBACK_PER_SESSION = 50;
/** Session themes a team may have. */
export const MAX_THEMES = 100;

export type SessionStatus = "PLANNED" | "ATTENDED" | "DID_NOT_ATTEND" | "CANCELLED";
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  PLANNED: "Planned",
  ATTENDED: "Attended",
  DID_NOT_ATTEND: "Did not attend",
  CANCELLED: "Cancelled",
};

/** What a session record can say happened. */
export const recordedStatuses = ["ATTENDED", "DID_NOT_ATTEND", "CANCELLED"] as const;

export const cancelledByValues = ["CHILD", "FAMILY", "SCHOOL", "STUDENT"] as const;
export type CancelledByValue = (typeof cancelledByValues)[number];
export const CANCELLED_BY_LABELS: Record<CancelledByValue, string> = {
  CHILD: "the child",
  FAMILY: "the family",
  SCHOOL: "the school",
  STUDENT: "the student",
};

/** "Cancelled by the school", "Did not attend", … */
export function sessionStatusInWords(status: SessionStatus, cancelledBy: CancelledByValue | null | undefined): string {
  if (status === "CANCELLED" && cancelledBy) return `Cancelled by ${CANCELLED_BY_LABELS[cancelledBy]}`;
  return SESSION_STATUS_LABELS[status];
}

export const goalStages = ["START", "REVIEW", "END"] as const;
export type GoalStage = (typeof goalStages)[number];
export const GOAL_STAGE_LABELS: Record<GoalStage, string> = { START: "Start", REVIEW: "Review", END: "End" };

/** The child's rating of a session: 1 (not good) to 5 (great). */
export const RATING_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: "Not good",
  2: "Not great",
  3: "OK",
  4: "Good",
  5: "Great",
};

const rating = (label: string) =>
  z.preprocess(
    numberOrBlank,
    z
      .number({ error: `Choose the ${label} from 1 to 5` })
      .int(`Choose the ${label} from 1 to 5`)
      .min(1, `Choose the ${label} from 1 to 5`)
      .max(5, `Choose the ${label} from 1 to 5`)
      .nullable(),
  );

const themeName = text("theme", 80, { singleLine: true });

export const directWorkProgrammeSchema = z
  .object({
    startDate: isoDate("date of the first session"),
    plannedSessions: boundedInt("number of sessions", 1, MAX_PLANNED_SESSIONS, {
      type: "Enter a whole number of sessions",
      min: "Plan at least 1 session",
      max: `Plan at most ${MAX_PLANNED_SESSIONS} sessions; extend the plan later if needed`,
      acceptText: true,
    }),
    /** One theme per planned session, in order. */
    themes: boundedArray(
      themeName,
      MAX_PLANNED_SESSIONS,
      `Choose a theme for each session, at most ${MAX_PLANNED_SESSIONS}`,
    ),
    agreedWithSchool: z.boolean().default(false),
    agreedWithChild: z.boolean().default(false),
    agreedWithParents: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    // Refinements run even when a field failed its own check: never loop further than the cap.
    if (typeof value.plannedSessions !== "number" || !Array.isArray(value.themes)) return;
    const planned = Math.min(value.plannedSessions, MAX_PLANNED_SESSIONS);
    for (let index = value.themes.length; index < planned; index++) {
      ctx.addIssue({ code: "custom", message: "Choose a theme", path: ["themes", index] });
    }
    if (value.themes.length > value.plannedSessions)
      ctx.addIssue({ code: "custom", message: "Choose one theme for each planned session", path: ["themes"] });
  });
export type DirectWorkProgrammeInput = z.input<typeof directWorkProgrammeSchema>;

export const recordDirectWorkSessionSchema = z
  .object({
    status: z.enum(recordedStatuses, { error: "Choose whether the session happened" }),
    heldOn: optionalIsoDate("date"),
    cancelledBy: z
      .union([z.literal(""), z.enum(cancelledByValues, { error: "Choose who cancelled" })])
      .nullish()
      .transform((value) => value || null),
    whatWasDone: optionalText("what was done", 10_000),
    childsWords: optionalText("child's words", 10_000),
    /** The student marks the child's words fit to quote, unnamed, in the impact report (docs/domain.md "Impact report"). */
    childsWordsShareable: z.boolean({ error: "Say whether the child's words may be quoted" }).default(false),
    studentReflection: optionalText("reflection", 10_000),
    childRating: rating("child's rating"),
    version,
  })
  .superRefine((value, ctx) => {
    if ((value.status === "ATTENDED" || value.status === "DID_NOT_ATTEND") && !value.heldOn) {
      ctx.addIssue({
        code: "custom",
        message:
          value.status === "ATTENDED" ? "Enter the date the session was held" : "Enter the date the session was due",
        path: ["heldOn"],
      });
    }
    if (value.status === "CANCELLED" && !value.cancelledBy)
      ctx.addIssue({ code: "custom", message: "Choose who cancelled the session", path: ["cancelledBy"] });
    if (value.status !== "ATTENDED" && value.childRating !== null) {
      ctx.addIssue({
        code: "custom",
        message: "Only a session that took place can have the child's rating",
        path: ["childRating"],
      });
    }
  });
export type RecordDirectWorkSessionInput = z.input<typeof recordDirectWorkSessionSchema>;

export const addDirectWorkSessionSchema = z.object({ plannedOn: isoDate("planned date"), theme: themeName });
export type AddDirectWorkSessionInput = z.input<typeof addDirectWorkSessionSchema>;

export const extendDirectWorkProgrammeSchema = z.object({
  additionalSessions: boundedInt("number of sessions to add", 1, MAX_SESSIONS_ADDED, {
    type: "Enter how many sessions to add, as a whole number",
    min: "Add at least 1 session",
    max: `Add at most ${MAX_SESSIONS_ADDED} sessions at a time`,
    acceptText: true,
  }),
  version,
});
export type ExtendDirectWorkProgrammeInput = z.input<typeof extendDirectWorkProgrammeSchema>;

export const directWorkGoalsSchema = z.object({
  goals: boundedArray(text("goal", 500), MAX_GOALS, `Agree up to ${MAX_GOALS} goals with the child`).refine(
    (goals) => goals.length >= 1,
    "Agree at least one goal with the child",
  ),
});
export type DirectWorkGoalsInput = z.input<typeof directWorkGoalsSchema>;

export const scoreDirectWorkGoalSchema = z.object({
  stage: z.enum(goalStages, { error: "Choose start, review or end" }),
  score: boundedInt("score", 0, 10, {
    type: "Enter a whole number from 0 to 10",
    range: "Scores go from 0 to 10",
    acceptText: true,
  }),
});
export type ScoreDirectWorkGoalInput = z.input<typeof scoreDirectWorkGoalSchema>;

export const closeDirectWorkProgrammeSchema = z.object({
  closingSummary: text("closing summary", 10_000, { min: 10 }),
  /** What the referring school is told at the end: a few lines, no case detail (docs/domain.md "Partner schools"). */
  summaryForSchool: optionalText("summary for school", 1_000),
  version,
});
export type CloseDirectWorkProgrammeInput = z.input<typeof closeDirectWorkProgrammeSchema>;

export const addThemeSchema = z.object({ name: text("theme", 80, { min: 3, singleLine: true }) });
export type AddThemeInput = z.input<typeof addThemeSchema>;

/** What the child (or carer) sends from the child-friendly screen. */
export const childFeedbackSchema = z.object({
  rating: boundedInt("rating", 1, 5, { type: "Choose a face", range: "Choose a face", acceptText: true }),
  whatWasGood: optionalText("answer", 2_000).transform((value) => value ?? ""),
  whatCouldBeBetter: optionalText("answer", 2_000).transform((value) => value ?? ""),
});
export type ChildFeedbackInput = z.input<typeof childFeedbackSchema>;
