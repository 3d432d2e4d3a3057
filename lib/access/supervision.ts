import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";

// Who reads and writes supervision (docs/domain.md, "Supervision"). Every
// check of a role in lib/supervision and in the supervision pages is one of
// these predicates; pages read the permissions lib/supervision returns.

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
    case "SCHOOL_CONTACT":
    case "EXTERNAL_EXAMINER":
    case "SERVICE_USER_REPRESENTATIVE":
    case "LEADERSHIP":
      return { id: { in: [] } };
  }
}

/** Whether the user may see a placement's supervision at all (the log page, cadence). */
export function canReadSupervisionOf(user: SessionUser): boolean {
  return (
    user.role === "ADMIN" ||
    user.role === "PRACTICE_EDUCATOR" ||
    user.role === "STUDENT" ||
    user.role === "UNIVERSITY_TUTOR"
  );
}

/** The people of a placement the predicates below look at. */
export type SupervisionParties = { studentId: string; currentPracticeEducatorId: string | null };

/** The placement's current practice educator: records, edits, signs first and corrects the main notes. */
export function isCurrentPracticeEducator(user: SessionUser, placement: SupervisionParties): boolean {
  return user.role === "PRACTICE_EDUCATOR" && placement.currentPracticeEducatorId === user.id;
}

/** The placement's student: writes their own reflection and signs second. */
export function isPlacementStudent(user: SessionUser, placement: SupervisionParties): boolean {
  return user.role === "STUDENT" && placement.studentId === user.id;
}

/** Records a session and edits its notes while it is a draft. */
export function canWriteSupervisionNotes(user: SessionUser, placement: SupervisionParties): boolean {
  return isCurrentPracticeEducator(user, placement);
}

/** Writes the student's reflection on a record. */
export function canWriteStudentReflection(user: SessionUser, placement: SupervisionParties): boolean {
  return isPlacementStudent(user, placement);
}

/** Signs a record: the practice educator first, the student second (the order is lib/supervision/sign-off.ts). */
export function canSignSupervision(user: SessionUser, placement: SupervisionParties): boolean {
  return isCurrentPracticeEducator(user, placement) || isPlacementStudent(user, placement);
}

/** Adds an addendum to a signed record: the two who signed it. */
export function canAddSupervisionAddendum(user: SessionUser, placement: SupervisionParties): boolean {
  return canSignSupervision(user, placement);
}

/** Marks an agreed action done or open again: the practice educator and the student (dropping one: canDropAgreedActions). */
export function canUpdateAgreedActions(user: SessionUser, placement: SupervisionParties): boolean {
  return canSignSupervision(user, placement);
}

/**
 * Drops an agreed action (or reopens a dropped one): the practice educator
 * only. An action was agreed by both; the student may mark it done, not
 * decide on her own that it no longer applies (issue 12).
 */
export function canDropAgreedActions(user: SessionUser, placement: SupervisionParties): boolean {
  return isCurrentPracticeEducator(user, placement);
}

/** Sets how often and how long supervision is expected: the team manager or the current practice educator. */
export function canSetSupervisionArrangements(user: SessionUser, placement: SupervisionParties): boolean {
  return user.role === "ADMIN" || isCurrentPracticeEducator(user, placement);
}
