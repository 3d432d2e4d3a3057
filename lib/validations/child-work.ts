import { z } from "zod";
import { notes, optionalIsoDate, version } from "@/lib/validations/common";
import { safeguardingActionSchema, safeguardingConcernSchema } from "@/lib/validations/children";

// Assessments, life story work and safeguarding: the schemas the client forms
// validate with and lib/children parses with, and the words shown for each value.

const optionalDate = optionalIsoDate;

// --- Child and family assessments -----------------------------------------

export const assessmentStatuses = ["IN_PROGRESS", "COMPLETED"] as const;
export const ASSESSMENT_STATUS_LABELS: Record<(typeof assessmentStatuses)[number], string> = {
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
};

export const assessmentOutcomes = [
  "NO_FURTHER_ACTION",
  "EARLY_HELP",
  "CHILD_IN_NEED_PLAN",
  "CHILD_PROTECTION",
] as const;
export type AssessmentOutcomeName = (typeof assessmentOutcomes)[number];
export const ASSESSMENT_OUTCOME_LABELS: Record<AssessmentOutcomeName, string> = {
  NO_FURTHER_ACTION: "No further action",
  EARLY_HELP: "Early help",
  CHILD_IN_NEED_PLAN: "Child in need plan",
  CHILD_PROTECTION: "Step up to child protection (strategy discussion)",
};

const assessmentFields = z.object({
  status: z.enum(assessmentStatuses, { error: "Choose the assessment's status" }),
  outcome: z
    .union([z.literal(""), z.enum(assessmentOutcomes, { error: "Choose one of the outcomes" })])
    .nullish()
    .transform((value) => value || null),
  completedOn: optionalDate("date the assessment was completed"),
});

type AssessmentFields = z.output<typeof assessmentFields>;

/** Completing needs an outcome and a date; an assessment in progress has neither. */
function checkCompletion(value: AssessmentFields, ctx: z.RefinementCtx) {
  if (value.status !== "COMPLETED") return;
  if (!value.outcome)
    ctx.addIssue({
      code: "custom",
      path: ["outcome"],
      message: "Choose the outcome of the assessment before completing it",
    });
  if (!value.completedOn)
    ctx.addIssue({ code: "custom", path: ["completedOn"], message: "Enter the date the assessment was completed" });
}

/** What the assessment form edits (the version travels beside it). */
export const assessmentFormSchema = assessmentFields.superRefine(checkCompletion);
export type AssessmentFormInput = z.input<typeof assessmentFormSchema>;

export const updateAssessmentSchema = assessmentFields.extend({ version }).superRefine(checkCompletion);
export type UpdateAssessmentInput = z.input<typeof updateAssessmentSchema>;

// --- Life story work ------------------------------------------------------

export const lifeStoryStageNames = [
  "GATHERING_INFORMATION",
  "DIRECT_SESSIONS",
  "DRAFTING",
  "CHECKING",
  "HANDING_OVER",
  "FOLLOW_UP",
] as const;
export type LifeStoryStageKey = (typeof lifeStoryStageNames)[number];
export const LIFE_STORY_STAGE_LABELS: Record<LifeStoryStageKey, string> = {
  GATHERING_INFORMATION: "Gathering information",
  DIRECT_SESSIONS: "Direct sessions with the child",
  DRAFTING: "Drafting the book",
  CHECKING: "Checking with the social worker and carers",
  HANDING_OVER: "Handing over",
  FOLLOW_UP: "Follow-up",
};
export const LIFE_STORY_STAGE_HINTS: Record<LifeStoryStageKey, string> = {
  GATHERING_INFORMATION:
    "The child's history: files, photographs, what birth family, carers and professionals can tell.",
  DIRECT_SESSIONS: "Direct work with the child, often 6 to 18 sessions.",
  DRAFTING: "Writing the book in words the child understands.",
  CHECKING: "Checking the draft with the child's social worker and carers.",
  HANDING_OVER: "Giving the book to the child, with their carers.",
  FOLLOW_UP: "Seeing how the child and carers are using the book.",
};

export const lifeStoryStageSchema = z.enum(lifeStoryStageNames, { error: "Unknown life story stage" });

const stageFields = z.object({
  startedOn: optionalDate("date this stage started"),
  completedOn: optionalDate("date this stage was completed"),
  notes: notes("notes", 20_000),
});

function checkStageDates(value: z.output<typeof stageFields>, ctx: z.RefinementCtx) {
  if (value.completedOn && !value.startedOn)
    ctx.addIssue({ code: "custom", path: ["startedOn"], message: "Enter when this stage started" });
  if (value.completedOn && value.startedOn && value.completedOn < value.startedOn) {
    ctx.addIssue({ code: "custom", path: ["completedOn"], message: "A stage cannot be completed before it started" });
  }
}

export const lifeStoryStageFormSchema = stageFields.superRefine(checkStageDates);
export type LifeStoryStageFormInput = z.input<typeof lifeStoryStageFormSchema>;

/** `updatedAt` (optional) is the stage's last change as the editor saw it: a later change by someone else is a 409. */
export const updateLifeStoryStageSchema = stageFields
  .extend({ updatedAt: z.iso.datetime({ error: "Reload the page and try again" }).nullish() })
  .superRefine(checkStageDates);
export type UpdateLifeStoryStageInput = z.input<typeof updateLifeStoryStageSchema>;

// --- Safeguarding ---------------------------------------------------------

/** The raise-a-concern form: the child and the record it was raised from travel beside it. */
export const raiseConcernFormSchema = safeguardingConcernSchema.pick({ description: true });
export type RaiseConcernFormInput = z.input<typeof raiseConcernFormSchema>;

export type RecordActionInput = z.input<typeof safeguardingActionSchema>;

/** Shown wherever a concern can be raised or is handled. */
export const SAFEGUARDING_PROCEDURES_WARNING =
  "This does not replace the council's safeguarding procedures: if a child is at immediate risk, call the police on 999 and follow the council's procedures now.";
