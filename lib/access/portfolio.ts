import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import type { FinalStatusName, PepsStageName, SignAs } from "@/lib/portfolio/final-assessment-rules";

/**
 * Who sees and does what in a student's portfolio (docs/domain.md "Frameworks
 * and the portfolio" and "Observations, reviews, concerns and the final
 * assessment"; a student's placement records are seen by the student, their
 * PE and their tutor, nobody else).
 *
 *                       evidence        observations  milestones  concerns  final assessment
 *   student (own)       all, writes     all           all         all       all
 *   PE, past & present  all incl drafts all           all         all       all
 *   on-site supervisor  none            all           all         all       all
 *   tutor (university)  not drafts      all           all         all       not drafts
 *   team manager        none            none          all         all       none
 *   stage 2 PE in team  -               -             -           -         those awaiting ratification
 *
 * The team manager sees milestones and concerns (they run the placements and
 * a concern may end one) and progress counts (lib/progress), never the
 * content of evidence, observations or the final report.
 *
 * The PE sees drafts on purpose: "supervisors see nothing until the student
 * submits" is a complaint about other tools. Only the student edits them.
 */

const NOTHING = { id: { in: [] as string[] } };

/** The people of a placement, as every predicate below reads them. */
export type PlacementParties = {
  studentId: string;
  onsiteSupervisorId: string | null;
  currentPracticeEducatorId: string | null;
  status: string;
};

// ---------------------------------------------------------------------------
// Who the user is on this placement

/** The student whose placement it is. */
export function isStudentOf(user: SessionUser, placement: { studentId: string }): boolean {
  return user.role === "STUDENT" && placement.studentId === user.id;
}

/** The placement's current practice educator (past PEs read, but no longer act). */
export function isCurrentPracticeEducatorOf(
  user: SessionUser,
  placement: { currentPracticeEducatorId: string | null },
): boolean {
  return user.role === "PRACTICE_EDUCATOR" && placement.currentPracticeEducatorId === user.id;
}

/** The placement's on-site supervisor. */
export function isOnsiteSupervisorOf(user: SessionUser, placement: { onsiteSupervisorId: string | null }): boolean {
  return user.role === "ONSITE_SUPERVISOR" && placement.onsiteSupervisorId === user.id;
}

/** A placement that has finished (completed or ended early) is read-only for the portfolio. */
export function placementOpenForPortfolio(placement: { status: string }): boolean {
  return placement.status !== "COMPLETED" && placement.status !== "ENDED_EARLY";
}

// ---------------------------------------------------------------------------
// Reading

/** The roles that read evidence at all: the others are told a portfolio does not exist. */
export function readsEvidence(user: SessionUser): boolean {
  return user.role === "STUDENT" || user.role === "PRACTICE_EDUCATOR" || user.role === "UNIVERSITY_TUTOR";
}

/** Tutors read evidence once it is submitted; the student and the PEs read drafts too. */
export function readsEvidenceDrafts(user: SessionUser): boolean {
  return user.role === "STUDENT" || user.role === "PRACTICE_EDUCATOR";
}

/** Everyone on a placement reads its observations and final assessment; the team manager reads neither. */
export function readsPortfolioContent(user: SessionUser): boolean {
  return (
    user.role === "STUDENT" ||
    user.role === "PRACTICE_EDUCATOR" ||
    user.role === "ONSITE_SUPERVISOR" ||
    user.role === "UNIVERSITY_TUTOR"
  );
}

/** Evidence items a user may read. */
export function evidenceVisibleTo(user: SessionUser): Prisma.EvidenceItemWhereInput {
  assertVerifiedUser(user);
  if (!readsEvidence(user)) return NOTHING;
  return readsEvidenceDrafts(user)
    ? { placement: placementsVisibleTo(user) }
    : { placement: placementsVisibleTo(user), status: { not: "DRAFT" } };
}

/** Direct observations a user may read. */
export function observationsVisibleTo(user: SessionUser): Prisma.DirectObservationWhereInput {
  assertVerifiedUser(user);
  if (!readsPortfolioContent(user)) return NOTHING;
  return { placement: placementsVisibleTo(user) };
}

/** Milestones (learning agreement, midpoint, final review): everyone who sees the placement. */
export function milestonesVisibleTo(user: SessionUser): Prisma.PlacementMilestoneWhereInput {
  assertVerifiedUser(user);
  return { placement: placementsVisibleTo(user) };
}

/** Causes for concern: everyone who sees the placement, so a concern shows on every dashboard. */
export function concernsVisibleTo(user: SessionUser): Prisma.CauseForConcernWhereInput {
  assertVerifiedUser(user);
  return { placement: placementsVisibleTo(user) };
}

/** A PEPS stage 2 practice educator: the one who may ratify a stage 1 PE's final-placement assessment. */
export function isStage2PracticeEducator(user: SessionUser & { pepsStage?: PepsStageName | null }): boolean {
  return user.role === "PRACTICE_EDUCATOR" && user.pepsStage === "STAGE_2";
}

/** Only practice educators have a PEPS stage worth reading. */
export function hasPepsStage(user: SessionUser): boolean {
  return user.role === "PRACTICE_EDUCATOR";
}

/** Final assessments a user may read, including those a stage 2 PE is asked to ratify. */
export function finalAssessmentsVisibleTo(
  user: SessionUser & { pepsStage?: PepsStageName | null },
): Prisma.FinalAssessmentWhereInput {
  assertVerifiedUser(user);
  switch (user.role) {
    case "STUDENT":
    case "ONSITE_SUPERVISOR":
      return { placement: placementsVisibleTo(user) };
    case "PRACTICE_EDUCATOR":
      return {
        OR: [
          { placement: placementsVisibleTo(user) },
          // Any stage 2 PE of the team may ratify a stage 1 PE's final-placement assessment.
          ...(isStage2PracticeEducator(user)
            ? [{ status: "AWAITING_RATIFICATION" as const, placement: { teamId: user.organisationId } }]
            : []),
        ],
      };
    case "UNIVERSITY_TUTOR":
      return { placement: placementsVisibleTo(user), status: { not: "DRAFT" } };
    case "ADMIN":
    case "SCHOOL_CONTACT":
    case "EXTERNAL_EXAMINER":
    case "SERVICE_USER_REPRESENTATIVE":
    case "LEADERSHIP":
      // A panel's guests read sampled PADs through the panel only (lib/panels).
      return NOTHING;
  }
}

/** Tutors read the final assessment once the PE has signed it. */
export function readsDraftFinalAssessments(user: SessionUser): boolean {
  return user.role !== "UNIVERSITY_TUTOR";
}

/**
 * The PAD is readable through the final assessment, or (without one the user
 * may read) by whoever reads the evidence.
 */
export function canReadPad(user: SessionUser, readsFinalAssessment: boolean): boolean {
  return readsFinalAssessment || readsEvidence(user);
}

/** The parts of the portfolio a placement page offers this user; each area still checks on the server. */
export function portfolioAreasFor(user: SessionUser) {
  return {
    evidence: readsEvidence(user),
    observations: readsPortfolioContent(user),
    reviews: true,
    concerns: true,
    finalAssessment: readsPortfolioContent(user),
  };
}

// ---------------------------------------------------------------------------
// Evidence

/** Only the student writes (and submits) their own evidence, while the placement is open. */
export function canWriteEvidence(user: SessionUser, placement: PlacementParties): boolean {
  return isStudentOf(user, placement) && placementOpenForPortfolio(placement);
}

/** Only the current PE reviews evidence: comments, asks for changes, accepts. */
export function canReviewEvidence(user: SessionUser, placement: PlacementParties): boolean {
  return isCurrentPracticeEducatorOf(user, placement);
}

/** The student and the current PE add addenda to accepted evidence. */
export function canAddEvidenceAddendum(user: SessionUser, placement: PlacementParties): boolean {
  return isStudentOf(user, placement) || isCurrentPracticeEducatorOf(user, placement);
}

// ---------------------------------------------------------------------------
// Observations, review meetings, concerns

/** The current PE or the on-site supervisor observes, and writes the feedback of their own observations. */
export function canObserve(user: SessionUser, placement: PlacementParties): boolean {
  if (!placementOpenForPortfolio(placement)) return false;
  return isCurrentPracticeEducatorOf(user, placement) || isOnsiteSupervisorOf(user, placement);
}

/** The person who makes (and writes the feedback of) an observation. */
export function isObserverOf(user: SessionUser, observation: { observerId: string }): boolean {
  return observation.observerId === user.id;
}

/**
 * Who may write which part of an observation: the observer the plan and the
 * feedback, the student the preparation and the reflection. The plan and the
 * preparation close once the feedback is written; the feedback and the
 * reflection open once the day of the observation has come.
 */
export function observationPermissions(
  user: SessionUser,
  observation: { observerId: string; feedbackAt: Date | null; observedOn: string },
  placement: PlacementParties,
  today: string,
) {
  const isObserver = isObserverOf(user, observation) && canObserve(user, placement);
  const isStudent = isStudentOf(user, placement) && placementOpenForPortfolio(placement);
  const happened = observation.observedOn <= today;
  return {
    canEditPlan: isObserver && observation.feedbackAt === null,
    canWritePreparation: isStudent && observation.feedbackAt === null,
    canWriteFeedback: isObserver && happened,
    canWriteReflection: isStudent && happened,
  };
}

/** The current PE records the learning agreement, midpoint and final review meetings. */
export function canRecordMilestone(user: SessionUser, placement: PlacementParties): boolean {
  return isCurrentPracticeEducatorOf(user, placement);
}

/** PE, on-site supervisor, student or tutor may raise a cause for concern. */
export function canRaiseConcern(user: SessionUser, placement: PlacementParties): boolean {
  // A tutor reaches only placements of their university's students (placementsVisibleTo).
  return (
    isCurrentPracticeEducatorOf(user, placement) ||
    isOnsiteSupervisorOf(user, placement) ||
    isStudentOf(user, placement) ||
    user.role === "UNIVERSITY_TUTOR"
  );
}

/** The current PE and the university's tutor run a concern through its stages. */
export function canProgressConcern(user: SessionUser, placement: PlacementParties): boolean {
  return isCurrentPracticeEducatorOf(user, placement) || user.role === "UNIVERSITY_TUTOR";
}

// ---------------------------------------------------------------------------
// The final assessment

/** The current PE writes and signs the final report. */
export function canWriteFinalAssessment(user: SessionUser, placement: PlacementParties): boolean {
  return isCurrentPracticeEducatorOf(user, placement);
}

/** The student writes their critical reflection and signs as student. */
export function canWriteFinalReflection(user: SessionUser, placement: PlacementParties): boolean {
  return isStudentOf(user, placement);
}

/** Each signature belongs to one person of the placement. */
export function canSignFinalAssessmentAs(user: SessionUser, placement: PlacementParties, as: SignAs): boolean {
  switch (as) {
    case "PRACTICE_EDUCATOR":
      return canWriteFinalAssessment(user, placement);
    case "STUDENT":
      return canWriteFinalReflection(user, placement);
    case "ONSITE_SUPERVISOR":
      return isOnsiteSupervisorOf(user, placement);
  }
}

/** Why this user may not ratify a final assessment, or null when they may. */
export function ratificationRefusal(
  user: SessionUser & { pepsStage?: PepsStageName | null },
  assessment: { status: FinalStatusName; practiceEducatorId: string; teamId: string },
): string | null {
  if (!isStage2PracticeEducator(user)) return "Only a PEPS stage 2 practice educator may ratify a final assessment.";
  if (user.organisationId !== assessment.teamId)
    return "Only a practice educator of the placement's team may ratify its final assessment.";
  if (user.id === assessment.practiceEducatorId) return "The assessor cannot ratify their own final assessment.";
  if (assessment.status !== "AWAITING_RATIFICATION") {
    return assessment.status === "COMPLETE"
      ? "This final assessment is already complete."
      : "This final assessment is not waiting for ratification: every signature is needed first.";
  }
  return null;
}

// ---------------------------------------------------------------------------
// Frameworks

/** Only the team manager corrects frameworks and adds versions. */
export function canManageFrameworks(user: SessionUser): boolean {
  return user.role === "ADMIN";
}
