import type { Role } from "@/lib/generated/prisma/client";

// Names of people embedded in other records (attendees, authors,
// signatories) are scoped to the viewer like the records themselves: a viewer
// reads a name only where they could read it elsewhere; anyone else is named
// by their role (docs/domain.md, "Supervision": whose names a reader sees).

/** Who is reading: the signed-in user. */
export type NameViewer = { id: string; role: Role; organisationId: string };

/** A person named in a record. */
export type NamedPerson = {
  id: string;
  name: string;
  role: Role;
  organisationId: string;
  /** The teams hosting the person's placements (students only): the team's staff know who is placed with them. */
  placedWith?: readonly string[];
};

/**
 * Whether `viewer` may read `person`'s name: their own; anyone of their own
 * organisation (a tutor and their university's students, the team's staff);
 * a student placed with the viewer's team; and anyone in `worksWith`, the
 * people of placements the viewer may see (the student, practice educators
 * past and present, the on-site supervisor, the tutor).
 */
export function nameVisibleTo(viewer: NameViewer, person: NamedPerson, worksWith: ReadonlySet<string>): boolean {
  return (
    person.id === viewer.id ||
    person.organisationId === viewer.organisationId ||
    (person.placedWith ?? []).includes(viewer.organisationId) ||
    worksWith.has(person.id)
  );
}

const ROLE_ELSEWHERE: Record<Role, string> = {
  STUDENT: "A student from another university",
  UNIVERSITY_TUTOR: "A tutor from another university",
  PRACTICE_EDUCATOR: "A practice educator from another team",
  ONSITE_SUPERVISOR: "An on-site supervisor from another team",
  ADMIN: "A team manager from another team",
  SCHOOL_CONTACT: "A contact at a partner school",
  EXTERNAL_EXAMINER: "An external examiner",
  SERVICE_USER_REPRESENTATIVE: "A service user or carer representative",
  LEADERSHIP: "A member of the council's leadership",
};

/** The person's name if the viewer may read it, else their role ("A student from another university"). */
export function personNameFor(viewer: NameViewer, person: NamedPerson, worksWith: ReadonlySet<string>): string {
  return nameVisibleTo(viewer, person, worksWith) ? person.name : ROLE_ELSEWHERE[person.role];
}
