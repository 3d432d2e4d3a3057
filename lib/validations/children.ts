import { z } from "zod";
import {
  boundedArray,
  boundedInt,
  id,
  isoDate,
  optionalId,
  optionalIsoDate,
  optionalText,
  text,
  version,
} from "@/lib/validations/common";

export const consentStatuses = ["PENDING", "GIVEN", "REFUSED", "WITHDRAWN"] as const;
export const CONSENT_LABELS: Record<(typeof consentStatuses)[number], string> = {
  PENDING: "Not yet asked or awaiting answer",
  GIVEN: "Consent given",
  REFUSED: "Consent refused",
  WITHDRAWN: "Consent withdrawn",
};

export const childContactSchema = z.object({
  name: text("contact's name", 120, { singleLine: true }),
  relationship: text("relationship to the child", 80, { singleLine: true }),
  phone: optionalText("phone number", 40, { singleLine: true }),
  email: z
    .union([z.literal(""), z.email({ error: "Enter a valid email address" }).max(254, "Enter a valid email address")])
    .nullish()
    .transform((value) => value || null),
  consent: z.enum(consentStatuses, { error: "Choose the consent status" }),
  consentRecordedOn: optionalIsoDate("date consent was recorded"),
});

const childFields = {
  firstName: text("child's first name", 80, { singleLine: true }),
  lastName: text("child's last name", 80, { singleLine: true }),
  dateOfBirth: isoDate("date of birth", "birth"),
  schoolId: optionalId("school"),
  yearGroup: boundedInt("year group", 0, 13, { min: "Reception is 0", max: "Year groups go up to 13" })
    .nullish()
    .transform((value) => value ?? null),
};

export const createChildSchema = z.object({
  ...childFields,
  contacts: boundedArray(childContactSchema, 6, "Add at most 6 contacts").default([]),
});
export type CreateChildInput = z.input<typeof createChildSchema>;

export const updateChildSchema = z.object({ ...childFields, version });
export type UpdateChildInput = z.input<typeof updateChildSchema>;

export const referralDecisions = ["PENDING", "ACCEPTED", "SIGNPOSTED", "DECLINED"] as const;
export const REFERRAL_DECISION_LABELS: Record<(typeof referralDecisions)[number], string> = {
  PENDING: "Awaiting decision",
  ACCEPTED: "Accepted",
  SIGNPOSTED: "Signposted elsewhere",
  DECLINED: "Declined",
};

export const createReferralSchema = z.object({
  childId: id("child"),
  schoolId: optionalId("school"),
  receivedOn: isoDate("date the referral was received"),
  referrerName: text("referrer's name", 120, { singleLine: true }),
  referrerRole: text("referrer's role", 120, { singleLine: true }),
  reason: text("reason for the referral", 5_000),
  parentConsent: z.enum(consentStatuses, { error: "Choose the parent or carer's consent" }),
  parentConsentOn: optionalIsoDate("date of consent"),
  childAgreement: z.boolean(),
});
export type CreateReferralInput = z.input<typeof createReferralSchema>;

export const decideReferralSchema = z
  .object({
    decision: z.enum(["ACCEPTED", "SIGNPOSTED", "DECLINED"], { error: "Choose a decision" }),
    decisionReason: optionalText("reason", 2_000),
    decidedOn: isoDate("date of the decision"),
  })
  .refine((value) => value.decision === "ACCEPTED" || Boolean(value.decisionReason), {
    message: "Say why the referral was signposted or declined",
    path: ["decisionReason"],
  });
export type DecideReferralInput = z.input<typeof decideReferralSchema>;

export const allocationKinds = ["DIRECT_WORK", "ASSESSMENT", "LIFE_STORY"] as const;
export const ALLOCATION_KIND_LABELS: Record<(typeof allocationKinds)[number], string> = {
  DIRECT_WORK: "Direct work",
  ASSESSMENT: "Child and family assessment",
  LIFE_STORY: "Life story work",
};

export const allocateChildrenSchema = z
  .object({
    /** One child, or several for group work. */
    childIds: boundedArray(id("child"), 12, "A group has at most 12 children").refine(
      (ids) => ids.length >= 1,
      "Choose at least one child",
    ),
    placementId: id("student's placement"),
    kind: z.enum(allocationKinds, { error: "Choose the kind of work" }),
    startDate: isoDate("start date"),
    endDate: optionalIsoDate("end date"),
    overseeingPeId: optionalId("practice educator"),
    groupLabel: optionalText("group name", 80, { singleLine: true }),
  })
  .refine((value) => !value.endDate || value.endDate >= value.startDate, {
    message: "The end date must be on or after the start date",
    path: ["endDate"],
  });
export type AllocateChildrenInput = z.input<typeof allocateChildrenSchema>;

export const endAllocationSchema = z.object({ endDate: isoDate("end date") });

/** The kinds of record a safeguarding concern can be raised from. */
export const SAFEGUARDING_SOURCES = [
  "Child",
  "ChildAssessment",
  "LifeStoryWork",
  "DirectWorkProgramme",
  "ProgrammeSession",
  "Allocation",
] as const;

export const safeguardingConcernSchema = z.object({
  childId: id("child"),
  description: text("description of the worry", 5_000),
  sourceEntity: z
    .enum(SAFEGUARDING_SOURCES, { error: "Unknown kind of record" })
    .nullish()
    .transform((value) => value ?? null),
  sourceId: optionalId("record"),
});
export type SafeguardingConcernInput = z.input<typeof safeguardingConcernSchema>;

export const safeguardingActionSchema = z.object({ actionTaken: text("action taken", 5_000) });
