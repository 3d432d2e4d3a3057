import { z } from "zod";
import { boundedArray, boundedInt, id, isoDate, notes, optionalText, text, version } from "@/lib/validations/common";
import { PCF_DOMAIN_CODES } from "@/lib/frameworks/pcf";

export const supervisionTypes = ["FORMAL", "GROUP", "DIRECT_OBSERVATION_FEEDBACK", "REVIEW_MEETING"] as const;

export const SUPERVISION_TYPE_LABELS: Record<(typeof supervisionTypes)[number], string> = {
  FORMAL: "Formal supervision",
  GROUP: "Group supervision",
  DIRECT_OBSERVATION_FEEDBACK: "Direct-observation feedback",
  REVIEW_MEETING: "Review meeting",
};

export const ACTION_OWNER_LABELS = { STUDENT: "Student", PRACTICE_EDUCATOR: "Practice educator" } as const;

export const agreedActionSchema = z.object({
  /** Present for an action already saved on this draft. */
  id: id("action").optional(),
  description: text("action", 500),
  owner: z.enum(["STUDENT", "PRACTICE_EDUCATOR"], { error: "Choose who owns the action" }),
  dueDate: isoDate("due date"),
});

/** The practice educator's part of a supervision record. */
export const supervisionNotesSchema = z.object({
  heldOn: isoDate("date of the session"),
  startTime: z
    .string({ error: "Enter the start time" })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the start time as HH:MM, for example 14:30"),
  durationMinutes: boundedInt("length", 1, 480, {
    type: "Enter a whole number of minutes",
    min: "Enter how long the session lasted",
    max: "A session cannot be longer than 8 hours",
  }),
  type: z.enum(supervisionTypes, { error: "Choose the type of session" }),
  attendedPracticeEducator: z.boolean(),
  attendedOnsiteSupervisor: z.boolean(),
  attendedStudent: z.boolean(),
  /** One person per line, e.g. "Dr Helen Marsh (tutor)". */
  otherAttendees: notes("other attendees", 1_000).transform((value) =>
    value
      .split(/\n|;/)
      .map((name) => name.trim())
      .filter(Boolean),
  ),
  agenda: notes("agenda", 20_000),
  caseDiscussion: notes("case discussion", 20_000),
  reflectionAndLearning: notes("reflection and learning", 20_000),
  wellbeingAndWorkload: notes("wellbeing and workload notes", 20_000),
  pcfDomains: boundedArray(
    z.enum(PCF_DOMAIN_CODES, { error: "Choose domains from the PCF" }),
    9,
    "Choose domains from the PCF",
  ).default([]),
  actions: boundedArray(agreedActionSchema, 20, "Agree at most 20 actions in one session").default([]),
});

export type SupervisionNotesInput = z.input<typeof supervisionNotesSchema>;

export const createSupervisionSchema = supervisionNotesSchema.extend({ placementId: id("placement") });
export type CreateSupervisionInput = z.input<typeof createSupervisionSchema>;

export const updateSupervisionSchema = supervisionNotesSchema.extend({ version });
export type UpdateSupervisionInput = z.input<typeof updateSupervisionSchema>;

export const studentReflectionSchema = z.object({
  studentReflection: notes("reflection", 20_000),
  reflectionVersion: version,
});
export type StudentReflectionInput = z.input<typeof studentReflectionSchema>;

export const studentSignSchema = z.object({
  /** Optional: the student signs but records that they disagree with the notes. */
  disagreement: optionalText("comment", 5_000),
});
export type StudentSignInput = z.input<typeof studentSignSchema>;

export const addendumSchema = z.object({ text: text("addendum", 5_000) });
export type AddendumInput = z.input<typeof addendumSchema>;

export const actionStatusSchema = z.object({
  status: z.enum(["OPEN", "DONE", "DROPPED"], { error: "Choose a status" }),
});
export type ActionStatusInput = z.input<typeof actionStatusSchema>;

export const supervisionSettingsSchema = z.object({
  supervisionEveryWeeks: z
    .number({ error: "Enter a number of weeks" })
    .int()
    .min(1, "At least every week")
    .max(4, "At least every 4 weeks"),
  supervisionMinMinutes: z
    .number({ error: "Enter a number of minutes" })
    .int()
    .min(15, "At least 15 minutes")
    .max(480, "At most 8 hours"),
});
