import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canSeeTeamOverview } from "@/lib/access/navigation";
import { forbidden } from "@/lib/errors";
import { UNFINISHED_STATUSES } from "@/lib/placements/status-rules";
import { todayInUk, toIsoDate, fromIsoDate, type IsoDate } from "@/lib/dates";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { NEAR_DUE_WORKING_DAYS } from "@/lib/children/assessment-due";

// The team manager's overview on the home page: practice educators' load and
// the children's work in numbers, for the manager's own team.

const LIVE: Prisma.PlacementWhereInput = { status: { in: [...UNFINISHED_STATUSES] } };

export type TeamOverview = {
  practiceEducators: Array<{ id: string; name: string; pepsStage: "STAGE_1" | "STAGE_2" | null; students: number }>;
  children: {
    activeAllocations: number;
    programmesRunning: number;
    assessmentsInProgress: number;
    assessmentsDueSoon: number;
    assessmentsOverdue: number;
  };
};

export async function loadTeamOverview(user: SessionUser, today: IsoDate = todayInUk()): Promise<TeamOverview> {
  assertVerifiedUser(user);
  if (!canSeeTeamOverview(user)) throw forbidden();
  const db = getDb();
  const team = user.organisationId;
  const todayDate = fromIsoDate(today);
  const dueSoonBy = fromIsoDate(safeAddWorkingDays(today, NEAR_DUE_WORKING_DAYS));
  const inProgress: Prisma.ChildAssessmentWhereInput = {
    status: "IN_PROGRESS",
    allocation: { status: "ACTIVE", child: { teamId: team } },
  };
  const [
    people,
    load,
    activeAllocations,
    programmesRunning,
    assessmentsInProgress,
    assessmentsDueSoon,
    assessmentsOverdue,
  ] = await Promise.all([
    db.user.findMany({
      where: { organisationId: team, role: "PRACTICE_EDUCATOR", active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, pepsStage: true },
    }),
    db.practiceEducatorAssignment.groupBy({
      by: ["practiceEducatorId"],
      where: { endDate: null, placement: { teamId: team, ...LIVE } },
      _count: { _all: true },
    }),
    db.allocation.count({ where: { status: "ACTIVE", child: { teamId: team } } }),
    db.directWorkProgramme.count({
      where: { closedAt: null, allocation: { status: "ACTIVE", child: { teamId: team } } },
    }),
    db.childAssessment.count({ where: inProgress }),
    db.childAssessment.count({ where: { ...inProgress, dueDate: { gte: todayDate, lte: dueSoonBy } } }),
    db.childAssessment.count({ where: { ...inProgress, dueDate: { lt: todayDate } } }),
  ]);
  const students = new Map(load.map((row) => [row.practiceEducatorId, row._count._all]));
  return {
    practiceEducators: people
      .map((person) => ({ ...person, students: students.get(person.id) ?? 0 }))
      .sort((a, b) => b.students - a.students || a.name.localeCompare(b.name)),
    children: { activeAllocations, programmesRunning, assessmentsInProgress, assessmentsDueSoon, assessmentsOverdue },
  };
}

function safeAddWorkingDays(from: IsoDate, days: number): IsoDate {
  try {
    return addWorkingDays(from, days);
  } catch {
    const date = fromIsoDate(from);
    date.setUTCDate(date.getUTCDate() + Math.ceil((days * 7) / 5));
    return toIsoDate(date);
  }
}
