import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { finalAssessmentsVisibleTo, hasPepsStage, readsPortfolioContent } from "@/lib/access/portfolio";
import { notFound } from "@/lib/errors";
import type { FinalStatusName, PepsStageName, SignState } from "@/lib/portfolio/final-assessment-rules";
import { personFields } from "@/lib/portfolio/people";

// What the final assessment functions load, scoped to what the user may see:
// the placement's people read it through the placement, a stage 2 ratifier
// who is not one of them through the assessment they are asked to ratify.

export type Viewer = SessionUser & { pepsStage: PepsStageName | null };

/** The user with their PEPS stage, read fresh: the stage 2 ratifier's access depends on it. */
export async function withPepsStage(tx: Tx, user: SessionUser): Promise<Viewer> {
  assertVerifiedUser(user);
  if (!hasPepsStage(user)) return { ...user, pepsStage: null };
  const row = await tx.user.findUnique({ where: { id: user.id }, select: { pepsStage: true } });
  return { ...user, pepsStage: row?.pepsStage ?? null };
}

const placementInclude = {
  student: {
    select: {
      ...personFields,
      studentProfile: { select: { university: { select: { name: true } }, programme: { select: { name: true } } } },
    },
  },
  onsiteSupervisor: { select: personFields },
  tutor: { select: personFields },
  practiceEducators: {
    orderBy: { startDate: "asc" as const },
    include: { practiceEducator: { select: { ...personFields, pepsStage: true } } },
  },
};

const assessmentInclude = {
  domains: {
    include: { frameworkItem: { select: { id: true, code: true, number: true, name: true, frameworkId: true } } },
  },
  practiceEducator: { select: { ...personFields, pepsStage: true } },
  onsiteSignedBy: { select: personFields },
  ratifiedBy: { select: personFields },
};

async function loadPlacement(tx: Tx, where: object) {
  const placement = await tx.placement.findFirst({ where, include: placementInclude });
  if (!placement) return null;
  const current = placement.practiceEducators.find((spell) => spell.endDate === null) ?? null;
  return {
    ...placement,
    currentPracticeEducatorId: current?.practiceEducatorId ?? null,
    currentPracticeEducator: current?.practiceEducator ?? null,
  };
}

function loadAssessment(tx: Tx, where: object) {
  return tx.finalAssessment.findFirst({ where, include: assessmentInclude });
}

export type AssessedPlacement = NonNullable<Awaited<ReturnType<typeof loadPlacement>>>;
export type LoadedAssessment = NonNullable<Awaited<ReturnType<typeof loadAssessment>>>;

/**
 * The placement and (if the user may read it) its final assessment. Whoever
 * sees the placement (but not the team manager, who reads no final report)
 * gets the placement; a stage 2 ratifier who is not on it gets both through
 * the assessment they are asked to ratify. Anything else is a 404.
 */
export async function finalAssessmentOfPlacement(tx: Tx, user: SessionUser, placementId: string) {
  const viewer = await withPepsStage(tx, user);
  if (!readsPortfolioContent(viewer)) throw notFound("That final assessment");
  const assessment = await loadAssessment(tx, { AND: [finalAssessmentsVisibleTo(viewer), { placementId }] });
  const onPlacement =
    (await tx.placement.count({ where: { AND: [placementsVisibleTo(viewer), { id: placementId }] } })) > 0;
  if (!assessment && !onPlacement) throw notFound("That placement");
  const placement = (await loadPlacement(tx, { id: placementId }))!;
  return { viewer, placement, assessment, onPlacement };
}

/** A final assessment the user may read, by its own id, with its placement. */
export async function finalAssessmentInScope(tx: Tx, user: SessionUser, assessmentId: string) {
  const viewer = await withPepsStage(tx, user);
  const assessment = await loadAssessment(tx, { AND: [finalAssessmentsVisibleTo(viewer), { id: assessmentId }] });
  if (!assessment) throw notFound("That final assessment");
  const placement = (await loadPlacement(tx, { id: assessment.placementId }))!;
  return { viewer, placement, assessment };
}

export function signStateOf(placement: AssessedPlacement, assessment: LoadedAssessment): SignState {
  return {
    status: assessment.status as FinalStatusName,
    studentSignedAt: assessment.studentSignedAt,
    onsiteSignedAt: assessment.onsiteSignedAt,
    hasOnsiteSupervisor: placement.onsiteSupervisorId !== null,
    level: placement.level,
    assessorStage: assessment.practiceEducator.pepsStage,
  };
}

/** The PE's text per PCF domain, keyed by the domain's code. */
export function domainTextsOf(assessment: LoadedAssessment): Record<string, string> {
  return Object.fromEntries(assessment.domains.map((domain) => [domain.frameworkItem.code, domain.text]));
}
