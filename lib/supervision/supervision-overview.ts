import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { canReadSupervisionOf } from "@/lib/access/supervision";
import { todayInUk, toIsoDate } from "@/lib/dates";
import { stoppedOnFor, supervisionCadence, type CadenceSummary } from "@/lib/supervision/cadence";

export type SupervisionOverview = Pick<CadenceSummary, "overdue" | "lastSessionOn" | "missed" | "sessions" | "totalMinutes">;

/**
 * Supervision cadence for many placements at once (home pages and lists):
 * three queries whatever the number of placements, never one per row.
 * Placements the user may not see are left out.
 */
export async function supervisionOverviewFor(user: SessionUser, placementIds: string[]): Promise<Map<string, SupervisionOverview>> {
  assertVerifiedUser(user);
  const result = new Map<string, SupervisionOverview>();
  if (!canReadSupervisionOf(user) || placementIds.length === 0) return result;
  const db = getDb();
  const [placements, sessions, attendance] = await Promise.all([
    db.placement.findMany({
      where: { AND: [placementsVisibleTo(user), { id: { in: placementIds } }] },
      select: { id: true, startDate: true, endDate: true, status: true, supervisionEveryWeeks: true, supervisionMinMinutes: true },
    }),
    db.supervisionRecord.findMany({ where: { placementId: { in: placementIds } }, select: { placementId: true, heldOn: true, durationMinutes: true, type: true } }),
    db.attendanceDay.findMany({ where: { placementId: { in: placementIds } }, select: { placementId: true, date: true, kind: true } }),
  ]);
  const today = todayInUk();
  for (const placement of placements) {
    const attended = attendance.filter((day) => day.placementId === placement.id).map((day) => toIsoDate(day.date)).sort();
    const summary = supervisionCadence({
      startDate: toIsoDate(placement.startDate),
      endDate: toIsoDate(placement.endDate),
      today,
      everyWeeks: placement.supervisionEveryWeeks,
      minMinutes: placement.supervisionMinMinutes,
      sessions: sessions.filter((session) => session.placementId === placement.id).map((session) => ({ heldOn: toIsoDate(session.heldOn), durationMinutes: session.durationMinutes, type: session.type })),
      absences: attendance.filter((day) => day.placementId === placement.id && (day.kind === "SICK" || day.kind === "ABSENT")).map((day) => toIsoDate(day.date)),
      active: placement.status === "ACTIVE",
      stoppedOn: stoppedOnFor(placement.status, attended.at(-1) ?? null, toIsoDate(placement.startDate)),
    });
    result.set(placement.id, { overdue: summary.overdue, lastSessionOn: summary.lastSessionOn, missed: summary.missed, sessions: summary.sessions, totalMinutes: summary.totalMinutes });
  }
  return result;
}
