import { z } from "zod";
import { boundedInt, hasBrokenCharacters, optionalId, text, version } from "@/lib/validations/common";

export const MIN_PASSWORD_LENGTH = 12;

/** Every role an account can have; the team manager creates each from the People pages (docs/domain.md "Who is who"). */
export const roles = [
  "ADMIN",
  "PRACTICE_EDUCATOR",
  "ONSITE_SUPERVISOR",
  "STUDENT",
  "UNIVERSITY_TUTOR",
  "SCHOOL_CONTACT",
  "EXTERNAL_EXAMINER",
  "SERVICE_USER_REPRESENTATIVE",
  "LEADERSHIP",
] as const;
export type RoleName = (typeof roles)[number];
export type AnyRole = RoleName;

export const ROLE_LABELS: Record<AnyRole, string> = {
  ADMIN: "Team manager / placement coordinator",
  PRACTICE_EDUCATOR: "Practice educator",
  ONSITE_SUPERVISOR: "On-site supervisor",
  STUDENT: "Student social worker",
  UNIVERSITY_TUTOR: "University tutor",
  SCHOOL_CONTACT: "School contact",
  EXTERNAL_EXAMINER: "External examiner",
  SERVICE_USER_REPRESENTATIVE: "Service user or carer representative",
  LEADERSHIP: "Council leadership",
};

/**
 * Students, tutors and the people who sit on a university's panels (external
 * examiners, service user or carer representatives) belong to a university;
 * everyone else to the team (docs/domain.md "Who is who").
 */
export function roleBelongsToUniversity(role: AnyRole) {
  return (
    role === "STUDENT" ||
    role === "UNIVERSITY_TUTOR" ||
    role === "EXTERNAL_EXAMINER" ||
    role === "SERVICE_USER_REPRESENTATIVE"
  );
}

/** A school contact's account is for one partner school of the team. */
export function roleHasSchool(role: AnyRole) {
  return role === "SCHOOL_CONTACT";
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
  schoolId: optionalId("school"),
};

type ProfileShape = {
  role: RoleName;
  pepsStage: string | null;
  universityId: string | null;
  programmeId: string | null;
  yearOfStudy: number | null;
  placementLevel: string | null;
  schoolId?: string | null;
};

function checkProfile(value: ProfileShape, ctx: z.RefinementCtx) {
  const need = (path: string, message: string) => ctx.addIssue({ code: "custom", message, path: [path] });
  if (roleHasPepsStage(value.role) && !value.pepsStage) need("pepsStage", "Choose the practice educator's PEPS stage");
  if (roleBelongsToUniversity(value.role) && !value.universityId) need("universityId", "Choose the university");
  if (roleHasSchool(value.role) && !value.schoolId) need("schoolId", "Choose the contact's school");
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
    // Blank: the person is emailed an invitation to choose their own (lib/auth/account-links.ts).
    password: z
      .union([z.literal(""), password])
      .nullish()
      .transform((value) => value || null),
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
