import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { canManagePlacements, canRecordAttendance, placementsVisibleTo } from "@/lib/access/placements";
import { notFound } from "@/lib/errors";
import { todayInUk, toIsoDate } from "@/lib/dates";
import { summariseDays } from "@/lib/placements/placement-days";

export async function getPlacement(user: SessionUser, placementId: string) {
  const row = await getDb().placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id: placementId }] },
    include: {
      student: {
        select: {
          id: true,
          name: true,
          email: true,
          studentProfile: { include: { university: true, programme: true, cohort: true } },
        },
      },
      team: { select: { id: true, name: true } },
      onsiteSupervisor: { select: { id: true, name: true } },
      tutor: { select: { id: true, name: true } },
      practiceEducators: {
        orderBy: { startDate: "asc" },
        include: { practiceEducator: { select: { id: true, name: true, pepsStage: true } } },
      },
      attendance: { orderBy: { date: "desc" }, include: { recordedBy: { select: { name: true } } } },
    },
  });
  if (!row) throw notFound("That placement");

  const current = row.practiceEducators.find((spell) => spell.endDate === null) ?? null;
  const attendance = row.attendance.map((day) => ({
    id: day.id,
    date: toIsoDate(day.date),
    kind: day.kind,
    note: day.note,
    recordedByName: day.recordedBy.name,
  }));
  const profile = row.student.studentProfile;

  return {
    id: row.id,
    student: { id: row.student.id, name: row.student.name, email: row.student.email },
    university: profile ? { id: profile.university.id, name: profile.university.name } : null,
    programmeName: profile?.programme.name ?? null,
    cohortName: profile?.cohort?.name ?? null,
    yearOfStudy: profile?.yearOfStudy ?? null,
    teamName: row.team.name,
    setting: row.setting,
    level: row.level,
    startDate: toIsoDate(row.startDate),
    endDate: toIsoDate(row.endDate),
    requiredDays: row.requiredDays,
    observationsRequired: row.observationsRequired,
    status: row.status,
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
      requiredDays: row.requiredDays,
      startDate: toIsoDate(row.startDate),
      endDate: toIsoDate(row.endDate),
      attendance,
      today: todayInUk(),
    }),
    permissions: {
      canManage: canManagePlacements(user),
      canRecordAttendance: canRecordAttendance(user, {
        studentId: row.studentId,
        onsiteSupervisorId: row.onsiteSupervisorId,
        currentPracticeEducatorId: current?.practiceEducatorId ?? null,
      }),
    },
  };
}

export type PlacementDetail = Awaited<ReturnType<typeof getPlacement>>;
