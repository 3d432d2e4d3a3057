import { z } from "zod";
import { boundedArray, boundedInt, id, isoDate, notes, optionalText, text, version } from "@/lib/validations/common";
import { PCF_DOMAIN_CODES } from "@/lib/frameworks/pcf";

// Input to supervision writes, shared by the forms and the route handlers
// (docs/domain.md, "Supervision"). Every body is an object of known fields: a
// misspelt or smuggled field (a status, an author) is a 422, never dropped quietly.

export const supervisionTypes = ["FORMAL", "GROUP", "DIRECT_OBSERVATION_FEEDBACK", "REVIEW_MEETING"] as const;

export const SUPERVISION_TYPE_LABELS: Record<(typeof supervisionTypes)[number], string> = {
  FORMAL: "Formal supervision",
  GROUP: "Group supervision",
  DIRECT_OBSERVATION_FEEDBACK: "Direct-observation feedback",
  REVIEW_MEETING: "Review meeting",
};

export const ACTION_OWNER_LABELS = { STUDENT: "Student", PRACTICE_EDUCATOR: "Practice educator" } as const;

/** An object of exactly these fields. */
function fields<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown ${issue.keys.length === 1 ? "field" : "fields"}: ${issue.keys.slice(0, 5).join(", ")}`
        : "Send the details as an object of fields",
  });
}

export const agreedActionSchema = z.object({
  /** Present for an action already saved on this draft. */
  id: id("action").optional(),
  description: text("action", 500),
  owner: z.enum(["STUDENT", "PRACTICE_EDUCATOR"], { error: "Choose who owns the action" }),
  dueDate: isoDate("due date"),
});

/** The practice educator's part of a supervision record. */
export const supervisionNotesSchema = fields({
  heldOn: isoDate("date of the session"),
  startTime: text("start time", 5, { singleLine: true }).refine(
    (value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value),
    "Enter the start time as HH:MM, for example 14:30",
  ),
  durationMinutes: boundedInt("length", 1, 480, {
    type: "Enter a whole number of minutes",
    min: "Enter how long the session lasted",
    max: "A session cannot be longer than 8 hours",
  }),
  type: z.enum(supervisionTypes, { error: "Choose the type of session" }),
  attendedPracticeEducator: z.boolean({ error: "Say whether the practice educator attended" }),
  attendedOnsiteSupervisor: z.boolean({ error: "Say whether the on-site supervisor attended" }),
  attendedStudent: z.boolean({ error: "Say whether the student attended" }),
  /** Other students placed with the team who were there (group supervision), by id: each reader sees their names or not. */
  otherStudentIds: boundedArray(id("student"), 20, "Choose at most 20 other students")
    .transform((ids) => [...new Set(ids)])
    .default([]),
  /**
   * People without an account here, e.g. "Jo Hartley (family support worker)": one per line in the form's
   * text box, or a list in the API.
   */
  otherAttendees: z.preprocess(
    (value) => (Array.isArray(value) && value.every((line) => typeof line === "string") ? value.join("\n") : value),
    notes("other attendees", 1_000).transform((value) =>
      value
        .split(/\n|;/)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
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

export const updateSupervisionSchema = supervisionNotesSchema.extend({ version });
export type UpdateSupervisionInput = z.input<typeof updateSupervisionSchema>;

/** The student's reflection, as the form edits it. */
export const studentReflectionTextSchema = fields({ studentReflection: notes("reflection", 20_000) });

export const studentReflectionSchema = studentReflectionTextSchema.extend({ reflectionVersion: version });
export type StudentReflectionInput = z.input<typeof studentReflectionSchema>;

export const studentSignSchema = fields({
  /** Optional: the student signs but records that they disagree with the notes. */
  disagreement: optionalText("comment", 5_000),
});
export type StudentSignInput = z.input<typeof studentSignSchema>;

export const addendumSchema = fields({ text: text("addendum", 5_000) });
export type AddendumInput = z.input<typeof addendumSchema>;

export const actionStatusSchema = fields({
  status: z.enum(["OPEN", "DONE", "DROPPED"], { error: "Choose a status" }),
});
export type ActionStatusInput = z.input<typeof actionStatusSchema>;

/** How often and how long supervision is expected, as the form edits it. */
export const supervisionArrangementsSchema = fields({
  supervisionEveryWeeks: boundedInt("frequency", 1, 4, {
    type: "Choose how often",
    min: "At least every week",
    max: "At least every 4 weeks",
  }),
  supervisionMinMinutes: boundedInt("minimum length", 15, 480, {
    type: "Enter a whole number of minutes",
    min: "At least 15 minutes",
    max: "At most 8 hours",
  }),
});

/** The arrangements with the placement's version the page saw (409 if someone changed the placement since). */
export const supervisionSettingsSchema = supervisionArrangementsSchema.extend({ version });
export type SupervisionSettingsInput = z.input<typeof supervisionSettingsSchema>;
