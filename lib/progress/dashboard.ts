import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { canSeeChildWorkCounts, dashboardCoversOneUniversity } from "@/lib/access/navigation";
import { todayInUk, type IsoDate } from "@/lib/dates";
import { recomputeStale, type PlacementProgress } from "@/lib/progress/placement-progress";
import { progressWithoutChildWork, withoutChildWork } from "@/lib/progress/progress-store";
import {
  dashboardPage,
  dashboardWhereSql,
  filterOptionsSql,
  ragAndDaysCounts,
  rowsWithDetail,
  staleIds,
} from "@/lib/progress/hot-reads";
import { compareByRisk, type RagStatus } from "@/lib/progress/placement-rag";
import { STATUS_ALL, STATUS_RUNNING, type DashboardFilters } from "@/lib/progress/dashboard-filters";
import { toPlacementRow, type PlacementRow, type PlacementRowData } from "@/lib/placements/placement-summary";

// The placement table behind the tutors', the team manager's and on-site
// supervisors' home page, the CSV export, the cohort report and the coverage
// matrix: the placements the filters select, each with its progress. The
// practice educator's and the student's homes are in student-cards.ts, the
// team manager's overview in team-overview.ts, the report and the matrix in
// cohort-report.ts. Every function takes the user first and scopes with
// placementsVisibleTo (in SQL: placementsVisibleSql); each runs a fixed number of queries whatever the number
// of placements (tests/db/query-count.test.ts counts them).

/** Rows on one page of a dashboard table. */
export const PAGE_SIZE = 50;
/**
 * At most this many placements are summarised per request (the RAG filter and
 * the charts need every matching placement's progress). The default filter
 * (running placements of one university) stays far below it; past it the
 * page says so and asks for narrower filters.
 */
export const SUMMARY_CAP = 2000;

export type DashboardRow = PlacementRow & { progress: PlacementProgress };

export type DaysBucket = { label: string; from: number; to: number; count: number };

export type PlacementDashboard = {
  rows: DashboardRow[];
  /** Matching placements, after the RAG filter. */
  total: number;
  page: number;
  pages: number;
  /** Matching placements before the RAG filter: what the charts count. */
  summarised: number;
  capped: boolean;
  ragCounts: Record<RagStatus, number>;
  daysBuckets: DaysBucket[];
  options: FilterOptions;
};

export type FilterOptions = {
  programmes: Array<{ id: string; name: string; universityName: string; cohorts: Array<{ id: string; name: string }> }>;
  teams: Array<{ id: string; name: string }>;
  universities: Array<{ id: string; name: string }>;
};

/** The placements the filters select, as a Prisma filter (the RAG filter applies after progress is known). */
export function dashboardWhere(user: SessionUser, filters: Partial<DashboardFilters>): Prisma.PlacementWhereInput {
  const and: Prisma.PlacementWhereInput[] = [placementsVisibleTo(user)];
  const status = filters.status ?? STATUS_RUNNING;
  if (status === STATUS_RUNNING) and.push({ status: { in: ["ACTIVE", "SUSPENDED"] } });
  else if (status !== STATUS_ALL) and.push({ status });
  if (filters.programme) and.push({ student: { studentProfile: { programmeId: filters.programme } } });
  if (filters.cohort) and.push({ student: { studentProfile: { cohortId: filters.cohort } } });
  if (filters.university) and.push({ student: { studentProfile: { universityId: filters.university } } });
  if (filters.team) and.push({ teamId: filters.team });
  return { AND: and };
}

/** A placement row with its progress: the dashboards' tables. */
export function dashboardRow(row: PlacementRowData, progress: PlacementProgress): DashboardRow {
  return { ...toPlacementRow(row), progress };
}

/**
 * The rows the filters select with their progress, red first, then amber,
 * then green, by student name within each. Without a page: every row (the CSV
 * and the cohort report). From the read model in one statement (lib/progress/hot-reads.ts).
 */
export async function loadDashboardRows(
  user: SessionUser,
  filters: Partial<DashboardFilters>,
  today: IsoDate = todayInUk(),
) {
  assertVerifiedUser(user);
  const db = getDb();
  const where = dashboardWhereSql(user, filters);
  await bringUpToDate(where, today);
  const selected = await rowsWithDetail(db, where, SUMMARY_CAP + 1);
  const capped = selected.length > SUMMARY_CAP;
  const teamSide = canSeeChildWorkCounts(user);
  const all = (capped ? selected.slice(0, SUMMARY_CAP) : selected).map(({ row, detail }) => {
    const shown = teamSide ? detail : withoutChildWork(detail);
    return { row: { ...row, progress: shown.progress }, detail: shown };
  });
  // Red, amber, green; within a colour the most overdue first (lib/progress/placement-rag.ts).
  const risk = (entry: (typeof all)[number]) => ({
    ...entry.row.progress,
    startDate: entry.row.startDate,
    endDate: entry.row.endDate,
    today,
  });
  all.sort((a, b) => compareByRisk(risk(a), risk(b)));
  const matching = filters.rag ? all.filter((entry) => entry.row.progress.rag.status === filters.rag) : all;
  return { all, matching, capped };
}

/**
 * One page of the dashboard, read from the progress read model
 * (lib/progress/read-model.ts) in plain SQL (lib/progress/hot-reads.ts): the
 * RAG and the days buckets are grouped counts, the RAG filter is a WHERE
 * clause, and only the page's rows are read, in one statement. A fixed few
 * queries whatever the number of placements.
 */
export async function loadPlacementDashboard(
  user: SessionUser,
  filters: DashboardFilters,
  today: IsoDate = todayInUk(),
): Promise<PlacementDashboard> {
  assertVerifiedUser(user);
  const db = getDb();
  const where = dashboardWhereSql(user, filters);
  const [, options] = await Promise.all([bringUpToDate(where, today), filterOptions(user)]);
  const groups = await ragAndDaysCounts(db, where);
  const ragCounts: Record<RagStatus, number> = { RED: 0, AMBER: 0, GREEN: 0 };
  const percentages: number[] = [];
  for (const group of groups) {
    ragCounts[group.ragStatus] += group.count;
    for (let i = 0; i < group.count; i++) percentages.push(group.percentComplete);
  }
  const summarised = ragCounts.RED + ragCounts.AMBER + ragCounts.GREEN;
  const total = filters.rag ? ragCounts[filters.rag] : summarised;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pages);
  const rows = await dashboardPage(db, where, filters.rag, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const teamSide = canSeeChildWorkCounts(user);
  return {
    rows: rows.map(({ row, progress }) => ({
      ...row,
      progress: teamSide ? progress : progressWithoutChildWork(progress),
    })),
    total,
    page,
    pages,
    summarised,
    capped: false,
    ragCounts,
    daysBuckets: daysBuckets(percentages),
    options,
  };
}

/**
 * Recomputes the selected placements whose stored progress is missing or of
 * an earlier day (the daily job normally leaves none, so this is one cheap
 * statement), at most SUMMARY_CAP a request so that a missed daily job never
 * makes one request recompute the whole country; the rest are recomputed by
 * later requests or the job.
 */
const STALE_BATCH = 500;

export async function bringUpToDate(where: Prisma.Sql, today: IsoDate): Promise<void> {
  const db = getDb();
  const stale = await staleIds(db, where, today, SUMMARY_CAP);
  for (let start = 0; start < stale.length; start += STALE_BATCH)
    await recomputeStale(db, stale.slice(start, start + STALE_BATCH), today);
}

/** Placements by the share of required days done: 0–24%, 25–49%, 50–74%, 75–99%, 100%. */
export function daysBuckets(percentages: readonly number[]): DaysBucket[] {
  const buckets: DaysBucket[] = [
    { label: "0–24%", from: 0, to: 24, count: 0 },
    { label: "25–49%", from: 25, to: 49, count: 0 },
    { label: "50–74%", from: 50, to: 74, count: 0 },
    { label: "75–99%", from: 75, to: 99, count: 0 },
    { label: "100%", from: 100, to: 100, count: 0 },
  ];
  for (const percent of percentages) buckets.find((bucket) => percent >= bucket.from && percent <= bucket.to)!.count++;
  return buckets;
}

/** What the filter lists offer: only degree programmes, teams and universities the user's placements involve. */
export async function filterOptions(user: SessionUser): Promise<FilterOptions> {
  assertVerifiedUser(user);
  // A tutor's degree programmes are their university's; everyone else's come from the placements they see.
  return filterOptionsSql(getDb(), user, dashboardCoversOneUniversity(user) ? user.organisationId : null);
}
