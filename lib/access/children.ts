import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";

// Children's records are among the most sensitive personal data there is
// (docs/domain.md, "Data protection"). Two levels of access, each one
// function, used by every page, action, API route, export and search:
//  - identifiable (name, date of birth, family contacts): the team manager,
//    the child's currently allocated students, and those students' practice
//    educators (the PE overseeing the allocation or the placement's current PE);
//  - the work, by pseudonymous code only: additionally the on-site supervisor
//    of a placement the child is allocated to.
// Tutors and everyone else see no child records at all; evidence and
// supervision notes refer to children by code.
//
// Below the two filters, every permission on children's work is one named
// predicate; lib/children returns what they say to the pages.

/** Active allocations through which this user works with a child (or oversees that work). */
function allocationsOf(user: SessionUser): Prisma.AllocationWhereInput | null {
  switch (user.role) {
    case "STUDENT":
      return { status: "ACTIVE", studentId: user.id };
    case "PRACTICE_EDUCATOR":
      return {
        status: "ACTIVE",
        OR: [
          { overseeingPeId: user.id },
          { placement: { practiceEducators: { some: { practiceEducatorId: user.id, endDate: null } } } },
        ],
      };
    default:
      return null;
  }
}

const NOBODY: Prisma.ChildWhereInput = { id: { in: [] } };

/** The children whose identity the user may see. */
export function childrenIdentifiableTo(user: SessionUser): Prisma.ChildWhereInput {
  assertVerifiedUser(user);
  if (user.role === "ADMIN") return { teamId: user.organisationId };
  const allocations = allocationsOf(user);
  return allocations ? { allocations: { some: allocations } } : NOBODY;
}

/** The children whose (pseudonymous) records the user may see: the identifiable ones plus, for on-site supervisors, their students' children by code. */
export function childrenVisibleTo(user: SessionUser): Prisma.ChildWhereInput {
  assertVerifiedUser(user);
  if (user.role === "ONSITE_SUPERVISOR")
    return { allocations: { some: { status: "ACTIVE", placement: { onsiteSupervisorId: user.id } } } };
  return childrenIdentifiableTo(user);
}

/** Allocations the user may see: those of children they may see, and never another team's. */
export function allocationsVisibleTo(user: SessionUser): Prisma.AllocationWhereInput {
  assertVerifiedUser(user);
  switch (user.role) {
    case "ADMIN":
      return { child: { teamId: user.organisationId } };
    case "STUDENT":
      return { studentId: user.id };
    case "PRACTICE_EDUCATOR":
      return {
        OR: [
          { overseeingPeId: user.id },
          { placement: { practiceEducators: { some: { practiceEducatorId: user.id, endDate: null } } } },
        ],
      };
    case "ONSITE_SUPERVISOR":
      return { status: "ACTIVE", placement: { onsiteSupervisorId: user.id } };
    default:
      return { id: { in: [] } };
  }
}

// ---------------------------------------------------------------------------
// Children's records

/**
 * The people who can work with children at all: the team and its students.
 * Tutors, school contacts, a panel's guests and the council's leadership never
 * have a child's record (a school follows its own requests through lib/schools).
 */
export function worksWithChildren(user: SessionUser): boolean {
  return (
    user.role === "ADMIN" ||
    user.role === "PRACTICE_EDUCATOR" ||
    user.role === "ONSITE_SUPERVISOR" ||
    user.role === "STUDENT"
  );
}

/** Whether the user can have any child's record at all: tutors never do. */
function canSeeChildRecords(user: SessionUser): boolean {
  return worksWithChildren(user);
}

/** Who records a new child: the team manager (usually with the referral). */
export function canAddChild(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/** Who corrects an identifiable child's details: the team manager and the practice educators working with the child. */
export function canCorrectChildDetails(user: SessionUser): boolean {
  return user.role === "ADMIN" || user.role === "PRACTICE_EDUCATOR";
}

/** Who records referrals and decides them: the team manager. */
export function canHandleReferrals(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/**
 * Who answers for the team's child records: sees who viewed a record,
 * exports it for a subject access request, anonymises it after retention.
 */
export function answersForChildRecords(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/** The team's partner schools are for the team's own staff; students and tutors choose none. */
export function canSeePartnerSchools(user: SessionUser): boolean {
  return user.role === "ADMIN" || user.role === "PRACTICE_EDUCATOR" || user.role === "ONSITE_SUPERVISOR";
}

// ---------------------------------------------------------------------------
// Allocations

/** Who allocates children at all: the team manager and practice educators. */
export function canAllocateChildren(user: SessionUser): boolean {
  return user.role === "ADMIN" || user.role === "PRACTICE_EDUCATOR";
}

/** Where: the team manager to any of the team's placements; a PE only to students they are the current PE of. */
export function canAllocateTo(
  user: SessionUser,
  placement: { teamId: string; currentPracticeEducatorId: string | null },
): boolean {
  if (user.role === "ADMIN") return placement.teamId === user.organisationId;
  return user.role === "PRACTICE_EDUCATOR" && placement.currentPracticeEducatorId === user.id;
}

/** The placements a PE may allocate to, as a filter (the team manager's are the team's). */
export function placementsToAllocateTo(user: SessionUser): Prisma.PlacementWhereInput {
  assertVerifiedUser(user);
  if (user.role === "ADMIN") return { teamId: user.organisationId };
  if (user.role === "PRACTICE_EDUCATOR")
    return { practiceEducators: { some: { practiceEducatorId: user.id, endDate: null } } };
  return { id: { in: [] } };
}

/** Who ends an allocation: the team manager or the PE overseeing it. */
export function canEndAllocation(user: SessionUser, allocation: { overseeingPeId: string }): boolean {
  return user.role === "ADMIN" || (user.role === "PRACTICE_EDUCATOR" && allocation.overseeingPeId === user.id);
}

// ---------------------------------------------------------------------------
// The work with a child

/** Who records the work with a child: the allocated student. Who oversees and corrects it: the PE and the admin. */
export function canWriteChildWork(
  user: SessionUser,
  allocation: { studentId: string; overseeingPeId: string },
): boolean {
  return user.role === "ADMIN" || allocation.studentId === user.id || allocation.overseeingPeId === user.id;
}

/** A student changes the work only while allocated; the PE and the team manager may still correct it afterwards. */
export function canWriteChildWorkNow(
  user: SessionUser,
  allocation: { studentId: string; overseeingPeId: string; status: string },
): boolean {
  if (!canWriteChildWork(user, allocation)) return false;
  return user.role !== "STUDENT" || allocation.status === "ACTIVE";
}

/** A student does life story work only once the PE overseeing it has agreed: only that PE signs it off. */
export function canSignOffLifeStory(user: SessionUser, allocation: { overseeingPeId: string }): boolean {
  return user.role === "PRACTICE_EDUCATOR" && allocation.overseeingPeId === user.id;
}

/** Who sees the team's session themes: the team manager and practice educators. */
export function canSeeThemes(user: SessionUser): boolean {
  return user.role === "ADMIN" || user.role === "PRACTICE_EDUCATOR";
}

/** Who adds a session theme to the team's list: the team manager. */
export function canAddTheme(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/** Who reads the anonymised suggestion tree of children's feedback: the team manager and practice educators. */
export function canSeeSuggestionTree(user: SessionUser): boolean {
  return user.role === "ADMIN" || user.role === "PRACTICE_EDUCATOR";
}

// ---------------------------------------------------------------------------
// Safeguarding

/** The concerns a user handles: the admin, those of the team's children; a PE, those of children whose active work they oversee. */
export function safeguardingConcernsHandledBy(user: SessionUser): Prisma.SafeguardingConcernWhereInput | null {
  assertVerifiedUser(user);
  if (user.role === "ADMIN") return { child: { teamId: user.organisationId } };
  if (user.role === "PRACTICE_EDUCATOR")
    return { child: { allocations: { some: { status: "ACTIVE", overseeingPeId: user.id } } } };
  return null;
}

/** Who records the action taken on a concern: the team's admin, or a PE overseeing the child's active work. */
export function canRecordSafeguardingAction(
  user: SessionUser,
  concern: { child: { teamId: string; allocations: Array<{ status: string; overseeingPeId: string }> } },
): boolean {
  if (user.role === "ADMIN") return concern.child.teamId === user.organisationId;
  return (
    user.role === "PRACTICE_EDUCATOR" &&
    concern.child.allocations.some(
      (allocation) => allocation.status === "ACTIVE" && allocation.overseeingPeId === user.id,
    )
  );
}

// ---------------------------------------------------------------------------
// For pages that show no single record

/**
 * What the children's-work pages offer this user. `caseload` and
 * `safeguarding` say whose work the page is about (null: no such page);
 * the rest are the predicates above.
 */
export function childWorkPermissions(user: SessionUser) {
  assertVerifiedUser(user);
  const caseload = !worksWithChildren(user)
    ? null
    : user.role === "STUDENT"
      ? ("own" as const)
      : user.role === "PRACTICE_EDUCATOR"
        ? ("my-students" as const)
        : ("team" as const);
  const safeguarding =
    user.role === "ADMIN" ? ("team" as const) : user.role === "PRACTICE_EDUCATOR" ? ("overseen" as const) : null;
  return {
    canSeeChildRecords: canSeeChildRecords(user),
    canAddChild: canAddChild(user),
    caseload,
    safeguarding,
    canSeeThemes: canSeeThemes(user),
    canAddTheme: canAddTheme(user),
    canSeeSuggestionTree: canSeeSuggestionTree(user),
  };
}
