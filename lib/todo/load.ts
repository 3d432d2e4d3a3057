import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { safeguardingConcernsHandledBy } from "@/lib/access/children";
import { todayInUk, toIsoDate, type IsoDate } from "@/lib/dates";
import type { MilestoneKindName } from "@/lib/portfolio/milestone-rules";
import { OPEN_PLACEMENT_STATUSES, ukDay } from "@/lib/reminders/rules";
import { buildToDo, toDoFor, type ToDoItem, type ToDoWorld } from "@/lib/todo/to-do";

// Loads the rows the "To do" rules read (lib/todo/to-do.ts): a fixed number
// of queries however many placements, never one per placement. Two callers:
// the reminders job (every open placement, no user) and a user's home page
// (scoped by lib/access, then only the items naming that user are kept).

export type ToDoScope = {
  placements: Prisma.PlacementWhereInput;
  /** Open safeguarding concerns to include; null for none. */
  safeguarding: Prisma.SafeguardingConcernWhereInput | null;
};

export async function loadToDoWorld(tx: Tx, scope: ToDoScope, today: IsoDate): Promise<ToDoWorld> {
  const placements = await tx.placement.findMany({
    where: { AND: [scope.placements, { status: { in: [...OPEN_PLACEMENT_STATUSES] } }] },
    select: {
      id: true,
      teamId: true,
      status: true,
      startDate: true,
      endDate: true,
      requiredDays: true,
      supervisionEveryWeeks: true,
      supervisionMinMinutes: true,
      studentId: true,
      tutorId: true,
      onsiteSupervisorId: true,
      student: { select: { name: true } },
      practiceEducators: {
        where: { endDate: null },
        orderBy: { startDate: "desc" },
        select: { practiceEducatorId: true },
      },
      milestones: { select: { kind: true, heldOn: true } },
    },
  });
  const placementIds = placements.map((placement) => placement.id);
  const teamIds = [...new Set(placements.map((placement) => placement.teamId))];
  const todayDate = new Date(`${today}T00:00:00Z`);

  const [records, days, assessments, evidence, finals, stage2Pes, concerns, sessions] = await Promise.all([
    tx.supervisionRecord.findMany({
      where: { placementId: { in: placementIds } },
      select: {
        id: true,
        placementId: true,
        heldOn: true,
        durationMinutes: true,
        type: true,
        status: true,
        peSignedAt: true,
      },
    }),
    tx.attendanceDay.findMany({
      where: { placementId: { in: placementIds }, OR: [{ kind: { in: ["SICK", "ABSENT"] } }, { date: todayDate }] },
      select: { placementId: true, date: true, kind: true },
    }),
    tx.childAssessment.findMany({
      where: { status: "IN_PROGRESS", allocation: { status: "ACTIVE", placementId: { in: placementIds } } },
      select: {
        id: true,
        startDate: true,
        dueDate: true,
        allocation: { select: { studentId: true, overseeingPeId: true, child: { select: { code: true } } } },
      },
    }),
    tx.evidenceItem.findMany({
      where: { placementId: { in: placementIds }, status: "SUBMITTED" },
      select: { id: true, placementId: true, submittedAt: true, updatedAt: true },
    }),
    tx.finalAssessment.findMany({
      where: { placementId: { in: placementIds }, status: { in: ["PE_SIGNED", "AWAITING_RATIFICATION"] } },
      select: {
        id: true,
        placementId: true,
        practiceEducatorId: true,
        status: true,
        peSignedAt: true,
        updatedAt: true,
        studentSignedAt: true,
        onsiteSignedAt: true,
      },
    }),
    tx.user.findMany({
      where: { role: "PRACTICE_EDUCATOR", pepsStage: "STAGE_2", active: true, organisationId: { in: teamIds } },
      select: { id: true, organisationId: true },
    }),
    scope.safeguarding
      ? tx.safeguardingConcern.findMany({
          where: { AND: [scope.safeguarding, { status: "OPEN" }] },
          select: {
            id: true,
            raisedAt: true,
            child: {
              select: {
                code: true,
                teamId: true,
                allocations: { where: { status: "ACTIVE" }, select: { overseeingPeId: true } },
              },
            },
          },
        })
      : Promise.resolve([]),
    tx.programmeSession.findMany({
      where: {
        status: "PLANNED",
        plannedOn: { lte: todayDate },
        programme: { closedAt: null, allocation: { status: "ACTIVE", placementId: { in: placementIds } } },
      },
      select: {
        id: true,
        programmeId: true,
        number: true,
        plannedOn: true,
        programme: { select: { allocation: { select: { studentId: true, child: { select: { code: true } } } } } },
      },
    }),
  ]);

  // Safeguarding concerns are handled by the team's admins as well as the overseeing PEs.
  const concernTeams = [...new Set(concerns.map((concern) => concern.child.teamId))];
  const admins = concernTeams.length
    ? await tx.user.findMany({
        where: { role: "ADMIN", active: true, organisationId: { in: concernTeams } },
        select: { id: true, organisationId: true },
      })
    : [];

  const absencesOf = new Map<string, IsoDate[]>();
  const loggedToday = new Set<string>();
  for (const day of days) {
    const date = toIsoDate(day.date);
    if (date === today) loggedToday.add(day.placementId);
    if (day.kind === "SICK" || day.kind === "ABSENT")
      absencesOf.set(day.placementId, [...(absencesOf.get(day.placementId) ?? []), date]);
  }

  return {
    today,
    placements: placements.map((placement) => ({
      id: placement.id,
      teamId: placement.teamId,
      status: placement.status,
      startDate: toIsoDate(placement.startDate),
      endDate: toIsoDate(placement.endDate),
      requiredDays: placement.requiredDays,
      supervisionEveryWeeks: placement.supervisionEveryWeeks,
      supervisionMinMinutes: placement.supervisionMinMinutes,
      studentId: placement.studentId,
      studentName: placement.student.name,
      tutorId: placement.tutorId,
      onsiteSupervisorId: placement.onsiteSupervisorId,
      currentPeId: placement.practiceEducators[0]?.practiceEducatorId ?? null,
      held: Object.fromEntries(
        placement.milestones.map((milestone) => [milestone.kind, toIsoDate(milestone.heldOn)]),
      ) as Partial<Record<MilestoneKindName, IsoDate>>,
      absences: absencesOf.get(placement.id) ?? [],
      loggedToday: loggedToday.has(placement.id),
    })),
    supervisionRecords: records.map((record) => ({
      id: record.id,
      placementId: record.placementId,
      heldOn: toIsoDate(record.heldOn),
      durationMinutes: record.durationMinutes,
      type: record.type,
      status: record.status,
      peSignedOn: record.peSignedAt ? ukDay(record.peSignedAt) : null,
    })),
    evidence: evidence.map((item) => ({
      id: item.id,
      placementId: item.placementId,
      submittedOn: ukDay(item.submittedAt ?? item.updatedAt),
    })),
    assessments: assessments.map((assessment) => ({
      id: assessment.id,
      startDate: toIsoDate(assessment.startDate),
      dueDate: toIsoDate(assessment.dueDate),
      childCode: assessment.allocation.child.code,
      studentId: assessment.allocation.studentId,
      overseeingPeId: assessment.allocation.overseeingPeId,
    })),
    finals: finals.map((final) => ({
      id: final.id,
      placementId: final.placementId,
      practiceEducatorId: final.practiceEducatorId,
      status: final.status as "PE_SIGNED" | "AWAITING_RATIFICATION",
      studentSigned: Boolean(final.studentSignedAt),
      onsiteSigned: Boolean(final.onsiteSignedAt),
      peSignedOn: ukDay(final.peSignedAt ?? final.updatedAt),
    })),
    stage2Pes: stage2Pes.map((pe) => ({ id: pe.id, teamId: pe.organisationId })),
    safeguarding: concerns.map((concern) => ({
      id: concern.id,
      raisedOn: ukDay(concern.raisedAt),
      childCode: concern.child.code,
      handlerIds: [
        ...admins.filter((admin) => admin.organisationId === concern.child.teamId).map((admin) => admin.id),
        ...concern.child.allocations.map((allocation) => allocation.overseeingPeId),
      ],
    })),
    plannedSessions: sessions.map((session) => ({
      id: session.id,
      programmeId: session.programmeId,
      number: session.number,
      plannedOn: toIsoDate(session.plannedOn),
      childCode: session.programme.allocation.child.code,
      studentId: session.programme.allocation.studentId,
    })),
  };
}

/**
 * What is waiting for this user today, most urgent first. The rows are read
 * within what lib/access lets the user see (a stage 2 PE also sees the team's
 * final assessments awaiting ratification, as on /ratification); only the
 * items naming the user are returned.
 */
export async function loadMyToDo(user: SessionUser, today: IsoDate = todayInUk()): Promise<ToDoItem[]> {
  assertVerifiedUser(user);
  const placements: Prisma.PlacementWhereInput =
    user.role === "PRACTICE_EDUCATOR"
      ? {
          OR: [
            placementsVisibleTo(user),
            { teamId: user.organisationId, finalAssessment: { status: "AWAITING_RATIFICATION" } },
          ],
        }
      : placementsVisibleTo(user);
  const world = await loadToDoWorld(getDb(), { placements, safeguarding: safeguardingConcernsHandledBy(user) }, today);
  return toDoFor(user.id, buildToDo(world));
}
