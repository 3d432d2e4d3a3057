import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { AppError, notFound } from "@/lib/errors";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import { milestoneDueDate, type MilestoneKindName } from "@/lib/portfolio/milestone-rules";

export const fieldProblem = (field: string, message: string) =>
  new AppError("validation", "Check the highlighted fields.", { [field]: [message] });

/**
 * A placement as the observations, reviews and concerns see it, or 404 when
 * the user cannot see it. The current PE is the open assignment spell.
 */
export async function placementForReviews(tx: Tx, user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  const placement = await tx.placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id: String(placementId) }] },
    include: {
      student: { select: { id: true, name: true } },
      onsiteSupervisor: { select: { id: true, name: true } },
      tutor: { select: { id: true, name: true } },
      practiceEducators: {
        where: { endDate: null },
        include: { practiceEducator: { select: { id: true, name: true } } },
      },
    },
  });
  if (!placement) throw notFound("That placement");
  const current = placement.practiceEducators[0] ?? null;
  return {
    ...placement,
    currentPracticeEducatorId: current?.practiceEducatorId ?? null,
    currentPracticeEducatorName: current?.practiceEducator.name ?? null,
  };
}

export type ReviewPlacement = Awaited<ReturnType<typeof placementForReviews>>;

/** The short description of a placement every portfolio page shows. */
export function placementSummary(placement: ReviewPlacement) {
  return {
    id: placement.id,
    studentName: placement.student.name,
    setting: placement.setting,
    level: placement.level,
    status: placement.status,
    startDate: toIsoDate(placement.startDate),
    endDate: toIsoDate(placement.endDate),
    requiredDays: placement.requiredDays,
    observationsRequired: placement.observationsRequired,
    practiceEducatorName: placement.currentPracticeEducatorName,
    onsiteSupervisorName: placement.onsiteSupervisor?.name ?? null,
    tutorName: placement.tutor?.name ?? null,
  };
}

/** Placement days, absences (which push the midpoint and final review out) and the milestones held. */
export async function milestoneFacts(tx: Tx, placement: { id: string; startDate: Date; requiredDays: number }) {
  const [attendance, held] = await Promise.all([
    tx.attendanceDay.findMany({ where: { placementId: placement.id }, select: { date: true, kind: true } }),
    tx.placementMilestone.findMany({ where: { placementId: placement.id }, select: { kind: true, heldOn: true } }),
  ]);
  const absenceDays = attendance.filter((day) => day.kind === "SICK" || day.kind === "ABSENT").length;
  const heldOn: Partial<Record<MilestoneKindName, IsoDate>> = Object.fromEntries(
    held.map((row) => [row.kind, toIsoDate(row.heldOn)]),
  );
  const startDate = toIsoDate(placement.startDate);
  return {
    attendance: attendance.map((day) => ({ date: toIsoDate(day.date), kind: day.kind })),
    absenceDays,
    heldOn,
    midpointDueDate: milestoneDueDate("MIDPOINT_REVIEW", {
      startDate,
      requiredDays: placement.requiredDays,
      absenceDays,
    }),
  };
}

/** The team's active admins: told when a cause for concern is raised. */
export async function teamAdminIds(tx: Tx, teamId: string) {
  const admins = await tx.user.findMany({
    where: { organisationId: teamId, role: "ADMIN", active: true },
    select: { id: true },
  });
  return admins.map((admin) => admin.id);
}
