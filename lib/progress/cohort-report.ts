import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canReportOnCohorts, dashboardCoversOneUniversity } from "@/lib/access/navigation";
import { forbidden } from "@/lib/errors";
import { todayInUk, type IsoDate } from "@/lib/dates";
import type { RagStatus } from "@/lib/progress/placement-rag";
import type { DashboardFilters } from "@/lib/progress/dashboard-filters";
import { daysBuckets, filterOptions, loadDashboardRows, PAGE_SIZE } from "@/lib/progress/dashboard";

// The cohort report (print or PDF) and the PCF coverage matrix: every row the
// filters select, with the filters named in words for the report's heading.

export async function loadCohortReport(user: SessionUser, filters: DashboardFilters, today: IsoDate = todayInUk()) {
  assertVerifiedUser(user);
  if (!canReportOnCohorts(user)) throw forbidden();
  const [{ all, matching, capped }, options, organisation] = await Promise.all([
    loadDashboardRows(user, filters, today),
    filterOptions(user),
    getDb().organisation.findUnique({
      where: {
        id: dashboardCoversOneUniversity(user) ? user.organisationId : (filters.university ?? user.organisationId),
      },
      select: { name: true, kind: true },
    }),
  ]);
  const ragCounts: Record<RagStatus, number> = { RED: 0, AMBER: 0, GREEN: 0 };
  for (const entry of matching) ragCounts[entry.row.progress.rag.status]++;
  const programme = options.programmes.find((option) => option.id === filters.programme);
  const cohort = options.programmes.flatMap((option) => option.cohorts).find((option) => option.id === filters.cohort);
  const team = options.teams.find((option) => option.id === filters.team);
  return {
    universityName: organisation?.kind === "UNIVERSITY" ? organisation.name : null,
    entries: matching,
    summarised: all.length,
    capped,
    ragCounts,
    daysBuckets: daysBuckets(matching.map((entry) => entry.row.progress.days.percentComplete)),
    filterWords: [programme?.name, cohort ? `cohort ${cohort.name}` : null, team?.name].filter((word): word is string =>
      Boolean(word),
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
