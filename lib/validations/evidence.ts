import { z } from "zod";
import { boundedArray, id, isoDate, notes, text, version } from "@/lib/validations/common";
import { todayInUk } from "@/lib/dates";

export const EVIDENCE_TYPES = [
  "REFLECTIVE_LOG",
  "SESSION_PLAN",
  "CASE_NOTE_EXTRACT",
  "CHILD_OR_FAMILY_FEEDBACK",
  "PROFESSIONAL_FEEDBACK",
  "TRAINING_CERTIFICATE",
  "OTHER",
] as const;
export type EvidenceTypeName = (typeof EVIDENCE_TYPES)[number];

export const EVIDENCE_TYPE_LABELS: Record<EvidenceTypeName, string> = {
  REFLECTIVE_LOG: "Reflective log",
  SESSION_PLAN: "Session plan",
  CASE_NOTE_EXTRACT: "Case note extract",
  CHILD_OR_FAMILY_FEEDBACK: "Child or family feedback",
  PROFESSIONAL_FEEDBACK: "Feedback from a professional",
  TRAINING_CERTIFICATE: "Training certificate",
  OTHER: "Other",
};

export const EVIDENCE_STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED"] as const;
export type EvidenceStatusName = (typeof EVIDENCE_STATUSES)[number];

export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatusName, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted for review",
  CHANGES_REQUESTED: "Changes requested",
  ACCEPTED: "Accepted",
};

export const CHILD_CODE = /^C-[A-Za-z0-9]{1,12}$/;

export const evidenceLinkSchema = z.object({
  frameworkItemId: id("capability"),
  note: text("note on how this evidence shows the capability", 1000),
});

/** The evidence form, on the client and the server. */
export const evidenceSchema = z.object({
  title: text("title", 200, { singleLine: true }),
  occurredOn: isoDate("date of the evidence").refine(
    (value) => value <= todayInUk(),
    "The date cannot be in the future",
  ),
  type: z.enum(EVIDENCE_TYPES, { error: "Choose the type of evidence" }),
  body: text("evidence", 20_000),
  childCode: z
    .string()
    .trim()
    .max(20, "Enter the child's code, like C-1234")
    .nullish()
    .transform((value) => (value ? value.toUpperCase() : null))
    .refine(
      (value) => value === null || CHILD_CODE.test(value),
      "Enter the child's code, like C-1234 (never their name)",
    ),
  links: boundedArray(evidenceLinkSchema, 30, "Choose at most 30 capabilities")
    .refine((links) => links.length >= 1, "Choose at least one capability this evidence shows")
    .refine(
      (links) => new Set(links.map((link) => link.frameworkItemId)).size === links.length,
      "Each capability can be chosen once",
    ),
});
export type EvidenceInput = z.input<typeof evidenceSchema>;
export type EvidenceValues = z.output<typeof evidenceSchema>;

export const updateEvidenceSchema = evidenceSchema.extend({ version });
export type UpdateEvidenceInput = z.input<typeof updateEvidenceSchema>;

export const submitEvidenceSchema = z.object({ version });
export type SubmitEvidenceInput = z.input<typeof submitEvidenceSchema>;

export const REVIEW_DECISIONS = ["COMMENT", "CHANGES_REQUESTED", "ACCEPTED"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const reviewEvidenceSchema = z
  .object({
    decision: z.enum(REVIEW_DECISIONS, { error: "Choose comment, ask for changes, or accept" }),
    comment: notes("comment", 5_000),
    /** The version the reviewer read: a decision on a version the student has since changed is refused. */
    version: version.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision !== "ACCEPTED" && !value.comment) {
      ctx.addIssue({
        code: "custom",
        path: ["comment"],
        message: value.decision === "CHANGES_REQUESTED" ? "Say what the student should change" : "Enter the comment",
      });
    }
  });
export type ReviewEvidenceInput = z.input<typeof reviewEvidenceSchema>;

export const evidenceAddendumSchema = z.object({ body: text("addendum", 5000) });
export type EvidenceAddendumInput = z.input<typeof evidenceAddendumSchema>;
