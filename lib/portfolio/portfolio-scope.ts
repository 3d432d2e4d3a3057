import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { evidenceVisibleTo, readsEvidence } from "@/lib/access/portfolio";
import { notFound } from "@/lib/errors";
import { toIsoDate } from "@/lib/dates";
import type { KnownChild } from "@/lib/portfolio/child-name-check";

// What the evidence functions load, scoped to what the user may see: anything
// else is "not found", whether it exists or not (lib/access/portfolio.ts).

/** A placement as the portfolio sees it, with its current PE; 404 for anyone who may not read its evidence. */
export async function portfolioPlacement(tx: Tx, user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  if (!readsEvidence(user)) throw notFound("That placement's portfolio");
  const placement = await tx.placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id: placementId }] },
    include: {
      student: { select: { id: true, name: true, email: true, organisationId: true } },
      practiceEducators: {
        where: { endDate: null },
        include: { practiceEducator: { select: { id: true, name: true, email: true, organisationId: true } } },
      },
    },
  });
  if (!placement) throw notFound("That placement's portfolio");
  const currentPe = placement.practiceEducators[0]?.practiceEducator ?? null;
  return { ...placement, currentPracticeEducatorId: currentPe?.id ?? null, currentPe };
}

export type PortfolioPlacement = Awaited<ReturnType<typeof portfolioPlacement>>;

/** An evidence item the user may read, with its links and its placement. */
export async function evidenceInScope(tx: Tx, user: SessionUser, evidenceId: string) {
  assertVerifiedUser(user);
  const item = await tx.evidenceItem.findFirst({
    where: { AND: [evidenceVisibleTo(user), { id: evidenceId }] },
    include: { links: true },
  });
  if (!item) throw notFound("That evidence");
  const placement = await portfolioPlacement(tx, user, item.placementId);
  return { item, placement };
}

export type EvidenceInScope = Awaited<ReturnType<typeof evidenceInScope>>;

/** The children allocated to the student, whose names the student knows and must not write. */
export async function childrenOfStudent(tx: Tx, studentId: string): Promise<KnownChild[]> {
  const allocations = await tx.allocation.findMany({
    where: { studentId },
    select: { child: { select: { code: true, firstName: true, lastName: true, anonymisedAt: true } } },
  });
  return allocations.filter((allocation) => !allocation.child.anonymisedAt).map((allocation) => allocation.child);
}

/**
 * The short description of the placement every evidence page shows. Its
 * student and practice educator are people of the placement, whose names
 * everyone who reaches it may read (lib/portfolio/people.ts).
 */
export function summarisePortfolioPlacement(placement: PortfolioPlacement) {
  return {
    id: placement.id,
    studentId: placement.studentId,
    studentName: placement.student.name,
    setting: placement.setting,
    level: placement.level,
    status: placement.status,
    startDate: toIsoDate(placement.startDate),
    endDate: toIsoDate(placement.endDate),
    practiceEducatorName: placement.currentPe?.name ?? null,
  };
}
