import { z } from "zod";
import { boundedInt, hasBrokenCharacters, optionalId, text, version } from "@/lib/validations/common";

export const MIN_PASSWORD_LENGTH = 12;

export const roles = ["ADMIN", "PRACTICE_EDUCATOR", "ONSITE_SUPERVISOR", "STUDENT", "UNIVERSITY_TUTOR"] as const;
export type RoleName = (typeof roles)[number];
/**
 * Every role an account can have: the roles above, which the accounts form
 * creates, and a partner school's contact, created for one school
 * (lib/schools/school-accounts.ts, docs/domain.md "Partner schools").
 */
export type AnyRole = RoleName | "SCHOOL_CONTACT";

export const ROLE_LABELS: Record<AnyRole, string> = {
  ADMIN: "Team manager / placement coordinator",
  PRACTICE_EDUCATOR: "Practice educator",
  ONSITE_SUPERVISOR: "On-site supervisor",
  STUDENT: "Student social worker",
  UNIVERSITY_TUTOR: "University tutor",
  SCHOOL_CONTACT: "School contact",
};

/** Students and tutors belong to a university; everyone else to the team (docs/domain.md "Who is who"). */
export function roleBelongsToUniversity(role: AnyRole) {
  return role === "STUDENT" || role === "UNIVERSITY_TUTOR";
}

/** A practice educator's PEPS stage is recorded: only stage 2 may ratify a final placement. */
export function roleHasPepsStage(role: AnyRole) {
  return role === "PRACTICE_EDUCATOR";
}

/** A student's account carries their degree programme, cohort, year and placement level. */
export function roleHasStudentProfile(role: AnyRole) {
  return role === "STUDENT";
}

const email = z
  .email({ error: "Enter an email address like name@example.org" })
  .max(254, "The email address is too long");
const password = z
  .string({ error: "Enter a password" })
  .refine((value) => !hasBrokenCharacters(value), "The password contains a character that cannot be used")
  .pipe(
    z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "Use 200 characters or fewer"),
  );

const profileFields = {
  pepsStage: z
    .enum(["STAGE_1", "STAGE_2"])
    .nullish()
    .transform((value) => value ?? null),
  universityId: optionalId("university"),
  programmeId: optionalId("programme"),
  cohortId: optionalId("cohort"),
  yearOfStudy: boundedInt("year of study", 1, 4, { range: "Year 1 to 4" })
    .nullish()
    .transform((value) => value ?? null),
  placementLevel: z
    .enum(["FIRST", "FINAL"])
    .nullish()
    .transform((value) => value ?? null),
};

type ProfileShape = {
  role: RoleName;
  pepsStage: string | null;
  universityId: string | null;
  programmeId: string | null;
  yearOfStudy: number | null;
  placementLevel: string | null;
};

function checkProfile(value: ProfileShape, ctx: z.RefinementCtx) {
  const need = (path: string, message: string) => ctx.addIssue({ code: "custom", message, path: [path] });
  if (roleHasPepsStage(value.role) && !value.pepsStage) need("pepsStage", "Choose the practice educator's PEPS stage");
  if (roleBelongsToUniversity(value.role) && !value.universityId) need("universityId", "Choose the university");
  if (roleHasStudentProfile(value.role)) {
    if (!value.programmeId) need("programmeId", "Choose the student's programme");
    if (!value.yearOfStudy) need("yearOfStudy", "Enter the year of study");
    if (!value.placementLevel) need("placementLevel", "Choose first or final placement");
  }
}

export const createUserSchema = z
  .object({
    name: text("name", 120, { min: 2, singleLine: true }),
    email,
    role: z.enum(roles, { error: "Choose a role" }),
    password,
    ...profileFields,
  })
  .superRefine(checkProfile);

export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    name: text("name", 120, { min: 2, singleLine: true }),
    email,
    role: z.enum(roles, { error: "Choose a role" }),
    active: z.boolean(),
    // Blank keeps the current password.
    newPassword: z
      .union([z.literal(""), password])
      .nullish()
      .transform((value) => value || null),
    ...profileFields,
    version,
  })
  .superRefine(checkProfile);

export type UpdateUserInput = z.input<typeof updateUserSchema>;
