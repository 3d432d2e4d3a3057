import { z } from "zod";
import { isoDate, optionalText, text, version } from "@/lib/validations/common";

// Direct-work programmes (DOMAIN.md, Children's work): a plan of weekly
// sessions in school, usually 6, each with a theme; session records with the
// voice of the child; goal-based outcomes scored 0–10; the child's own
// feedback on a child-friendly screen.

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
export const MAX_PLANNED_SESSIONS = 30;
export const MAX_GOALS = 3;
export const FEEDBACK_LINK_DAYS = 7;

export const sessionStatuses = ["PLANNED", "ATTENDED", "DID_NOT_ATTEND", "CANCELLED"] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
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
export const RATING_FACES: Record<1 | 2 | 3 | 4 | 5, string> = { 1: "😞", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄" };

/** A number typed or chosen in a form arrives as a string: "" means none. */
const numberOrBlank = (value: unknown) => {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
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

const themeName = z
  .string({ error: "Choose a theme" })
  .trim()
  .min(1, "Choose a theme")
  .max(80, "Theme names are 80 characters or fewer");

export const createProgrammeSchema = z
  .object({
    startDate: isoDate("date of the first session"),
    plannedSessions: z.preprocess(
      numberOrBlank,
      z
        .number({ error: "Enter the number of sessions" })
        .int("Enter a whole number of sessions")
        .min(1, "Plan at least 1 session")
        .max(MAX_PLANNED_SESSIONS, `Plan at most ${MAX_PLANNED_SESSIONS} sessions; extend the plan later if needed`),
    ),
    /** One theme per planned session, in order. */
    themes: z
      .array(themeName, { error: "Choose a theme for each session" })
      .max(MAX_PLANNED_SESSIONS, `Plan at most ${MAX_PLANNED_SESSIONS} sessions`),
    agreedWithSchool: z.boolean().default(false),
    agreedWithChild: z.boolean().default(false),
    agreedWithParents: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (typeof value.plannedSessions !== "number") return;
    for (let index = value.themes.length; index < value.plannedSessions; index++) {
      ctx.addIssue({ code: "custom", message: "Choose a theme", path: ["themes", index] });
    }
    if (value.themes.length > value.plannedSessions)
      ctx.addIssue({ code: "custom", message: "Choose one theme for each planned session", path: ["themes"] });
  });
export type CreateProgrammeInput = z.input<typeof createProgrammeSchema>;

export const recordSessionSchema = z
  .object({
    status: z.enum(recordedStatuses, { error: "Choose whether the session happened" }),
    heldOn: z
      .union([z.literal(""), isoDate("date")])
      .nullish()
      .transform((value) => value || null),
    cancelledBy: z
      .union([z.literal(""), z.enum(cancelledByValues, { error: "Choose who cancelled" })])
      .nullish()
      .transform((value) => value || null),
    whatWasDone: optionalText("what was done", 10_000),
    childsWords: optionalText("child's words", 10_000),
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
export type RecordSessionInput = z.input<typeof recordSessionSchema>;

export const addSessionSchema = z.object({ plannedOn: isoDate("planned date"), theme: themeName });
export type AddSessionInput = z.input<typeof addSessionSchema>;

export const extendProgrammeSchema = z.object({
  additionalSessions: z.preprocess(
    numberOrBlank,
    z
      .number({ error: "Enter how many sessions to add" })
      .int("Enter a whole number of sessions")
      .min(1, "Add at least 1 session")
      .max(12, "Add at most 12 sessions at a time"),
  ),
  version,
});
export type ExtendProgrammeInput = z.input<typeof extendProgrammeSchema>;

export const setGoalsSchema = z.object({
  goals: z
    .array(text("goal", 500), { error: "Enter the goals" })
    .min(1, "Agree at least one goal with the child")
    .max(MAX_GOALS, `Agree up to ${MAX_GOALS} goals with the child`),
});
export type SetGoalsInput = z.input<typeof setGoalsSchema>;

export const scoreGoalSchema = z.object({
  stage: z.enum(goalStages, { error: "Choose start, review or end" }),
  score: z.preprocess(
    numberOrBlank,
    z
      .number({ error: "Enter a score from 0 to 10" })
      .int("Enter a whole number from 0 to 10")
      .min(0, "Scores go from 0 to 10")
      .max(10, "Scores go from 0 to 10"),
  ),
});
export type ScoreGoalInput = z.input<typeof scoreGoalSchema>;

export const closeProgrammeSchema = z.object({ closingSummary: text("closing summary", 10_000, 10), version });
export type CloseProgrammeInput = z.input<typeof closeProgrammeSchema>;

export const addThemeSchema = z.object({ name: text("theme", 80, 3) });

/** What the child (or carer) sends from the child-friendly screen. */
export const childFeedbackSchema = z.object({
  rating: z.preprocess(
    numberOrBlank,
    z.number({ error: "Choose a face" }).int("Choose a face").min(1, "Choose a face").max(5, "Choose a face"),
  ),
  whatWasGood: optionalText("answer", 2_000).transform((value) => value ?? ""),
  whatCouldBeBetter: optionalText("answer", 2_000).transform((value) => value ?? ""),
});
export type ChildFeedbackInput = z.input<typeof childFeedbackSchema>;
