import "server-only";
import type { Tx } from "@/lib/db";
import { nameVisibleTo, personNameFor, type NamedPerson, type NameViewer } from "@/lib/access/people";

// The names of people in a portfolio's records (authors, commenters,
// observers, signatories) as each reader may see them: a name the reader
// could not see elsewhere is shown as the person's role (lib/access/people.ts;
// docs/domain.md "Observations, reviews, concerns and the final assessment").

/** What a record selects of a person it names. */
export const personFields = { id: true, name: true, role: true, organisationId: true } as const;

/**
 * The people of a placement: its student, its practice educators past and
 * present, its on-site supervisor and its tutor. Whoever may see the
 * placement sees their names on it.
 */
export async function placementPeople(tx: Tx, placementId: string): Promise<ReadonlySet<string>> {
  const placement = await tx.placement.findUnique({
    where: { id: placementId },
    select: {
      studentId: true,
      onsiteSupervisorId: true,
      tutorId: true,
      practiceEducators: { select: { practiceEducatorId: true } },
    },
  });
  if (!placement) return new Set();
  return new Set(
    [
      placement.studentId,
      placement.onsiteSupervisorId,
      placement.tutorId,
      ...placement.practiceEducators.map((spell) => spell.practiceEducatorId),
    ].filter((id): id is string => Boolean(id)),
  );
}

export type Namer = ReturnType<typeof namesFor>;

/** The ratifier is of the placement's team but not one of its people: the university's readers see this instead. */
export const UNNAMED_RATIFIER = "A PEPS stage 2 practice educator of the team";

/**
 * Names for one reader of one placement's records. `worksWith` is the
 * placement's people when the reader sees the placement (empty for a stage 2
 * ratifier who is not on it); the placement's student is known to its team.
 */
export function namesFor(
  viewer: NameViewer,
  worksWith: ReadonlySet<string>,
  placement: { studentId: string; teamId: string },
) {
  const named = (person: Omit<NamedPerson, "placedWith">): NamedPerson =>
    person.id === placement.studentId ? { ...person, placedWith: [placement.teamId] } : person;
  return {
    /** The person's name, or their role when the reader may not see it. */
    name: (person: Omit<NamedPerson, "placedWith">) => personNameFor(viewer, named(person), worksWith),
    /** The same for a person who may be absent (no one has signed yet). */
    nameOrNull: (person: Omit<NamedPerson, "placedWith"> | null | undefined) =>
      person ? personNameFor(viewer, named(person), worksWith) : null,
    /** The name, or the words given when the reader may not see it. */
    nameOr: (person: Omit<NamedPerson, "placedWith">, otherwise: string) =>
      nameVisibleTo(viewer, named(person), worksWith) ? person.name : otherwise,
    /** A person's id goes with their name: a reader who may not see the name does not get the id either. */
    idOf: (person: Omit<NamedPerson, "placedWith">) =>
      nameVisibleTo(viewer, named(person), worksWith) ? person.id : null,
  };
}
