import { z } from "zod";
import { boundedArray, boundedInt, id, isoDate, notes, optionalText, text, version } from "@/lib/validations/common";

// Practice Assessment Panels (docs/domain.md "Practice Assessment Panels").

export const createPanelSchema = z.object({
  programmeId: id("degree programme"),
  name: text("panel's name", 120, { min: 3, singleLine: true }),
  sitsOn: isoDate("date the panel sits"),
  /** Other tutors of the university who sit on the panel; the creator leads it. */
  memberIds: z.preprocess(
    // A form's checkboxes: none ticked is false, a single one may arrive as its value alone.
    (value) => (value === false || value == null ? [] : typeof value === "string" ? [value] : value),
    boundedArray(id("member"), 20, "A panel has at most 20 members besides its lead"),
  ),
  externalExaminerName: optionalText("external examiner's name", 120, { singleLine: true }),
  randomPercent: boundedInt("percentage of the rest sampled at random", 0, 100, { acceptText: true }),
});
export type CreatePanelInput = z.input<typeof createPanelSchema>;

export const buildSampleSchema = z.object({
  /** Blank: a new seed is chosen and recorded; given: the sample another draw produced is drawn again. */
  seed: optionalText("seed", 40, { singleLine: true }),
  version,
});
export type BuildSampleInput = z.input<typeof buildSampleSchema>;

export const panelStatusSchema = z.object({ version });

/** Giving or taking away a tutor's panel lead permission. */
export const panelLeadSchema = z.object({
  panelLead: z.boolean({ error: "Say whether the tutor leads panels" }),
  version,
});
export type PanelLeadInput = z.input<typeof panelLeadSchema>;

/** Yes / no / not looked at: the scrutiny's answers to each criterion. */
const criterion = (label: string) =>
  z.enum(["yes", "no"], { error: `Answer yes or no: ${label}` }).transform((value) => value === "yes");

export const PANEL_DECISIONS = [
  "CONFIRMED",
  "CONFIRMED_WITH_FEEDBACK",
  "RETURNED_FOR_EVIDENCE",
  "REFERRED_TO_EXAM_BOARD",
] as const;

export const panelDecisionSchema = z
  .object({
    evidenceSufficient: criterion("is the evidence sufficient?"),
    holisticJudgementSupported: criterion("is the holistic judgement supported?"),
    pcfDomainsEvidenced: criterion("are the PCF domains evidenced at the right level?"),
    serviceUserFeedbackPresent: criterion("is service-user feedback present?"),
    signaturesComplete: criterion("are the signatures complete?"),
    decision: z.enum(PANEL_DECISIONS, { error: "Choose the panel's decision" }),
    decisionReasons: text("reasons for the decision", 4000, { min: 10 }),
    feedbackForPe: notes("feedback for the practice educator", 4000),
    version,
  })
  .superRefine((value, context) => {
    // A practice educator asked for more, or given feedback, must be told what.
    const needsFeedback = value.decision === "CONFIRMED_WITH_FEEDBACK" || value.decision === "RETURNED_FOR_EVIDENCE";
    if (needsFeedback && value.feedbackForPe.trim().length < 10)
      context.addIssue({
        code: "custom",
        path: ["feedbackForPe"],
        message:
          value.decision === "RETURNED_FOR_EVIDENCE"
            ? "Say what evidence or amendment the practice educator should provide (at least 10 characters)"
            : "Write the feedback for the practice educator (at least 10 characters)",
      });
  });
export type PanelDecisionInput = z.input<typeof panelDecisionSchema>;

export const panelReturnAnswerSchema = z.object({
  peResponse: text("answer to the panel", 4000, { min: 10 }),
  version,
});
export type PanelReturnAnswerInput = z.input<typeof panelReturnAnswerSchema>;
