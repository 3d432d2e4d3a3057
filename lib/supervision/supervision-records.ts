import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import {
  canReadSupervisionOf,
  isCurrentPracticeEducator,
  isPlacementStudent,
  supervisionRecordsVisibleTo,
} from "@/lib/access/supervision";
import { notFound } from "@/lib/errors";
import { todayInUk, toIsoDate } from "@/lib/dates";
import { stoppedOnFor, supervisionCadence } from "@/lib/supervision/cadence";
import {
  addendumAllowed,
  peNotesEditable,
  studentReflectionEditable,
  type SupervisionStatusName,
} from "@/lib/supervision/sign-off";

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
      onsiteSupervisor: { select: { id: true, name: true } },
      tutor: { select: { id: true, name: true } },
      practiceEducators: {
        orderBy: { startDate: "asc" },
        include: { practiceEducator: { select: { id: true, name: true } } },
      },
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

/** A placement's supervision log: the records the user may read, oldest first, and the cadence. */
export async function getSupervisionLog(user: SessionUser, placementId: string) {
  const db = getDb();
  const placement = await placementForSupervision(db, user, placementId);
  const [records, allSessions, attendance, openActions] = await Promise.all([
    db.supervisionRecord.findMany({
      where: { AND: [supervisionRecordsVisibleTo(user), { placementId }] },
      orderBy: [{ heldOn: "asc" }, { startTime: "asc" }],
      include: {
        actions: { orderBy: { createdAt: "asc" }, include: { completedBy: { select: { name: true } } } },
        addenda: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
        peSignedBy: { select: { name: true } },
        studentSignedBy: { select: { name: true } },
        author: { select: { name: true } },
      },
    }),
    // Cadence counts every session held, drafts included: a draft is still a session that happened.
    db.supervisionRecord.findMany({
      where: { placementId },
      select: { heldOn: true, durationMinutes: true, type: true },
    }),
    db.attendanceDay.findMany({ where: { placementId }, select: { date: true, kind: true }, orderBy: { date: "asc" } }),
    db.supervisionAction.count({ where: { placementId, status: "OPEN" } }),
  ]);

  const cadence = supervisionCadence({
    startDate: toIsoDate(placement.startDate),
    endDate: toIsoDate(placement.endDate),
    today: todayInUk(),
    everyWeeks: placement.supervisionEveryWeeks,
    minMinutes: placement.supervisionMinMinutes,
    sessions: allSessions.map((session) => ({
      heldOn: toIsoDate(session.heldOn),
      durationMinutes: session.durationMinutes,
      type: session.type,
    })),
    absences: attendance
      .filter((day) => day.kind === "SICK" || day.kind === "ABSENT")
      .map((day) => toIsoDate(day.date)),
    active: placement.status === "ACTIVE",
    stoppedOn: stoppedOnFor(
      placement.status,
      attendance.length ? toIsoDate(attendance[attendance.length - 1].date) : null,
      toIsoDate(placement.startDate),
    ),
  });

  return {
    placement: {
      id: placement.id,
      studentName: placement.student.name,
      universityName: placement.student.studentProfile?.university.name ?? null,
      programmeName: placement.student.studentProfile?.programme.name ?? null,
      setting: placement.setting,
      level: placement.level,
      status: placement.status,
      startDate: toIsoDate(placement.startDate),
      endDate: toIsoDate(placement.endDate),
      supervisionEveryWeeks: placement.supervisionEveryWeeks,
      supervisionMinMinutes: placement.supervisionMinMinutes,
      onsiteSupervisorName: placement.onsiteSupervisor?.name ?? null,
      tutorName: placement.tutor?.name ?? null,
      practiceEducators: placement.practiceEducators.map((spell) => ({
        name: spell.practiceEducator.name,
        startDate: toIsoDate(spell.startDate),
        endDate: spell.endDate ? toIsoDate(spell.endDate) : null,
      })),
      currentPracticeEducatorName: placement.currentPracticeEducatorName,
    },
    records: records.map(toRecordDto),
    /** Records the user cannot open yet (drafts, for a tutor). */
    hiddenRecords: allSessions.length - records.length,
    openActions,
    cadence,
    permissions: {
      canRecord: isCurrentPracticeEducator(user, placement.currentPracticeEducatorId) && placement.status === "ACTIVE",
    },
  };
}

export type SupervisionLog = Awaited<ReturnType<typeof getSupervisionLog>>;

type RecordRow = Awaited<ReturnType<typeof loadRecord>>;

async function loadRecord(tx: Tx, user: SessionUser, recordId: string) {
  const record = await tx.supervisionRecord.findFirst({
    where: { AND: [supervisionRecordsVisibleTo(user), { id: recordId }] },
    include: {
      actions: { orderBy: { createdAt: "asc" }, include: { completedBy: { select: { name: true } } } },
      addenda: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
      peSignedBy: { select: { name: true } },
      studentSignedBy: { select: { name: true } },
      author: { select: { name: true } },
    },
  });
  if (!record) throw notFound("That supervision record");
  return record;
}

function toRecordDto(record: RecordRow) {
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
    otherAttendees: record.otherAttendees,
    agenda: record.agenda,
    caseDiscussion: record.caseDiscussion,
    reflectionAndLearning: record.reflectionAndLearning,
    wellbeingAndWorkload: record.wellbeingAndWorkload,
    pcfDomains: record.pcfDomains,
    studentReflection: record.studentReflection,
    status: record.status as SupervisionStatusName,
    authorName: record.author.name,
    peSignedAt: record.peSignedAt?.toISOString() ?? null,
    peSignedByName: record.peSignedBy?.name ?? null,
    studentSignedAt: record.studentSignedAt?.toISOString() ?? null,
    studentSignedByName: record.studentSignedBy?.name ?? null,
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
      completedByName: action.completedBy?.name ?? null,
    })),
    addenda: record.addenda.map((addendum) => ({
      id: addendum.id,
      text: addendum.text,
      authorName: addendum.author.name,
      createdAt: addendum.createdAt.toISOString(),
    })),
  };
}

export type SupervisionRecordDto = ReturnType<typeof toRecordDto>;

/** One record with what the user may do to it, and the open actions carried forward from earlier sessions. */
export async function getSupervisionRecord(user: SessionUser, recordId: string) {
  const db = getDb();
  const record = await loadRecord(db, user, recordId);
  const placement = await placementForSupervision(db, user, record.placementId);
  const carriedForward = await db.supervisionAction.findMany({
    // Only from records this user may read: a tutor must not see actions agreed in drafts.
    where: {
      placementId: record.placementId,
      status: "OPEN",
      recordId: { not: record.id },
      record: { AND: [supervisionRecordsVisibleTo(user), { heldOn: { lte: record.heldOn } }] },
    },
    orderBy: { dueDate: "asc" },
    select: { id: true, description: true, owner: true, dueDate: true, status: true },
  });
  const status = record.status as SupervisionStatusName;
  const isPe = isCurrentPracticeEducator(user, placement.currentPracticeEducatorId);
  const isStudent = isPlacementStudent(user, placement.studentId);
  return {
    record: toRecordDto(record),
    placement: {
      id: placement.id,
      studentName: placement.student.name,
      status: placement.status,
      startDate: toIsoDate(placement.startDate),
      endDate: toIsoDate(placement.endDate),
      onsiteSupervisorName: placement.onsiteSupervisor?.name ?? null,
    },
    carriedForward: carriedForward.map((action) => ({ ...action, dueDate: toIsoDate(action.dueDate) })),
    permissions: {
      canEditNotes: isPe && peNotesEditable(status),
      canSignAsPracticeEducator: isPe && status === "DRAFT",
      canEditReflection: isStudent && studentReflectionEditable(status),
      canSignAsStudent: isStudent && status === "PE_SIGNED",
      canAddAddendum: (isPe || isStudent) && addendumAllowed(status),
      canUpdateActions: isPe || isStudent,
    },
  };
}

export type SupervisionRecordView = Awaited<ReturnType<typeof getSupervisionRecord>>;

/** The agenda of the PE's last record on this placement: the template for a new one. */
export async function getSupervisionTemplate(user: SessionUser, placementId: string) {
  const db = getDb();
  const placement = await placementForSupervision(db, user, placementId);
  const last = await db.supervisionRecord.findFirst({
    where: { placementId: placement.id, authorId: user.id },
    orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
    select: { agenda: true, startTime: true, durationMinutes: true, type: true, attendedOnsiteSupervisor: true },
  });
  const openActions = await db.supervisionAction.findMany({
    where: { placementId: placement.id, status: "OPEN" },
    orderBy: { dueDate: "asc" },
    select: { id: true, description: true, owner: true, dueDate: true },
  });
  return {
    placement: {
      id: placement.id,
      studentName: placement.student.name,
      status: placement.status,
      startDate: toIsoDate(placement.startDate),
      endDate: toIsoDate(placement.endDate),
      minMinutes: placement.supervisionMinMinutes,
      hasOnsiteSupervisor: Boolean(placement.onsiteSupervisor),
    },
    canRecord: isCurrentPracticeEducator(user, placement.currentPracticeEducatorId),
    lastRecord: last,
    openActions: openActions.map((action) => ({ ...action, dueDate: toIsoDate(action.dueDate) })),
  };
}
