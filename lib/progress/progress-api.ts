import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { AppError, fieldErrorsOf, notFound } from "@/lib/errors";
import { todayInUk } from "@/lib/dates";
import { progressForPlacements, type PlacementProgress } from "@/lib/progress/placement-progress";
import { dashboardFiltersSchema } from "@/lib/progress/dashboard-filters";
import { dashboardWhere, loadDashboardRows, SUMMARY_CAP } from "@/lib/progress/dashboard";
import { nextMilestone } from "@/lib/progress/milestone-text";
import { PLACEMENT_RAG_LABELS } from "@/lib/progress/placement-rag";
import { PLACEMENT_STATUS_LABELS } from "@/lib/placements/status-rules";
import { toCsv, type CsvValue } from "@/lib/export/csv";
import { formatHours } from "@/lib/supervision/format";

// Progress over HTTP (GET /api/v1/progress, /api/v1/placements/:id/progress)
// and the CSV export of the dashboards' table. University API tokens act as
// tutors, so they see their university's placements and no child work.

const pagingSchema = z.object({
  placementId: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1, "limit is at least 1")
    .max(200, "limit is at most 200")
    .default(50),
  cursor: z.string().trim().min(1).max(64).optional(),
});

export async function listProgress(
  user: SessionUser,
  query: Record<string, string>,
): Promise<{ progress: PlacementProgress[]; nextCursor: string | null }> {
  assertVerifiedUser(user);
  const paging = pagingSchema.safeParse({
    placementId: query.placementId || undefined,
    limit: query.limit || undefined,
    cursor: query.cursor || undefined,
  });
  if (!paging.success) throw new AppError("validation", "Check the query parameters.", fieldErrorsOf(paging.error));
  const { placementId, limit, cursor } = paging.data;
  const filters = dashboardFiltersSchema.parse(query);
  const where = {
    AND: [
      dashboardWhere(user, filters),
      ...(placementId ? [{ id: placementId }] : []),
      ...(cursor ? [{ id: { gt: cursor } }] : []),
    ],
  };
  const today = todayInUk();

  // Without a RAG filter a page is exactly `limit` placements; with one, the
  // RAG is known only after progress is computed, so a batch is summarised and filtered.
  const take = filters.rag ? SUMMARY_CAP : limit + 1;
  const ids = (await getDb().placement.findMany({ where, orderBy: { id: "asc" }, take, select: { id: true } })).map(
    (row) => row.id,
  );
  const candidates = filters.rag ? ids : ids.slice(0, limit);
  const progress = await progressForPlacements(user, candidates, today);
  const ordered = candidates.flatMap((id) => {
    const item = progress.get(id);
    return item && (!filters.rag || item.rag.status === filters.rag) ? [item] : [];
  });
  const page = ordered.slice(0, limit);
  const more = filters.rag ? ordered.length > limit || ids.length === SUMMARY_CAP : ids.length > limit;
  return { progress: page, nextCursor: more && page.length > 0 ? page[page.length - 1].placementId : null };
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
  "Council",
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
  query: Record<string, string>,
): Promise<{ filename: string; body: string }> {
  assertVerifiedUser(user);
  const filters = dashboardFiltersSchema.parse(query);
  const today = todayInUk();
  const { matching } = await loadDashboardRows(user, filters, today);
  const teamSide = user.role === "ADMIN" || user.role === "PRACTICE_EDUCATOR";
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
      row.councilName,
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
