import { z } from "zod";
import { todayInUk } from "@/lib/dates";
import { boundedInt, isoDate, optionalId, text } from "@/lib/validations/common";

/** A school's request for support for one of its pupils (docs/domain.md, "Partner schools"). */
export const schoolRequestSchema = z.object({
  /** Optional: the school is the contact's own; naming another one is refused. */
  schoolId: optionalId("school"),
  firstName: text("pupil's first name", 80, { singleLine: true }),
  lastName: text("pupil's last name", 80, { singleLine: true }),
  dateOfBirth: isoDate("pupil's date of birth", "birth"),
  yearGroup: boundedInt("year group", 0, 13, {
    range: "Enter the year group as a number from 0 (reception) to 13",
    acceptText: true,
  }),
  reason: text("reason you are asking for support", 3_000),
  parentConsent: z
    .boolean({ error: "Say whether a parent or carer has consented" })
    .refine((value) => value, "The team can only take a request once a parent or carer has consented: ask them first"),
  parentConsentOn: isoDate("date the parent or carer consented").refine(
    (value) => value <= todayInUk(),
    "Consent cannot be given on a date still to come",
  ),
  childAgreement: z
    .boolean({ error: "Say whether the pupil has agreed" })
    .refine(
      (value) => value,
      "The team can only take a request once the pupil has agreed to meet a student: ask them first",
    ),
});
export type SchoolRequestInput = z.input<typeof schoolRequestSchema>;
