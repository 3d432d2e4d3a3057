import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import {
  canSetSupervisionArrangements,
  canWriteSupervisionNotes,
  supervisionRecordsVisibleTo,
} from "@/lib/access/supervision";
import { parseId } from "@/lib/core/command";
import { todayInUk, toIsoDate } from "@/lib/dates";
import { stoppedOnFor, supervisionCadence } from "@/lib/supervision/cadence";
import { placementForSupervision, placementPeople } from "@/lib/supervision/supervision-placement";
import { RECORD_INCLUDE, toRecordDto } from "@/lib/supervision/supervision-record-dto";

/** A placement's supervision log: the records the user may read, oldest first, the cadence, and what the user may do. */
export async function getSupervisionLog(user: SessionUser, placementId: string) {
  const db = getDb();
  const placement = await placementForSupervision(db, user, parseId(placementId, "That placement"));
  const [records, allSessions, attendance, openActions] = await Promise.all([
    db.supervisionRecord.findMany({
      where: { AND: [supervisionRecordsVisibleTo(user), { placementId: placement.id }] },
      orderBy: [{ heldOn: "asc" }, { startTime: "asc" }],
      include: RECORD_INCLUDE,
    }),
    // Cadence counts every session held, drafts included: a draft is still a session that happened.
    db.supervisionRecord.findMany({
      where: { placementId: placement.id },
      select: { heldOn: true, durationMinutes: true, type: true },
    }),
    db.attendanceDay.findMany({
      where: { placementId: placement.id },
      select: { date: true, kind: true },
      orderBy: { date: "asc" },
    }),
    db.supervisionAction.count({ where: { placementId: placement.id, status: "OPEN" } }),
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

  const scope = { viewer: user, worksWith: placementPeople(placement) };
  return {
    placement: {
      id: placement.id,
      version: placement.version,
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
    records: records.map((record) => toRecordDto(record, scope)),
    /** Records the user cannot open yet (drafts, for a tutor). */
    hiddenRecords: allSessions.length - records.length,
    openActions,
    cadence,
    permissions: {
      canRecord: canWriteSupervisionNotes(user, placement) && placement.status === "ACTIVE",
      canChangeArrangements: canSetSupervisionArrangements(user, placement),
    },
  };
}

export type SupervisionLog = Awaited<ReturnType<typeof getSupervisionLog>>;
