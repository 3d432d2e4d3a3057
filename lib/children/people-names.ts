import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { personNameFor, type NamedPerson } from "@/lib/access/people";

// The people a child's record mentions — the student doing the work, the
// practice educator overseeing it, whoever raised a concern, decided a
// referral or signed life story work off — are named to a reader only where
// they could read that name elsewhere (lib/access/people.ts); anyone else is
// named by role, "A student from another university". Children's own names
// follow their own, stricter rule (lib/access/children.ts).

type Person = { id: string; name: string };
export type NameOf = {
  (person: Person): string;
  (person: Person | null | undefined): string | null;
};

/**
 * Resolves, for this reader, the names of the given people: two queries
 * whatever the number (the people themselves, with the teams hosting a
 * student's placements; and which of them work on a placement the reader may
 * see). Pass every person the answer will name.
 */
export async function namesFor(tx: Tx, viewer: SessionUser, ids: Iterable<string | null | undefined>): Promise<NameOf> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  const byId = new Map<string, NamedPerson>();
  const worksWith = new Set<string>();
  function nameOf(person: Person): string;
  function nameOf(person: Person | null | undefined): string | null;
  function nameOf(person: Person | null | undefined): string | null {
    if (!person) return null;
    const known = byId.get(person.id);
    // Someone not resolved here is never named: a forgotten id fails closed.
    return known ? personNameFor(viewer, known, worksWith) : "Someone";
  }
  if (wanted.length === 0) return nameOf;
  const [people, placements] = await Promise.all([
    tx.user.findMany({
      where: { id: { in: wanted } },
      select: {
        id: true,
        name: true,
        role: true,
        organisationId: true,
        placementsAsStudent: { select: { teamId: true } },
      },
    }),
    tx.placement.findMany({
      where: {
        AND: [
          placementsVisibleTo(viewer),
          {
            OR: [
              { studentId: { in: wanted } },
              { onsiteSupervisorId: { in: wanted } },
              { tutorId: { in: wanted } },
              { practiceEducators: { some: { practiceEducatorId: { in: wanted } } } },
            ],
          },
        ],
      },
      select: {
        studentId: true,
        onsiteSupervisorId: true,
        tutorId: true,
        practiceEducators: { select: { practiceEducatorId: true } },
      },
    }),
  ]);
  for (const placement of placements)
    for (const id of [
      placement.studentId,
      placement.onsiteSupervisorId,
      placement.tutorId,
      ...placement.practiceEducators.map((spell) => spell.practiceEducatorId),
    ])
      if (id) worksWith.add(id);
  for (const person of people)
    byId.set(person.id, { ...person, placedWith: person.placementsAsStudent.map((placement) => placement.teamId) });
  return nameOf;
}
