import type { Prisma, Role } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";

// The team manager's own work: accounts, universities and their degree
// programmes, API tokens and the audit log. Each is one predicate, so a page,
// an action and a route ask the same question (docs/domain.md "Who is who").

/** Who creates and changes accounts: the team manager. There is no public sign-up. */
export function canManageAccounts(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/**
 * The accounts a team manager manages, as a Prisma filter: their own team's
 * people, and the students and tutors of every university (a university's
 * students are placed with more than one team). Another team's staff are
 * not theirs to see or change.
 */
export function accountsManagedBy(user: SessionUser): Prisma.UserWhereInput {
  assertVerifiedUser(user);
  if (!canManageAccounts(user)) return { id: { in: [] } };
  return { OR: [{ organisationId: user.organisationId }, { organisation: { kind: "UNIVERSITY" } }] };
}

/**
 * Who imports people from a CSV: the team manager (any role but a school's
 * contact), and a university tutor for their own university's students and
 * tutors (the import checks the university).
 */
export function canImportPeople(user: SessionUser): boolean {
  return user.role === "ADMIN" || user.role === "UNIVERSITY_TUTOR";
}

// School contacts, panel guests and leadership need a school or a panel: they are added one by one under People.
export function rolesImportableBy(user: SessionUser): readonly Role[] {
  if (user.role === "ADMIN") return ["ADMIN", "PRACTICE_EDUCATOR", "ONSITE_SUPERVISOR", "STUDENT", "UNIVERSITY_TUTOR"];
  if (user.role === "UNIVERSITY_TUTOR") return ["STUDENT", "UNIVERSITY_TUTOR"];
  return [];
}

/** Who adds universities, degree programmes and cohorts: the team manager. */
export function canManageUniversities(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/** Who issues, lists and revokes university API tokens: the team manager. */
export function canManageApiTokens(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/** Who reads the audit log: the team manager. */
export function canReadAuditLog(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/**
 * The universities a user may see, as a Prisma filter: tutors and students
 * only their own; the team (manager, practice educators, on-site supervisors)
 * all of them, to filter their lists by university.
 */
export function universitiesVisibleTo(user: SessionUser): Prisma.OrganisationWhereInput {
  assertVerifiedUser(user);
  const ownOnly = user.role === "UNIVERSITY_TUTOR" || user.role === "STUDENT";
  return { kind: "UNIVERSITY", ...(ownOnly ? { id: user.organisationId } : {}) };
}
