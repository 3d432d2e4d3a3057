import { z } from "zod";
import { boundedArray, isoDate, notes, optionalText, version } from "@/lib/validations/common";
import type { MilestoneKindName } from "@/lib/portfolio/milestone-rules";

export const meetingAttendees = ["STUDENT", "PRACTICE_EDUCATOR", "ONSITE_SUPERVISOR", "TUTOR"] as const;
export type MeetingAttendeeName = (typeof meetingAttendees)[number];

export const ATTENDEE_LABELS: Record<MeetingAttendeeName, string> = {
  STUDENT: "Student",
  PRACTICE_EDUCATOR: "Practice educator",
  ONSITE_SUPERVISOR: "On-site supervisor",
  TUTOR: "University tutor",
};

export const milestoneRecommendations = ["ON_TRACK", "CONCERNS", "PASS", "FAIL", "REFER"] as const;

/** The three meetings in URLs: /placements/:id/reviews/learning-agreement, …/midpoint, …/final. */
export const MILESTONE_SLUGS: Record<string, MilestoneKindName> = {
  "learning-agreement": "LEARNING_AGREEMENT",
  midpoint: "MIDPOINT_REVIEW",
  final: "FINAL_REVIEW",
};
export const SLUG_OF: Record<MilestoneKindName, string> = {
  LEARNING_AGREEMENT: "learning-agreement",
  MIDPOINT_REVIEW: "midpoint",
  FINAL_REVIEW: "final",
};

/** A URL's kind, as a slug or the enum name; null when it names no meeting. */
export function milestoneKindOf(value: string): MilestoneKindName | null {
  // Own keys only: "__proto__" or "toString" in a URL must not find a kind.
  if (Object.hasOwn(MILESTONE_SLUGS, value)) return MILESTONE_SLUGS[value];
  const upper = value.toUpperCase();
  return upper === "LEARNING_AGREEMENT" || upper === "MIDPOINT_REVIEW" || upper === "FINAL_REVIEW" ? upper : null;
}

const longText = (label: string) => notes(label, 10_000);

/**
 * One review meeting. Which fields matter depends on the kind; the rules that
 * need the kind or the placement (learning agreement contents, the midpoint's
 * action plan, the early final review) are checked in lib/portfolio/milestones.ts.
 * Without `version` it records the meeting; with it, it edits the one recorded.
 */
export const recordMilestoneSchema = z.object({
  heldOn: isoDate("date of the meeting"),
  attendees: boundedArray(z.enum(meetingAttendees, { error: "Choose who attended" }), 10, "Choose who attended")
    .refine((list) => list.length >= 1, "Choose who attended the meeting")
    .refine((list) => new Set(list).size === list.length, "Each attendee only once"),
  notes: longText("notes"),
  learningNeeds: longText("learning needs"),
  learningOpportunities: longText("learning opportunities promised"),
  reasonableAdjustments: longText("reasonable adjustments"),
  supervisionArrangements: longText("supervision arrangements"),
  recommendation: z
    .enum(milestoneRecommendations, { error: "Choose a recommendation" })
    .nullish()
    .or(z.literal("").transform(() => null))
    .transform((value) => value ?? null),
  actionPlan: longText("action plan"),
  earlyReason: optionalText("reason", 2_000),
  version: version.optional(),
});
export type RecordMilestoneInput = z.input<typeof recordMilestoneSchema>;
