import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { dashboardCoversOneUniversity } from "@/lib/access/navigation";
import { todayInUk, type IsoDate } from "@/lib/dates";
import { progressDetailsFor, type PlacementProgress } from "@/lib/progress/placement-progress";
import { compareByRisk, type RagStatus } from "@/lib/progress/placement-rag";
import { STATUS_ALL, STATUS_RUNNING, type DashboardFilters } from "@/lib/progress/dashboard-filters";
import {
  placementRowSelect,
  toPlacementRow,
  type PlacementRow,
  type PlacementRowData,
} from "@/lib/placements/placement-summary";

// The placement table behind the tutors', the team manager's and on-site
// supervisors' home page, the CSV export, the cohort report and the coverage
// matrix: the placements the filters select, each with its progress. The
// practice educator's and the student's homes are in student-cards.ts, the
// team manager's overview in team-overview.ts, the report and the matrix in
// cohort-report.ts. Every function takes the user first and scopes with
// placementsVisibleTo; each runs a fixed number of queries whatever the number
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
 * and the cohort report).
 */
export async function loadDashboardRows(
  user: SessionUser,
  filters: Partial<DashboardFilters>,
  today: IsoDate = todayInUk(),
) {
  assertVerifiedUser(user);
  const selected = await getDb().placement.findMany({
    where: dashboardWhere(user, filters),
    orderBy: [{ student: { name: "asc" } }, { id: "asc" }],
    take: SUMMARY_CAP + 1,
    select: placementRowSelect,
  });
  const capped = selected.length > SUMMARY_CAP;
  const rows = capped ? selected.slice(0, SUMMARY_CAP) : selected;
  const details = await progressDetailsFor(
    user,
    rows.map((row) => row.id),
    today,
  );
  const all = rows.flatMap((row) => {
    const detail = details.get(row.id);
    return detail ? [{ row: dashboardRow(row, detail.progress), detail }] : [];
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

export async function loadPlacementDashboard(
  user: SessionUser,
  filters: DashboardFilters,
  today: IsoDate = todayInUk(),
): Promise<PlacementDashboard> {
  const [{ all, matching, capped }, options] = await Promise.all([
    loadDashboardRows(user, filters, today),
    filterOptions(user),
  ]);
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pages);
  const ragCounts: Record<RagStatus, number> = { RED: 0, AMBER: 0, GREEN: 0 };
  for (const entry of all) ragCounts[entry.row.progress.rag.status]++;
  return {
    rows: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((entry) => entry.row),
    total: matching.length,
    page,
    pages,
    summarised: all.length,
    capped,
    ragCounts,
    daysBuckets: daysBuckets(all.map((entry) => entry.row.progress.days.percentComplete)),
    options,
  };
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
  const db = getDb();
  const visible = placementsVisibleTo(user);
  const oneUniversity = dashboardCoversOneUniversity(user);
  // A tutor's degree programmes are their university's; everyone else's come from the placements they see.
  const programmeWhere: Prisma.DegreeProgrammeWhereInput = oneUniversity
    ? { universityId: user.organisationId }
    : { students: { some: { user: { placementsAsStudent: { some: visible } } } } };
  const [programmes, teams, universities] = await Promise.all([
    db.degreeProgramme.findMany({
      where: programmeWhere,
      orderBy: [{ university: { name: "asc" } }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        university: { select: { name: true } },
        cohorts: { orderBy: { name: "asc" }, select: { id: true, name: true } },
      },
    }),
    db.organisation.findMany({
      where: { kind: "TEAM", placements: { some: visible } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    oneUniversity
      ? Promise.resolve([])
      : db.organisation.findMany({
          where: { kind: "UNIVERSITY", students: { some: { user: { placementsAsStudent: { some: visible } } } } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        }),
  ]);
  return {
    programmes: programmes.map((programme) => ({
      id: programme.id,
      name: programme.name,
      universityName: programme.university.name,
      cohorts: programme.cohorts,
    })),
    teams,
    universities,
  };
}
