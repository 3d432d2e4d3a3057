import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { canManagePlacements, canRecordAttendance, placementsVisibleTo } from "@/lib/access/placements";
import { notFound } from "@/lib/errors";
import { todayInUk, toIsoDate } from "@/lib/dates";
import { summariseDays } from "@/lib/placements/placement-days";
import { placementHeaderSelect, toPlacementHeader } from "@/lib/placements/placement-summary";

/** A placement's own page (and GET /api/v1/placements/:id): its header, every PE spell, attendance, days and what the user may do. */
export async function getPlacement(user: SessionUser, placementId: string) {
  const row = await getDb().placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id: placementId }] },
    select: {
      ...placementHeaderSelect,
      statusReason: true,
      version: true,
      updatedAt: true,
      onsiteSupervisorId: true,
      team: { select: { name: true } },
      student: {
        select: {
          ...placementHeaderSelect.student.select,
          email: true,
          studentProfile: {
            select: { ...placementHeaderSelect.student.select.studentProfile.select, yearOfStudy: true },
          },
        },
      },
      // Every spell, not only the current one: who was PE when is part of the record.
      practiceEducators: {
        orderBy: { startDate: "asc" },
        select: {
          id: true,
          practiceEducatorId: true,
          startDate: true,
          endDate: true,
          reason: true,
          practiceEducator: { select: { id: true, name: true, pepsStage: true } },
        },
      },
      attendance: {
        orderBy: { date: "desc" },
        select: { id: true, date: true, kind: true, note: true, recordedBy: { select: { name: true } } },
      },
    },
  });
  if (!row) throw notFound("That placement");

  const header = toPlacementHeader(row);
  const current = row.practiceEducators.find((spell) => spell.endDate === null) ?? null;
  const attendance = row.attendance.map((day) => ({
    id: day.id,
    date: toIsoDate(day.date),
    kind: day.kind,
    note: day.note,
    recordedByName: day.recordedBy.name,
  }));

  return {
    id: header.id,
    student: { id: row.student.id, name: header.studentName, email: row.student.email },
    university:
      header.universityId && header.universityName ? { id: header.universityId, name: header.universityName } : null,
    programmeName: header.programmeName,
    cohortName: header.cohortName,
    yearOfStudy: row.student.studentProfile?.yearOfStudy ?? null,
    teamName: row.team.name,
    setting: header.setting,
    level: header.level,
    startDate: header.startDate,
    endDate: header.endDate,
    requiredDays: header.requiredDays,
    observationsRequired: header.observationsRequired,
    status: header.status,
    statusReason: row.statusReason,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    onsiteSupervisor: row.onsiteSupervisor,
    tutor: row.tutor,
    practiceEducators: row.practiceEducators.map((spell) => ({
      id: spell.id,
      practiceEducatorId: spell.practiceEducator.id,
      name: spell.practiceEducator.name,
      pepsStage: spell.practiceEducator.pepsStage,
      startDate: toIsoDate(spell.startDate),
      endDate: spell.endDate ? toIsoDate(spell.endDate) : null,
      reason: spell.reason,
    })),
    currentPracticeEducator: current
      ? {
          id: current.practiceEducator.id,
          name: current.practiceEducator.name,
          pepsStage: current.practiceEducator.pepsStage,
        }
      : null,
    attendance,
    days: summariseDays({
      requiredDays: header.requiredDays,
      startDate: header.startDate,
      endDate: header.endDate,
      attendance,
      today: todayInUk(),
    }),
    permissions: {
      canManage: canManagePlacements(user),
      canRecordAttendance: canRecordAttendance(user, {
        studentId: header.studentId,
        onsiteSupervisorId: row.onsiteSupervisorId,
        currentPracticeEducatorId: header.currentPracticeEducatorId,
      }),
    },
  };
}
