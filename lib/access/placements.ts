import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";

/**
 * The placements a user may see, as a Prisma filter. Lists, details, the API
 * and every later feature (supervision, portfolio…) scope through this one
 * function, so a list and a detail can never disagree.
 */
export function placementsVisibleTo(user: SessionUser): Prisma.PlacementWhereInput {
  assertVerifiedUser(user);
  switch (user.role) {
    case "ADMIN":
      return { teamId: user.organisationId };
    case "PRACTICE_EDUCATOR":
      // Past PEs keep read access to the placements they assessed.
      return { practiceEducators: { some: { practiceEducatorId: user.id } } };
    case "ONSITE_SUPERVISOR":
      return { onsiteSupervisorId: user.id };
    case "STUDENT":
      return { studentId: user.id };
    case "UNIVERSITY_TUTOR":
      return {
        student: { studentProfile: { universityId: user.organisationId } },
        ...(teamOfApiToken(user) ? { teamId: teamOfApiToken(user) } : {}),
      };
    case "SCHOOL_CONTACT":
    case "EXTERNAL_EXAMINER":
    case "SERVICE_USER_REPRESENTATIVE":
    case "LEADERSHIP":
      // A school follows its own requests (lib/schools), a panel's guests read its sample
      // (lib/panels), the council's leadership the impact report: never a placement.
      return { id: { in: [] } };
  }
}

/**
 * The team that issued the API token a request acts with (lib/api-tokens):
 * a token acts as a tutor of its university, but reads only the placements
 * with the team that issued it, so one team cannot read another's records by
 * issuing itself a token. Undefined for a person signed in.
 */
export function teamOfApiToken(user: SessionUser): string | undefined {
  return "apiTokenTeamId" in user && typeof user.apiTokenTeamId === "string" ? user.apiTokenTeamId : undefined;
}

/** Who may change a placement's own details, status and PE: the team's admin. */
export function canManagePlacements(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/**
 * Who may log attendance on a placement they can see: the admin, the current
 * PE, the on-site supervisor and the student themself. Tutors and past PEs read only.
 */
export function canRecordAttendance(
  user: SessionUser,
  placement: { studentId: string; onsiteSupervisorId: string | null; currentPracticeEducatorId: string | null },
): boolean {
  switch (user.role) {
    case "ADMIN":
      return true;
    case "PRACTICE_EDUCATOR":
      return placement.currentPracticeEducatorId === user.id;
    case "ONSITE_SUPERVISOR":
      return placement.onsiteSupervisorId === user.id;
    case "STUDENT":
      return placement.studentId === user.id;
    default:
      return false;
  }
}
