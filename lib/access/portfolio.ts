import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";

/**
 * Who sees what of a student's portfolio (issue 4; DOMAIN.md "Data protection":
 * a student's placement records are seen by the student, their PE and their
 * tutor, nobody else).
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
 * submits" is a complaint about other tools (DOMAIN.md). Only the student edits them.
 */

const NOTHING = { id: { in: [] as string[] } };

/** Evidence items a user may read. */
export function evidenceVisibleTo(user: SessionUser): Prisma.EvidenceItemWhereInput {
  assertVerifiedUser(user);
  switch (user.role) {
    case "STUDENT":
    case "PRACTICE_EDUCATOR":
      return { placement: placementsVisibleTo(user) };
    case "UNIVERSITY_TUTOR":
      return { placement: placementsVisibleTo(user), status: { not: "DRAFT" } };
    case "ADMIN":
    case "ONSITE_SUPERVISOR":
      return NOTHING;
  }
}

/** Direct observations a user may read. */
export function observationsVisibleTo(user: SessionUser): Prisma.DirectObservationWhereInput {
  assertVerifiedUser(user);
  if (user.role === "ADMIN") return NOTHING;
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

/** Final assessments a user may read, including those a stage 2 PE is asked to ratify. */
export function finalAssessmentsVisibleTo(
  user: SessionUser & { pepsStage?: "STAGE_1" | "STAGE_2" | null },
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
          ...(user.pepsStage === "STAGE_2"
            ? [{ status: "AWAITING_RATIFICATION" as const, placement: { teamId: user.organisationId } }]
            : []),
        ],
      };
    case "UNIVERSITY_TUTOR":
      return { placement: placementsVisibleTo(user), status: { not: "DRAFT" } };
    case "ADMIN":
      return NOTHING;
  }
}

type PlacementParties = {
  studentId: string;
  onsiteSupervisorId: string | null;
  currentPracticeEducatorId: string | null;
  status: string;
};

/** A placement that has finished (completed or ended early) is read-only for the portfolio. */
export function placementOpenForPortfolio(placement: { status: string }): boolean {
  return placement.status !== "COMPLETED" && placement.status !== "ENDED_EARLY";
}

/** Only the student writes (and submits) their own evidence, while the placement is open. */
export function canWriteEvidence(user: SessionUser, placement: PlacementParties): boolean {
  return user.role === "STUDENT" && placement.studentId === user.id && placementOpenForPortfolio(placement);
}

/** Only the current PE reviews evidence: comments, asks for changes, accepts. */
export function canReviewEvidence(user: SessionUser, placement: PlacementParties): boolean {
  return user.role === "PRACTICE_EDUCATOR" && placement.currentPracticeEducatorId === user.id;
}

/** The current PE or the on-site supervisor observes, and writes the feedback of their own observations. */
export function canObserve(user: SessionUser, placement: PlacementParties): boolean {
  if (!placementOpenForPortfolio(placement)) return false;
  if (user.role === "PRACTICE_EDUCATOR") return placement.currentPracticeEducatorId === user.id;
  if (user.role === "ONSITE_SUPERVISOR") return placement.onsiteSupervisorId === user.id;
  return false;
}

/** The current PE records the learning agreement, midpoint and final review meetings. */
export function canRecordMilestone(user: SessionUser, placement: PlacementParties): boolean {
  return user.role === "PRACTICE_EDUCATOR" && placement.currentPracticeEducatorId === user.id;
}

/** PE, on-site supervisor, student or tutor may raise a cause for concern (DOMAIN.md). */
export function canRaiseConcern(user: SessionUser, placement: PlacementParties): boolean {
  switch (user.role) {
    case "PRACTICE_EDUCATOR":
      return placement.currentPracticeEducatorId === user.id;
    case "ONSITE_SUPERVISOR":
      return placement.onsiteSupervisorId === user.id;
    case "STUDENT":
      return placement.studentId === user.id;
    case "UNIVERSITY_TUTOR":
      // Caller has already scoped the placement to the tutor's university.
      return true;
    default:
      return false;
  }
}

/** The current PE and the university's tutor run a concern through its stages. */
export function canProgressConcern(user: SessionUser, placement: PlacementParties): boolean {
  if (user.role === "PRACTICE_EDUCATOR") return placement.currentPracticeEducatorId === user.id;
  return user.role === "UNIVERSITY_TUTOR";
}

/** The current PE writes the final assessment. */
export function canWriteFinalAssessment(user: SessionUser, placement: PlacementParties): boolean {
  return user.role === "PRACTICE_EDUCATOR" && placement.currentPracticeEducatorId === user.id;
}
