import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { canReadSupervisionOf } from "@/lib/access/supervision";
import { todayInUk, toIsoDate, type IsoDate } from "@/lib/dates";
import {
  COUNTED_SUPERVISION_TYPES,
  stoppedOnFor,
  supervisionCadence,
  type CadenceSession,
  type CadenceSummary,
} from "@/lib/supervision/cadence";

export type SupervisionOverview = Pick<
  CadenceSummary,
  "overdue" | "lastSessionOn" | "missed" | "sessions" | "totalMinutes"
>;

type CadencePlacement = {
  id: string;
  startDate: Date;
  endDate: Date;
  status: string;
  supervisionEveryWeeks: number;
  supervisionMinMinutes: number;
};

/**
 * The rows the cadence of many placements needs, in three queries whatever
 * their number: counted sessions, the days lost to sickness or absence (they
 * excuse a week), and the last day attended (where a stopped placement's
 * cadence ends). Shared by this overview and placement progress (lib/progress),
 * so supervision reads the same on every page.
 */
export async function loadCadenceRows(db: Tx, placementIds: string[]) {
  const [sessions, absences, lastAttended] = await Promise.all([
    db.supervisionRecord.findMany({
      where: { placementId: { in: placementIds }, type: { in: [...COUNTED_SUPERVISION_TYPES] } },
      select: { placementId: true, heldOn: true, durationMinutes: true, type: true },
      orderBy: { heldOn: "asc" },
    }),
    db.attendanceDay.findMany({
      where: { placementId: { in: placementIds }, kind: { in: ["SICK", "ABSENT"] } },
      select: { placementId: true, date: true },
    }),
    db.attendanceDay.groupBy({
      by: ["placementId"],
      where: { placementId: { in: placementIds } },
      _max: { date: true },
    }),
  ]);
  const sessionsBy = groupBy(
    sessions,
    (row) => row.placementId,
    (row): CadenceSession => ({ heldOn: toIsoDate(row.heldOn), durationMinutes: row.durationMinutes, type: row.type }),
  );
  const absencesBy = groupBy(
    absences,
    (row) => row.placementId,
    (row) => toIsoDate(row.date),
  );
  const lastAttendedBy = new Map(
    lastAttended.map((row) => [row.placementId, row._max.date ? toIsoDate(row._max.date) : null]),
  );
  return { sessionsBy, absencesBy, lastAttendedBy };
}

/** One placement's cadence from the rows loadCadenceRows fetched. */
export function cadenceFor(
  placement: CadencePlacement,
  rows: Awaited<ReturnType<typeof loadCadenceRows>>,
  today: IsoDate,
): CadenceSummary {
  const startDate = toIsoDate(placement.startDate);
  return supervisionCadence({
    startDate,
    endDate: toIsoDate(placement.endDate),
    today,
    everyWeeks: placement.supervisionEveryWeeks,
    minMinutes: placement.supervisionMinMinutes,
    sessions: rows.sessionsBy.get(placement.id) ?? [],
    absences: rows.absencesBy.get(placement.id) ?? [],
    active: placement.status === "ACTIVE",
    stoppedOn: stoppedOnFor(placement.status, rows.lastAttendedBy.get(placement.id) ?? null, startDate),
  });
}

/**
 * Supervision cadence for many placements at once (home pages and lists):
 * four queries whatever the number of placements, never one per row.
 * Placements the user may not see are left out.
 */
export async function supervisionOverviewFor(
  user: SessionUser,
  placementIds: string[],
): Promise<Map<string, SupervisionOverview>> {
  assertVerifiedUser(user);
  const result = new Map<string, SupervisionOverview>();
  if (!canReadSupervisionOf(user) || placementIds.length === 0) return result;
  const db = getDb();
  const [placements, rows] = await Promise.all([
    db.placement.findMany({
      where: { AND: [placementsVisibleTo(user), { id: { in: placementIds } }] },
      select: {
        id: true,
        startDate: true,
        endDate: true,
        status: true,
        supervisionEveryWeeks: true,
        supervisionMinMinutes: true,
      },
    }),
    loadCadenceRows(db, placementIds),
  ]);
  const today = todayInUk();
  for (const placement of placements) {
    const summary = cadenceFor(placement, rows, today);
    result.set(placement.id, {
      overdue: summary.overdue,
      lastSessionOn: summary.lastSessionOn,
      missed: summary.missed,
      sessions: summary.sessions,
      totalMinutes: summary.totalMinutes,
    });
  }
  return result;
}

/** Rows grouped by a key, each mapped: one pass, instead of a filter per placement. */
export function groupBy<T, V>(rows: readonly T[], key: (row: T) => string, map: (row: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(map(row));
    else groups.set(k, [map(row)]);
  }
  return groups;
}
