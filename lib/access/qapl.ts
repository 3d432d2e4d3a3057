import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import type { QaplRespondentName } from "@/lib/qapl/questions";

// QAPL evaluations (docs/domain.md "QAPL evaluations"):
//
//                                     submits           reads individual answers          board overview
//   the placement's student           as STUDENT        their own                         no
//   its last practice educator        as PE             their own and the provider's      no
//   the team manager of its team      as PROVIDER       the PE's and the provider's       their team's, students aggregated
//   a tutor of the student's uni      no                all three (QAPL intends it)       their university's
//
// A student's answers never reach their PE or the team one by one: only in
// aggregates of at least QAPL_MINIMUM_GROUP students.

export type QaplPlacement = {
  studentId: string;
  teamId: string;
  status: string;
  universityId: string;
  /** The practice educator of the last spell: the one who saw the placement to its end. */
  lastPracticeEducatorId: string | null;
};

/** As whom the user evaluates this placement, or null when they are not party to it. */
export function qaplRespondentFor(user: SessionUser, placement: QaplPlacement): QaplRespondentName | null {
  if (user.role === "STUDENT" && placement.studentId === user.id) return "STUDENT";
  if (user.role === "PRACTICE_EDUCATOR" && placement.lastPracticeEducatorId === user.id) return "PRACTICE_EDUCATOR";
  if (user.role === "ADMIN" && placement.teamId === user.organisationId) return "PROVIDER";
  return null;
}

export function placementFinished(placement: { status: string }): boolean {
  return placement.status === "COMPLETED" || placement.status === "ENDED_EARLY";
}

/** Who may submit an evaluation now: a party to the placement, once it has finished. */
export function canSubmitQapl(user: SessionUser, placement: QaplPlacement): true | string {
  if (!qaplRespondentFor(user, placement))
    return "Only the placement's student, its practice educator and the team manager evaluate it.";
  if (!placementFinished(placement))
    return "The placement is still running: its QAPL evaluation opens when it has finished.";
  return true;
}

/** Whether the user may read one party's evaluation of this placement, answer by answer. */
export function canReadQaplAnswers(
  user: SessionUser,
  placement: QaplPlacement,
  respondent: QaplRespondentName,
): boolean {
  if (user.role === "UNIVERSITY_TUTOR") return placement.universityId === user.organisationId;
  const own = qaplRespondentFor(user, placement);
  if (own === null) return false;
  if (respondent === "STUDENT") return own === "STUDENT";
  // The PE and the provider read each other's; the student reads only their own.
  return own !== "STUDENT";
}

/** The QAPL board's overview: the university's tutors and the team manager. */
export function canSeeQaplBoard(user: SessionUser): boolean {
  return user.role === "UNIVERSITY_TUTOR" || user.role === "ADMIN";
}

/** The evaluations the board overview aggregates for this user: their university's students', or their team's placements. */
export function qaplEvaluationsForBoard(user: SessionUser): Prisma.QaplEvaluationWhereInput {
  assertVerifiedUser(user);
  if (user.role === "UNIVERSITY_TUTOR")
    return { placement: { student: { studentProfile: { universityId: user.organisationId } } } };
  if (user.role === "ADMIN") return { placement: { teamId: user.organisationId } };
  return { id: { in: [] } };
}
