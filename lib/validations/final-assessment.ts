import { z } from "zod";
import { notes, recordByCode, text, version } from "@/lib/validations/common";

export const finalRecommendations = ["PASS", "FAIL", "REFER"] as const;

const longText = (label: string) => text(label, 20_000, { min: 0 });

/**
 * The PE's parts, saved as a draft: any subset, with the version the page
 * last saw. Completeness is only required when the PE signs.
 */
export const finalAssessmentPeSchema = z.object({
  version,
  holisticSummary: longText("holistic summary").optional(),
  developmentPlan: longText("professional development plan").optional(),
  /** "" (not chosen yet) is stored as no recommendation. */
  recommendation: z
    .union([z.enum(finalRecommendations), z.literal(""), z.null()], { error: "Choose pass, fail or refer" })
    .optional()
    .transform((value) => (value === "" ? null : value)),
  /** Text per PCF domain, keyed by the domain's code (e.g. "KNOWLEDGE"). */
  domains: recordByCode(notes("domain's text", 10_000), 30, "Write about at most 30 domains").optional(),
});
export type FinalAssessmentPeInput = z.input<typeof finalAssessmentPeSchema>;

/** The student's critical reflection, with its own version so the PE's saves never collide with it. */
export const finalReflectionSchema = z.object({
  reflectionVersion: version,
  studentReflection: longText("reflective summary"),
});
export type FinalReflectionInput = z.input<typeof finalReflectionSchema>;

export const signFinalAssessmentSchema = z.object({
  as: z.enum(["PRACTICE_EDUCATOR", "STUDENT", "ONSITE_SUPERVISOR"], {
    error: "Say who is signing: PRACTICE_EDUCATOR, STUDENT or ONSITE_SUPERVISOR",
  }),
  /** Optional: when given, a signature over a stale view is refused with 409. */
  version: version.optional(),
});
export type SignFinalAssessmentInput = z.input<typeof signFinalAssessmentSchema>;

export const ratifySchema = z.object({ version: version.optional() });
