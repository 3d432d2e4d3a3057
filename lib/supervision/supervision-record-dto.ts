import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { nameVisibleTo, personNameFor, type NamedPerson } from "@/lib/access/people";
import { toIsoDate } from "@/lib/dates";
import { PCF_DOMAINS, type PcfDomainCode } from "@/lib/frameworks/pcf";

// A supervision record as every reader gets it (page, print view, API): the
// names in it (attendees, author, signatories, who completed an action, who
// wrote an addendum) are scoped to the reader (docs/domain.md, "Supervision").

const PERSON = { select: { id: true, name: true, role: true, organisationId: true } } as const;

export const RECORD_INCLUDE = {
  actions: { orderBy: { createdAt: "asc" }, include: { completedBy: PERSON } },
  addenda: { orderBy: { createdAt: "asc" }, include: { author: PERSON } },
  attendees: {
    orderBy: { user: { name: "asc" } },
    include: {
      user: {
        select: {
          id: true,
          name: true,
          role: true,
          organisationId: true,
          placementsAsStudent: { select: { teamId: true } },
        },
      },
    },
  },
  peSignedBy: PERSON,
  studentSignedBy: PERSON,
  author: PERSON,
} satisfies Prisma.SupervisionRecordInclude;

type RecordRow = Prisma.SupervisionRecordGetPayload<{ include: typeof RECORD_INCLUDE }>;

/** Who is reading, and the people they work with on this placement (whose names they may read). */
export type NameScope = { viewer: SessionUser; worksWith: ReadonlySet<string> };

function nameOf(scope: NameScope, person: NamedPerson): string;
function nameOf(scope: NameScope, person: NamedPerson | null): string | null;
function nameOf(scope: NameScope, person: NamedPerson | null): string | null {
  return person ? personNameFor(scope.viewer, person, scope.worksWith) : null;
}

/** Another student at the session: their id and name, or (id null) only their role when the reader may not see them. */
function attendingStudent(scope: NameScope, row: RecordRow["attendees"][number]) {
  const person = { ...row.user, placedWith: row.user.placementsAsStudent.map((placement) => placement.teamId) };
  return nameVisibleTo(scope.viewer, person, scope.worksWith)
    ? { id: person.id, name: person.name }
    : { id: null, name: personNameFor(scope.viewer, person, scope.worksWith) };
}

function isPcfDomainCode(code: string): code is PcfDomainCode {
  return PCF_DOMAINS.some((domain) => domain.code === code);
}

export function toRecordDto(record: RecordRow, scope: NameScope) {
  return {
    id: record.id,
    placementId: record.placementId,
    heldOn: toIsoDate(record.heldOn),
    startTime: record.startTime,
    durationMinutes: record.durationMinutes,
    type: record.type,
    attendedPracticeEducator: record.attendedPracticeEducator,
    attendedOnsiteSupervisor: record.attendedOnsiteSupervisor,
    attendedStudent: record.attendedStudent,
    otherStudents: record.attendees.map((row) => attendingStudent(scope, row)),
    otherAttendees: record.otherAttendees,
    agenda: record.agenda,
    caseDiscussion: record.caseDiscussion,
    reflectionAndLearning: record.reflectionAndLearning,
    wellbeingAndWorkload: record.wellbeingAndWorkload,
    pcfDomains: record.pcfDomains.filter(isPcfDomainCode),
    studentReflection: record.studentReflection,
    status: record.status,
    authorName: nameOf(scope, record.author),
    peSignedAt: record.peSignedAt?.toISOString() ?? null,
    peSignedByName: nameOf(scope, record.peSignedBy),
    studentSignedAt: record.studentSignedAt?.toISOString() ?? null,
    studentSignedByName: nameOf(scope, record.studentSignedBy),
    studentDisagreement: record.studentDisagreement,
    version: record.version,
    reflectionVersion: record.reflectionVersion,
    updatedAt: record.updatedAt.toISOString(),
    actions: record.actions.map((action) => ({
      id: action.id,
      description: action.description,
      owner: action.owner,
      dueDate: toIsoDate(action.dueDate),
      status: action.status,
      completedAt: action.completedAt?.toISOString() ?? null,
      completedByName: nameOf(scope, action.completedBy),
    })),
    addenda: record.addenda.map((addendum) => ({
      id: addendum.id,
      text: addendum.text,
      authorName: nameOf(scope, addendum.author),
      createdAt: addendum.createdAt.toISOString(),
    })),
  };
}

export type SupervisionRecordDto = ReturnType<typeof toRecordDto>;
