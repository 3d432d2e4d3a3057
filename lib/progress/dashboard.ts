import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { allocationsVisibleTo } from "@/lib/access/children";
import { forbidden } from "@/lib/errors";
import { todayInUk, toIsoDate, fromIsoDate, type IsoDate } from "@/lib/dates";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { NEAR_DUE_WORKING_DAYS } from "@/lib/children/assessment-due";
import { allocationRag, type Rag } from "@/lib/children/allocation-rag";
import {
  progressDetailsFor,
  type PlacementProgress,
  type PlacementProgressDetail,
} from "@/lib/progress/placement-progress";
import { RAG_ORDER, type RagStatus } from "@/lib/progress/placement-rag";
import { STATUS_ALL, STATUS_RUNNING, type DashboardFilters } from "@/lib/progress/dashboard-filters";

// The data behind the home pages (issue 6), the CSV export, the cohort report
// and the coverage matrix. Every function takes the user first and scopes with
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

export type DashboardRow = {
  id: string;
  studentName: string;
  universityName: string | null;
  programmeName: string | null;
  cohortName: string | null;
  councilName: string;
  setting: string;
  level: "FIRST" | "FINAL";
  status: "PLANNED" | "ACTIVE" | "SUSPENDED" | "COMPLETED" | "ENDED_EARLY";
  startDate: IsoDate;
  endDate: IsoDate;
  practiceEducatorName: string | null;
  progress: PlacementProgress;
};

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
  councils: Array<{ id: string; name: string }>;
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
  if (filters.council) and.push({ teamId: filters.council });
  return { AND: and };
}

const rowSelect = {
  id: true,
  setting: true,
  level: true,
  status: true,
  startDate: true,
  endDate: true,
  team: { select: { name: true } },
  student: {
    select: {
      name: true,
      studentProfile: {
        select: {
          university: { select: { name: true } },
          programme: { select: { name: true } },
          cohort: { select: { name: true } },
        },
      },
    },
  },
  practiceEducators: { where: { endDate: null }, take: 1, select: { practiceEducator: { select: { name: true } } } },
} satisfies Prisma.PlacementSelect;

type SelectedRow = Prisma.PlacementGetPayload<{ select: typeof rowSelect }>;

function toRow(row: SelectedRow, progress: PlacementProgress): DashboardRow {
  const profile = row.student.studentProfile;
  return {
    id: row.id,
    studentName: row.student.name,
    universityName: profile?.university.name ?? null,
    programmeName: profile?.programme.name ?? null,
    cohortName: profile?.cohort?.name ?? null,
    councilName: row.team.name,
    setting: row.setting,
    level: row.level,
    status: row.status,
    startDate: toIsoDate(row.startDate),
    endDate: toIsoDate(row.endDate),
    practiceEducatorName: row.practiceEducators[0]?.practiceEducator.name ?? null,
    progress,
  };
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
    select: rowSelect,
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
    return detail ? [{ row: toRow(row, detail.progress), detail }] : [];
  });
  all.sort((a, b) => RAG_ORDER[a.row.progress.rag.status] - RAG_ORDER[b.row.progress.rag.status]);
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

/** What the filter lists offer: only programmes, councils and universities the user's placements involve. */
export async function filterOptions(user: SessionUser): Promise<FilterOptions> {
  assertVerifiedUser(user);
  const db = getDb();
  const visible = placementsVisibleTo(user);
  // A tutor's programmes are their university's; everyone else's come from the placements they see.
  const programmeWhere: Prisma.DegreeProgrammeWhereInput =
    user.role === "UNIVERSITY_TUTOR"
      ? { universityId: user.organisationId }
      : { students: { some: { user: { placementsAsStudent: { some: visible } } } } };
  const [programmes, councils, universities] = await Promise.all([
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
    user.role === "UNIVERSITY_TUTOR"
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
    councils,
    universities,
  };
}

// ---------------------------------------------------------------------------
// The practice educator's home: their students, each with progress and a
// caseload summary (children by code only).

export type CaseloadItem = {
  allocationId: string;
  childCode: string;
  kind: "DIRECT_WORK" | "ASSESSMENT" | "LIFE_STORY";
  rag: Rag;
};

export type StudentCard = DashboardRow & { detail: PlacementProgressDetail; caseload: CaseloadItem[] };

const LIVE: Prisma.PlacementWhereInput = { status: { in: ["PLANNED", "ACTIVE", "SUSPENDED"] } };

export async function loadPracticeEducatorDashboard(
  user: SessionUser,
  today: IsoDate = todayInUk(),
): Promise<StudentCard[]> {
  assertVerifiedUser(user);
  if (user.role !== "PRACTICE_EDUCATOR") throw forbidden();
  const db = getDb();
  const rows = await db.placement.findMany({
    where: {
      AND: [
        placementsVisibleTo(user),
        LIVE,
        { practiceEducators: { some: { practiceEducatorId: user.id, endDate: null } } },
      ],
    },
    orderBy: [{ student: { name: "asc" } }],
    take: 100,
    select: rowSelect,
  });
  const ids = rows.map((row) => row.id);
  const [details, caseload] = await Promise.all([
    progressDetailsFor(user, ids, today),
    caseloadByCode(user, ids, today),
  ]);
  return rows.flatMap((row) => {
    const detail = details.get(row.id);
    return detail ? [{ ...toRow(row, detail.progress), detail, caseload: caseload.get(row.id) ?? [] }] : [];
  });
}

/**
 * Active allocations of the given placements with their RAG (lib/children/allocation-rag.ts),
 * by the child's pseudonymous code only: no identity is read, so nothing to audit.
 */
async function caseloadByCode(
  user: SessionUser,
  placementIds: string[],
  today: IsoDate,
): Promise<Map<string, CaseloadItem[]>> {
  const result = new Map<string, CaseloadItem[]>();
  if (placementIds.length === 0) return result;
  const allocations = await getDb().allocation.findMany({
    where: { AND: [allocationsVisibleTo(user), { placementId: { in: placementIds }, status: "ACTIVE" }] },
    orderBy: [{ startDate: "asc" }],
    select: {
      id: true,
      placementId: true,
      kind: true,
      peSignedOffAt: true,
      child: { select: { code: true } },
      programme: { select: { plannedSessions: true, sessions: { select: { status: true, plannedOn: true } } } },
      assessment: { select: { dueDate: true, status: true } },
    },
  });
  for (const allocation of allocations) {
    const item: CaseloadItem = {
      allocationId: allocation.id,
      childCode: allocation.child.code,
      kind: allocation.kind,
      rag: allocationRag({
        kind: allocation.kind,
        peSignedOff: Boolean(allocation.peSignedOffAt),
        programme: allocation.programme
          ? {
              planned: allocation.programme.plannedSessions,
              sessions: allocation.programme.sessions.map((session) => ({
                status: session.status,
                plannedOn: toIsoDate(session.plannedOn),
              })),
            }
          : null,
        assessment: allocation.assessment
          ? { dueDate: toIsoDate(allocation.assessment.dueDate), status: allocation.assessment.status }
          : null,
        today,
      }),
    };
    result.set(allocation.placementId, [...(result.get(allocation.placementId) ?? []), item]);
  }
  return result;
}

// ---------------------------------------------------------------------------
// The team manager's overview: PEs' load and the children's work in numbers.

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
  if (user.role !== "ADMIN") throw forbidden();
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

// ---------------------------------------------------------------------------
// The student's home: their current placement (or the latest) in detail.

export async function loadStudentProgress(
  user: SessionUser,
  today: IsoDate = todayInUk(),
): Promise<StudentCard | null> {
  assertVerifiedUser(user);
  const rows = await getDb().placement.findMany({
    where: placementsVisibleTo(user),
    orderBy: [{ startDate: "desc" }],
    take: 10,
    select: rowSelect,
  });
  const current = rows.find((row) => row.status !== "COMPLETED" && row.status !== "ENDED_EARLY") ?? rows[0];
  if (!current) return null;
  const detail = (await progressDetailsFor(user, [current.id], today)).get(current.id);
  return detail ? { ...toRow(current, detail.progress), detail, caseload: [] } : null;
}

/** One placement's progress in detail: the placement page. Not visible → null. */
export async function loadPlacementProgress(
  user: SessionUser,
  placementId: string,
  today: IsoDate = todayInUk(),
): Promise<PlacementProgressDetail | null> {
  return (await progressDetailsFor(user, [placementId], today)).get(placementId) ?? null;
}

// ---------------------------------------------------------------------------
// The cohort report and the coverage matrix: every matching row, with the
// filters named in words for the report's heading.

export async function loadCohortReport(user: SessionUser, filters: DashboardFilters, today: IsoDate = todayInUk()) {
  assertVerifiedUser(user);
  if (user.role !== "UNIVERSITY_TUTOR" && user.role !== "ADMIN") throw forbidden();
  const [{ all, matching, capped }, options, organisation] = await Promise.all([
    loadDashboardRows(user, filters, today),
    filterOptions(user),
    getDb().organisation.findUnique({
      where: {
        id: user.role === "UNIVERSITY_TUTOR" ? user.organisationId : (filters.university ?? user.organisationId),
      },
      select: { name: true, kind: true },
    }),
  ]);
  const ragCounts: Record<RagStatus, number> = { RED: 0, AMBER: 0, GREEN: 0 };
  for (const entry of matching) ragCounts[entry.row.progress.rag.status]++;
  const programme = options.programmes.find((option) => option.id === filters.programme);
  const cohort = options.programmes.flatMap((option) => option.cohorts).find((option) => option.id === filters.cohort);
  const council = options.councils.find((option) => option.id === filters.council);
  return {
    universityName: organisation?.kind === "UNIVERSITY" ? organisation.name : null,
    entries: matching,
    summarised: all.length,
    capped,
    ragCounts,
    daysBuckets: daysBuckets(matching.map((entry) => entry.row.progress.days.percentComplete)),
    filterWords: [programme?.name, cohort ? `cohort ${cohort.name}` : null, council?.name].filter(
      (word): word is string => Boolean(word),
    ),
  };
}

export async function loadCoverageMatrix(user: SessionUser, filters: DashboardFilters, today: IsoDate = todayInUk()) {
  const [{ matching, capped }, options] = await Promise.all([
    loadDashboardRows(user, filters, today),
    filterOptions(user),
  ]);
  // Students alphabetically: a matrix is read by name, not by RAG.
  const entries = [...matching].sort((a, b) => a.row.studentName.localeCompare(b.row.studentName));
  const pages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pages);
  const domains = entries[0]?.detail.coverageRows.map(({ id, number, name }) => ({ id, number, name })) ?? [];
  const gapsByDomain = domains.map(
    (domain) => entries.filter((entry) => entry.detail.coverageRows.find((row) => row.id === domain.id)?.gap).length,
  );
  return {
    entries: entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: entries.length,
    page,
    pages,
    capped,
    options,
    domains,
    gapsByDomain,
  };
}
