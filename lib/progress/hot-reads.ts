import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { placementsVisibleSql } from "@/lib/access/placements-sql";
import type { IsoDate } from "@/lib/dates";
import type { RagStatus } from "@/lib/progress/placement-rag";
import type { PlacementProgress, PlacementProgressDetail } from "@/lib/progress/placement-progress";
import { STATUS_ALL, STATUS_RUNNING, type DashboardFilters } from "@/lib/progress/dashboard-filters";
import type { PlacementRow } from "@/lib/placements/placement-summary";
import type { FilterOptions } from "@/lib/progress/dashboard";

// The hot reads of the progress read model (docs/decisions/0013): the
// dashboards, the PE's home, the placement page's progress, the progress API,
// the CSV export and the coverage matrix. Plain SQL through $queryRaw, one
// statement per thing read: each Prisma query costs 2–4 ms of CPU in its
// JavaScript query compiler, and a relation it loads is one more query, so a
// dashboard page of 50 rows with their student, university, programme, cohort,
// team and practice educator was ten queries; here it is one. Prisma stays for
// the schema, the migrations and every write.
//
// Every statement here is scoped by placementsVisibleSql, the SQL twin of
// placementsVisibleTo (tests/db/placements-visible-sql.test.ts keeps them equal).

/** The dashboards' filters on the placement aliased `p`, visibility included (dashboardWhere's twin). */
export function dashboardWhereSql(user: SessionUser, filters: Partial<DashboardFilters>): Prisma.Sql {
  const and: Prisma.Sql[] = [placementsVisibleSql(user)];
  const status = filters.status ?? STATUS_RUNNING;
  if (status === STATUS_RUNNING) and.push(Prisma.sql`p.status IN ('ACTIVE', 'SUSPENDED')`);
  else if (status !== STATUS_ALL) and.push(Prisma.sql`p.status = ${status}::"PlacementStatus"`);
  const profile = (column: "programmeId" | "cohortId" | "universityId", value: string) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "StudentProfile" f WHERE f."userId" = p."studentId" AND f.${Prisma.raw(`"${column}"`)} = ${value})`;
  if (filters.programme) and.push(profile("programmeId", filters.programme));
  if (filters.cohort) and.push(profile("cohortId", filters.cohort));
  if (filters.university) and.push(profile("universityId", filters.university));
  if (filters.team) and.push(Prisma.sql`p."teamId" = ${filters.team}`);
  return Prisma.join(and, " AND ");
}

/** Placements the condition selects whose stored progress is missing or of another day (at most `cap`). */
export async function staleIds(db: Tx, where: Prisma.Sql, today: IsoDate, cap: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT p.id FROM "Placement" p LEFT JOIN "PlacementProgress" pp ON pp."placementId" = p.id
    WHERE ${where} AND (pp."asOf" IS NULL OR pp."asOf" <> ${today}::date)
    LIMIT ${cap}`;
  return rows.map((row) => row.id);
}

/** Selected placements counted by RAG and by percent of days done: the charts and the totals. */
export function ragAndDaysCounts(db: Tx, where: Prisma.Sql) {
  return db.$queryRaw<Array<{ ragStatus: RagStatus; percentComplete: number; count: number }>>`
    SELECT pp."ragStatus"::text AS "ragStatus", pp."percentComplete" AS "percentComplete", count(*)::int AS count
    FROM "PlacementProgress" pp JOIN "Placement" p ON p.id = pp."placementId"
    WHERE ${where}
    GROUP BY 1, 2`;
}

// What a placement table shows of each placement (placementRowSelect's twin),
// with the stored progress: `p` the placement, `pp` its progress row.
const ROW_COLUMNS = Prisma.sql`
  p.id, p.setting, p.level::text AS level, p.status::text AS status,
  p."startDate"::text AS "startDate", p."endDate"::text AS "endDate", p."requiredDays" AS "requiredDays",
  to_char(p."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
  t.name AS "teamName", s.id AS "studentId", s.name AS "studentName",
  un.name AS "universityName", dp.name AS "programmeName", co.name AS "cohortName",
  (SELECT pe.name FROM "PracticeEducatorAssignment" a JOIN "User" pe ON pe.id = a."practiceEducatorId"
   WHERE a."placementId" = p.id AND a."endDate" IS NULL LIMIT 1) AS "practiceEducatorName",
  pp.progress`;

const ROW_JOINS = Prisma.sql`
  JOIN "Organisation" t ON t.id = p."teamId"
  JOIN "User" s ON s.id = p."studentId"
  LEFT JOIN "StudentProfile" sp ON sp."userId" = s.id
  LEFT JOIN "Organisation" un ON un.id = sp."universityId"
  LEFT JOIN "Programme" dp ON dp.id = sp."programmeId"
  LEFT JOIN "Cohort" co ON co.id = sp."cohortId"`;

type SqlRow = Omit<PlacementRow, "level" | "status"> & {
  level: PlacementRow["level"];
  status: PlacementRow["status"];
  progress: unknown;
};

/** Raw JSON comes back parsed from PostgreSQL; PGlite's socket may hand it over as text. */
function json<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

function placementRowOf(row: SqlRow): PlacementRow {
  return {
    id: row.id,
    studentId: row.studentId,
    studentName: row.studentName,
    universityName: row.universityName,
    programmeName: row.programmeName,
    cohortName: row.cohortName,
    teamName: row.teamName,
    setting: row.setting,
    level: row.level,
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    requiredDays: row.requiredDays,
    practiceEducatorName: row.practiceEducatorName,
    updatedAt: row.updatedAt,
  };
}

export type RowWithProgress = { row: PlacementRow; progress: PlacementProgress };

/**
 * One page of the dashboard table in compareByRisk's order from the stored
 * columns: red, amber, green; the most overdue first within a colour; then by
 * student name and id.
 */
export async function dashboardPage(
  db: Tx,
  where: Prisma.Sql,
  rag: RagStatus | undefined,
  limit: number,
  offset: number,
): Promise<RowWithProgress[]> {
  const rows = await db.$queryRaw<SqlRow[]>`
    SELECT ${ROW_COLUMNS}
    FROM "PlacementProgress" pp JOIN "Placement" p ON p.id = pp."placementId" ${ROW_JOINS}
    WHERE ${where} ${rag ? Prisma.sql`AND pp."ragStatus" = ${rag}::"RagStatus"` : Prisma.empty}
    ORDER BY pp."ragRank" ASC, pp."overdueDays" DESC, s.name ASC, p.id ASC
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((row) => ({ row: placementRowOf(row), progress: json<PlacementProgress>(row.progress) }));
}

/**
 * Every selected placement with its stored progress in detail, by student
 * name (the CSV, the cohort report, the coverage matrix), at most `limit`.
 */
export async function rowsWithDetail(
  db: Tx,
  where: Prisma.Sql,
  limit: number,
): Promise<Array<RowWithProgress & { detail: PlacementProgressDetail }>> {
  const rows = await db.$queryRaw<Array<SqlRow & { detail: unknown }>>`
    SELECT ${ROW_COLUMNS}, pp.detail
    FROM "PlacementProgress" pp JOIN "Placement" p ON p.id = pp."placementId" ${ROW_JOINS}
    WHERE ${where}
    ORDER BY s.name ASC, p.id ASC
    LIMIT ${limit}`;
  return rows.map((row) => {
    const progress = json<PlacementProgress>(row.progress);
    return {
      row: placementRowOf(row),
      progress,
      detail: { ...json<object>(row.detail), progress } as PlacementProgressDetail,
    };
  });
}

/** Table rows of the given placements (already scoped by `where`), in the order asked. */
export async function rowsOf(db: Tx, where: Prisma.Sql, orderBy: Prisma.Sql, limit: number): Promise<PlacementRow[]> {
  const rows = await db.$queryRaw<SqlRow[]>`
    SELECT ${ROW_COLUMNS}
    FROM "Placement" p LEFT JOIN "PlacementProgress" pp ON pp."placementId" = p.id ${ROW_JOINS}
    WHERE ${where}
    ORDER BY ${orderBy}
    LIMIT ${limit}`;
  return rows.map(placementRowOf);
}

/** The stored progress of the visible placements among `ids`, with the day each was computed for. */
export function storedProgressOf(db: Tx, user: SessionUser, ids: string[]) {
  return db.$queryRaw<Array<{ id: string; asOf: string | null; progress: unknown; detail: unknown }>>`
    SELECT p.id, pp."asOf"::text AS "asOf", pp.progress, pp.detail
    FROM "Placement" p LEFT JOIN "PlacementProgress" pp ON pp."placementId" = p.id
    WHERE ${placementsVisibleSql(user)} AND p.id = ANY(${ids}::text[])`;
}

export function detailOf(row: { progress: unknown; detail: unknown }): PlacementProgressDetail {
  return {
    ...json<object>(row.detail),
    progress: json<PlacementProgress>(row.progress),
  } as PlacementProgressDetail;
}

/** The progress API's page: by placement id after the cursor, the RAG filter in SQL. */
export async function progressPage(
  db: Tx,
  where: Prisma.Sql,
  rag: RagStatus | undefined,
  after: string | undefined,
  limit: number,
): Promise<PlacementProgress[]> {
  const rows = await db.$queryRaw<Array<{ progress: unknown }>>`
    SELECT pp.progress FROM "PlacementProgress" pp JOIN "Placement" p ON p.id = pp."placementId"
    WHERE ${where}
      ${rag ? Prisma.sql`AND pp."ragStatus" = ${rag}::"RagStatus"` : Prisma.empty}
      ${after ? Prisma.sql`AND p.id > ${after}` : Prisma.empty}
    ORDER BY p.id ASC
    LIMIT ${limit}`;
  return rows.map((row) => json<PlacementProgress>(row.progress));
}

/**
 * What the filter lists offer: the degree programmes (with their cohorts),
 * teams and universities the user's placements involve; a tutor's programmes
 * are their university's (`universityOnly`). Two statements.
 */
export async function filterOptionsSql(
  db: Tx,
  user: SessionUser,
  universityOnly: string | null,
): Promise<FilterOptions> {
  const visible = placementsVisibleSql(user);
  const programmeWhere = universityOnly
    ? Prisma.sql`dp."universityId" = ${universityOnly}`
    : Prisma.sql`EXISTS (SELECT 1 FROM "StudentProfile" f JOIN "Placement" p ON p."studentId" = f."userId" WHERE f."programmeId" = dp.id AND ${visible})`;
  const [programmes, organisations] = await Promise.all([
    db.$queryRaw<Array<{ id: string; name: string; universityName: string; cohorts: unknown }>>`
      SELECT dp.id, dp.name, un.name AS "universityName",
        coalesce((SELECT json_agg(json_build_object('id', c.id, 'name', c.name) ORDER BY c.name) FROM "Cohort" c WHERE c."programmeId" = dp.id), '[]'::json) AS cohorts
      FROM "Programme" dp JOIN "Organisation" un ON un.id = dp."universityId"
      WHERE ${programmeWhere}
      ORDER BY un.name ASC, dp.name ASC`,
    db.$queryRaw<Array<{ id: string; name: string; kind: "TEAM" | "UNIVERSITY" }>>`
      SELECT o.id, o.name, o.kind::text AS kind FROM "Organisation" o
      WHERE (o.kind = 'TEAM' AND EXISTS (SELECT 1 FROM "Placement" p WHERE p."teamId" = o.id AND ${visible}))
         OR (${universityOnly === null}::boolean AND o.kind = 'UNIVERSITY'
             AND EXISTS (SELECT 1 FROM "StudentProfile" f JOIN "Placement" p ON p."studentId" = f."userId" WHERE f."universityId" = o.id AND ${visible}))
      ORDER BY o.name ASC`,
  ]);
  const pick = (kind: "TEAM" | "UNIVERSITY") =>
    organisations.filter((row) => row.kind === kind).map(({ id, name }) => ({ id, name }));
  return {
    programmes: programmes.map((row) => ({
      id: row.id,
      name: row.name,
      universityName: row.universityName,
      cohorts: json<Array<{ id: string; name: string }>>(row.cohorts),
    })),
    teams: pick("TEAM"),
    universities: pick("UNIVERSITY"),
  };
}
