import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { canReadSupervisionOf } from "@/lib/access/supervision";
import { notFound } from "@/lib/errors";

const PERSON = { select: { id: true, name: true } } as const;

/** The placement as supervision sees it, or 404 when the user may not see its supervision. */
export async function placementForSupervision(tx: Tx, user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  if (!canReadSupervisionOf(user)) throw notFound("That placement's supervision");
  const placement = await tx.placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id: placementId }] },
    include: {
      student: {
        select: {
          id: true,
          name: true,
          studentProfile: { select: { university: { select: { name: true } }, programme: { select: { name: true } } } },
        },
      },
      onsiteSupervisor: PERSON,
      tutor: PERSON,
      practiceEducators: { orderBy: { startDate: "asc" }, include: { practiceEducator: PERSON } },
    },
  });
  if (!placement) throw notFound("That placement");
  const current = placement.practiceEducators.find((spell) => spell.endDate === null) ?? null;
  return {
    ...placement,
    currentPracticeEducatorId: current?.practiceEducatorId ?? null,
    currentPracticeEducatorName: current?.practiceEducator.name ?? null,
  };
}

export type SupervisionPlacement = Awaited<ReturnType<typeof placementForSupervision>>;

/**
 * The people of the placement: everyone who may read its supervision may
 * read their names (lib/access/people.ts, `worksWith`).
 */
export function placementPeople(placement: SupervisionPlacement): Set<string> {
  const ids = [
    placement.studentId,
    placement.onsiteSupervisorId,
    placement.tutorId,
    ...placement.practiceEducators.map((spell) => spell.practiceEducatorId),
  ];
  return new Set(ids.filter((id): id is string => Boolean(id)));
}
