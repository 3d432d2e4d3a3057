import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { placementsVisibleSql } from "@/lib/access/placements-sql";
import { rowsOf } from "@/lib/progress/hot-reads";
import { allocationsVisibleTo } from "@/lib/access/children";
import { homePageFor } from "@/lib/access/navigation";
import { forbidden } from "@/lib/errors";
import { UNFINISHED_STATUSES } from "@/lib/placements/status-rules";
import { todayInUk, toIsoDate, type IsoDate } from "@/lib/dates";
import { allocationRag, type Rag } from "@/lib/children/allocation-rag";
import { progressDetailsFor, type PlacementProgressDetail } from "@/lib/progress/placement-progress";
import { dashboardRow, type DashboardRow } from "@/lib/progress/dashboard";
import { placementRowSelect } from "@/lib/placements/placement-summary";

// A student's placement in detail, as a card: the practice educator's home
// (each of their current students, with the children they work with by code
// only) and the student's own home (their current or latest placement).

export type CaseloadItem = {
  allocationId: string;
  childCode: string;
  kind: "DIRECT_WORK" | "ASSESSMENT" | "LIFE_STORY";
  rag: Rag;
};

export type StudentCard = DashboardRow & { detail: PlacementProgressDetail; caseload: CaseloadItem[] };

export async function loadPracticeEducatorDashboard(
  user: SessionUser,
  today: IsoDate = todayInUk(),
): Promise<StudentCard[]> {
  assertVerifiedUser(user);
  if (homePageFor(user) !== "practice-educator") throw forbidden();
  // In SQL, one statement (lib/progress/hot-reads.ts): their current students' placements that are not finished.
  const rows = await rowsOf(
    getDb(),
    Prisma.sql`${placementsVisibleSql(user)}
      AND p.status::text IN (${Prisma.join([...UNFINISHED_STATUSES])})
      AND EXISTS (SELECT 1 FROM "PracticeEducatorAssignment" c WHERE c."placementId" = p.id AND c."practiceEducatorId" = ${user.id} AND c."endDate" IS NULL)`,
    Prisma.sql`s.name ASC, p.id ASC`,
    100,
  );
  const ids = rows.map((row) => row.id);
  const [details, caseload] = await Promise.all([
    progressDetailsFor(user, ids, today),
    caseloadByCode(user, ids, today),
  ]);
  return rows.flatMap((row) => {
    const detail = details.get(row.id);
    return detail ? [{ ...row, progress: detail.progress, detail, caseload: caseload.get(row.id) ?? [] }] : [];
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
    select: placementRowSelect,
  });
  const current = rows.find((row) => row.status !== "COMPLETED" && row.status !== "ENDED_EARLY") ?? rows[0];
  if (!current) return null;
  const detail = (await progressDetailsFor(user, [current.id], today)).get(current.id);
  return detail ? { ...dashboardRow(current, detail.progress), detail, caseload: [] } : null;
}
