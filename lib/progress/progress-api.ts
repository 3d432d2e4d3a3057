import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canSeeChildWorkCounts } from "@/lib/access/navigation";
import { notFound } from "@/lib/errors";
import { todayInUk } from "@/lib/dates";
import { progressForPlacements, type PlacementProgress } from "@/lib/progress/placement-progress";
import type { DashboardFilters } from "@/lib/progress/dashboard-filters";
import type { IdPage } from "@/lib/core/paging";
import { bringUpToDate, loadDashboardRows } from "@/lib/progress/dashboard";
import { dashboardWhereSql, progressPage } from "@/lib/progress/hot-reads";
import { Prisma } from "@/lib/generated/prisma/client";
import { progressWithoutChildWork } from "@/lib/progress/progress-store";
import { nextMilestone } from "@/lib/progress/milestone-text";
import { PLACEMENT_RAG_LABELS } from "@/lib/progress/placement-rag";
import { PLACEMENT_STATUS_LABELS } from "@/lib/placements/status-rules";
import { toCsv, type CsvValue } from "@/lib/export/csv";
import { formatHours } from "@/lib/supervision/format";

// Progress over HTTP (GET /api/v1/progress, /api/v1/placements/:id/progress)
// and the CSV export of the dashboards' table. University API tokens act as
// tutors, so they see their university's placements and no child work.

/**
 * One page of GET /api/v1/progress: the dashboards' filters, and paging by
 * placement id (read at the route's edge: lib/api/pagination.ts).
 */
export async function listProgress(
  user: SessionUser,
  filters: DashboardFilters,
  page: IdPage,
): Promise<{ progress: PlacementProgress[]; nextCursor: string | null }> {
  assertVerifiedUser(user);
  const { placementId, limit, cursor } = page;
  const filtered = dashboardWhereSql(user, filters);
  const where = placementId ? Prisma.sql`${filtered} AND p.id = ${placementId}` : filtered;
  const today = todayInUk();
  // From the read model in SQL (lib/progress/hot-reads.ts): the RAG filter is a WHERE clause, so a page is exactly `limit` placements.
  await bringUpToDate(where, today);
  const rows = await progressPage(getDb(), where, filters.rag, cursor ?? undefined, limit + 1);
  const teamSide = canSeeChildWorkCounts(user);
  const pageItems = rows.slice(0, limit).map((progress) => (teamSide ? progress : progressWithoutChildWork(progress)));
  return {
    progress: pageItems,
    nextCursor: rows.length > limit && pageItems.length > 0 ? pageItems[pageItems.length - 1].placementId : null,
  };
}

export async function getPlacementProgress(user: SessionUser, placementId: string): Promise<PlacementProgress> {
  const progress = (await progressForPlacements(user, [placementId])).get(placementId);
  if (!progress) throw notFound("That placement");
  return progress;
}

const CSV_HEADER = [
  "Student",
  "University",
  "Programme",
  "Cohort",
  "Team",
  "Setting",
  "Level",
  "Status",
  "Start date",
  "Planned end date",
  "Practice educator",
  "RAG",
  "RAG reasons",
  "Days completed",
  "Days required",
  "Days percent",
  "Projected end date",
  "Projected after planned end",
  "Supervision sessions",
  "Supervision hours",
  "Missed supervision weeks",
  "Supervision overdue",
  "PCF domains evidenced",
  "PCF domains",
  "Evidence items (not drafts)",
  "Evidence items accepted",
  "Direct observations done",
  "Direct observations required",
  "Observation before midpoint",
  "Next milestone",
  "Next milestone due",
  "Open causes for concern",
] as const;

const TEAM_HEADER = ["Children allocated", "Overdue child work"] as const;

/** The dashboard table as CSV, with the same filters (and RAG filter), every matching row. */
export async function placementsCsv(
  user: SessionUser,
  filters: DashboardFilters,
): Promise<{ filename: string; body: string }> {
  assertVerifiedUser(user);
  const today = todayInUk();
  const { matching } = await loadDashboardRows(user, filters, today);
  const teamSide = canSeeChildWorkCounts(user);
  const yesNo = (value: boolean) => (value ? "Yes" : "No");
  const rows = matching.map(({ row }): CsvValue[] => {
    const { progress } = row;
    const next = nextMilestone(progress, row.status);
    const nextDue = next
      ? (progress.milestones.find((milestone) => milestone.state !== "DONE")?.dueDate ?? null)
      : null;
    const cells: CsvValue[] = [
      row.studentName,
      row.universityName,
      row.programmeName,
      row.cohortName,
      row.teamName,
      row.setting,
      row.level === "FIRST" ? "First" : "Final",
      PLACEMENT_STATUS_LABELS[row.status],
      row.startDate,
      row.endDate,
      row.practiceEducatorName,
      PLACEMENT_RAG_LABELS[progress.rag.status],
      progress.rag.reasons.join("; "),
      progress.days.completed,
      progress.days.required,
      progress.days.percentComplete,
      progress.days.projectedEndDate,
      yesNo(progress.days.projectedLate),
      progress.supervision.sessions,
      formatHours(progress.supervision.totalMinutes),
      progress.supervision.missedWeeks,
      yesNo(progress.supervision.overdue),
      progress.coverage.domainsEvidenced,
      progress.coverage.domains,
      progress.coverage.evidenceItems,
      progress.coverage.acceptedItems,
      progress.observations.done,
      progress.observations.required,
      yesNo(progress.observations.beforeMidpointMet),
      next?.label ??
        (row.status === "COMPLETED" || row.status === "ENDED_EARLY" ? "None: placement finished" : "All held"),
      nextDue,
      progress.openConcerns,
    ];
    if (teamSide) cells.push(progress.childWork?.allocations ?? 0, progress.childWork?.overdueItems ?? 0);
    return cells;
  });
  const header = teamSide ? [...CSV_HEADER, ...TEAM_HEADER] : [...CSV_HEADER];
  return { filename: `placements-${today}.csv`, body: toCsv(header, rows) };
}
