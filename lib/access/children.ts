import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";

// Children's records are among the most sensitive personal data there is.
// Two levels of access, each one function, used by every page, action, API
// route, export and search:
//  - identifiable (name, date of birth, family contacts): the team manager,
//    the child's currently allocated students, and those students' practice
//    educators (the PE overseeing the allocation or the placement's current PE);
//  - the work, by pseudonymous code only: additionally the on-site supervisor
//    of a placement the child is allocated to.
// Tutors and everyone else see no child records at all; evidence and
// supervision notes refer to children by code.

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

/** Who records the work with a child: the allocated student. Who oversees and corrects it: the PE and the admin. */
export function canWriteChildWork(
  user: SessionUser,
  allocation: { studentId: string; overseeingPeId: string },
): boolean {
  return user.role === "ADMIN" || allocation.studentId === user.id || allocation.overseeingPeId === user.id;
}

/** Who creates child records, referrals and allocations: the team manager and practice educators. */
export function canManageChildren(user: SessionUser): boolean {
  return user.role === "ADMIN" || user.role === "PRACTICE_EDUCATOR";
}
