import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";

/**
 * The supervision records a user may read. The placement's practice
 * educators (past and present) and the student read all of them; the team
 * manager oversees everything; tutors of the student's university read
 * records both have signed, never drafts; on-site supervisors and everyone
 * else read none.
 */
export function supervisionRecordsVisibleTo(user: SessionUser): Prisma.SupervisionRecordWhereInput {
  assertVerifiedUser(user);
  switch (user.role) {
    case "ADMIN":
    case "PRACTICE_EDUCATOR":
    case "STUDENT":
      return { placement: placementsVisibleTo(user) };
    case "UNIVERSITY_TUTOR":
      return { placement: placementsVisibleTo(user), status: "SIGNED" };
    case "ONSITE_SUPERVISOR":
      return { id: { in: [] } };
  }
}

/** Whether the user may see a placement's supervision at all (the log page, cadence). */
export function canReadSupervisionOf(user: SessionUser): boolean {
  return user.role !== "ONSITE_SUPERVISOR";
}

/** Only the placement's current practice educator writes, signs and corrects the main notes. */
export function isCurrentPracticeEducator(user: SessionUser, currentPracticeEducatorId: string | null): boolean {
  return user.role === "PRACTICE_EDUCATOR" && currentPracticeEducatorId === user.id;
}

/** Only the student writes and signs their own reflection. */
export function isPlacementStudent(user: SessionUser, studentId: string): boolean {
  return user.role === "STUDENT" && studentId === user.id;
}
