import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { storeProgress, withoutChildWork } from "@/lib/progress/progress-store";
import { detailOf, storedProgressOf } from "@/lib/progress/hot-reads";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canSeeChildWorkCounts } from "@/lib/access/navigation";
import { todayInUk, toIsoDate, type IsoDate } from "@/lib/dates";
import { summariseDayCounts, type AttendanceKindName, type DaysSummary } from "@/lib/placements/placement-days";
import { cadenceFor, groupBy, loadCadenceRows } from "@/lib/supervision/supervision-overview";
import type { CadenceSummary } from "@/lib/supervision/cadence";
import { coverageOf, type CoverageRow } from "@/lib/portfolio/coverage";
import {
  observationProgress,
  placementMilestones,
  type MilestoneKindName,
  type MilestoneSummary,
  type ObservationProgress,
} from "@/lib/portfolio/milestone-rules";
import { howOverdueDays, placementRag, type PlacementRag } from "@/lib/progress/placement-rag";

// Placement progress, computed in one place (issue 6): every dashboard, the
// placement page, the CSV export, the cohort report and the API read it from
// here, so a placement shows the same numbers and the same RAG everywhere.
//
// A constant number of queries however many placements: each table is read
// once for all of them (`placementId IN (…)`), with aggregates where only
// counts are needed. Never a query per placement.
//
// Counts, not content: everyone who may see a placement sees its progress
// numbers (the team manager reads no evidence but sees how much there is).
// A student's DRAFT evidence is never counted: it is not evidence yet.

export type PlacementProgress = {
  placementId: string;
  rag: PlacementRag;
  days: {
    required: number;
    completed: number;
    percentComplete: number;
    projectedEndDate: string | null;
    projectedLate: boolean;
  };
  supervision: {
    sessions: number;
    totalMinutes: number;
    missedWeeks: number;
    overdue: boolean;
    lastSessionOn: string | null;
  };
  coverage: {
    framework: string;
    domains: number;
    domainsEvidenced: number;
    gaps: number;
    evidenceItems: number;
    acceptedItems: number;
  };
  observations: { required: number; done: number; beforeMidpointMet: boolean };
  milestones: Array<{
    kind: MilestoneKindName;
    dueDate: string | null;
    heldOn: string | null;
    state: "DONE" | "OVERDUE" | "DUE_SOON" | "UPCOMING";
  }>;
  openConcerns: number;
  /** Team side only (admin, PE); absent for tutors, students and API tokens. */
  childWork?: { allocations: number; overdueItems: number };
};

/** Progress with the detail the screens draw: weekly supervision, coverage per domain, milestone labels. */
export type PlacementProgressDetail = {
  progress: PlacementProgress;
  status: "PLANNED" | "ACTIVE" | "SUSPENDED" | "COMPLETED" | "ENDED_EARLY";
  days: DaysSummary;
  cadence: CadenceSummary;
  coverageRows: CoverageRow[];
  observations: ObservationProgress;
  milestones: MilestoneSummary[];
  awaitingReview: number;
  /** How overdue, in days (howOverdueDays): the dashboards' order within a colour. */
  overdueDays: number;
};

/** The framework coverage is measured against: the PCF version in force. */
export const COVERAGE_FRAMEWORK_CODE = "PCF";

/**
 * Progress of the given placements (already scoped by the caller with
 * placementsVisibleTo; scoped again here, so an id the user may not see is
 * simply left out).
 */
export async function progressForPlacements(
  user: SessionUser,
  placementIds: string[],
  today: IsoDate = todayInUk(),
): Promise<Map<string, PlacementProgress>> {
  const details = await progressDetailsFor(user, placementIds, today);
  return new Map([...details].map(([id, detail]) => [id, detail.progress]));
}

export async function progressDetailsFor(
  user: SessionUser,
  placementIds: string[],
  today: IsoDate = todayInUk(),
): Promise<Map<string, PlacementProgressDetail>> {
  assertVerifiedUser(user);
  const ids = [...new Set(placementIds)];
  if (ids.length === 0) return new Map();
  const db = getDb();
  // Scoped here (in SQL: lib/access/placements-sql.ts), then read from the
  // read model in one statement: rows computed for another day are recomputed
  // (and stored, unless a write stored a newer one meanwhile).
  const rows = await storedProgressOf(db, user, ids);
  const result = new Map<string, PlacementProgressDetail>();
  const stale: string[] = [];
  for (const row of rows) {
    if (row.asOf === today) result.set(row.id, detailOf(row));
    else stale.push(row.id);
  }
  if (stale.length > 0) for (const [id, detail] of await recomputeStale(db, stale, today)) result.set(id, detail);
  return canSeeChildWorkCounts(user)
    ? result
    : new Map([...result].map(([id, detail]) => [id, withoutChildWork(detail)]));
}

/**
 * Recomputes placements a read found missing from the read model or stored
 * for another day, and stores them unless a write stored a newer row meanwhile.
 */
export async function recomputeStale(
  db: Tx,
  placementIds: string[],
  today: IsoDate,
): Promise<Map<string, PlacementProgressDetail>> {
  const fresh = await computeProgressDetails(db, placementIds, today);
  await storeProgress(db, fresh, today, "if-older");
  return fresh;
}

/**
 * Progress of the given placements computed afresh by the rules, child-work
 * counts included, for whoever may see them: only the read model
 * (lib/progress/read-model.ts) and the reads above call this. Not scoped.
 */
export async function computeProgressDetails(
  db: Tx,
  placementIds: string[],
  today: IsoDate,
): Promise<Map<string, PlacementProgressDetail>> {
  const result = new Map<string, PlacementProgressDetail>();
  const ids = [...new Set(placementIds)];
  if (ids.length === 0) return result;

  const placements = await db.placement.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      startDate: true,
      endDate: true,
      status: true,
      requiredDays: true,
      supervisionEveryWeeks: true,
      supervisionMinMinutes: true,
      observationsRequired: true,
    },
  });
  const visible = placements.map((placement) => placement.id);
  if (visible.length === 0) return result;
  const idArray = Prisma.sql`${visible}::text[]`;

  const [
    cadenceRows,
    dayCounts,
    frameworkItems,
    linkCounts,
    evidenceCounts,
    observations,
    milestones,
    concerns,
    childWork,
  ] = await Promise.all([
    loadCadenceRows(db, visible),
    db.attendanceDay.groupBy({
      by: ["placementId", "kind"],
      where: { placementId: { in: visible } },
      _count: { _all: true },
      _max: { date: true },
    }),
    db.frameworkItem.findMany({
      where: {
        framework: {
          code: COVERAGE_FRAMEWORK_CODE,
          effectiveFrom: { lte: new Date(`${today}T00:00:00Z`) },
          OR: [{ effectiveTo: null }, { effectiveTo: { gt: new Date(`${today}T00:00:00Z`) } }],
        },
      },
      select: { id: true, number: true, name: true, code: true, framework: { select: { name: true, version: true } } },
      orderBy: [{ framework: { effectiveFrom: "desc" } }, { number: "asc" }],
    }),
    // Links by the domain's stable code, so evidence mapped to an earlier PCF version still counts.
    db.$queryRaw<Array<{ placementId: string; code: string; status: string; links: number }>>(Prisma.sql`
      SELECT e."placementId" AS "placementId", fi.code AS code, e.status::text AS status, count(*)::int AS links
      FROM "EvidenceLink" l
      JOIN "EvidenceItem" e ON e.id = l."evidenceId"
      JOIN "FrameworkItem" fi ON fi.id = l."frameworkItemId"
      JOIN "Framework" f ON f.id = fi."frameworkId"
      WHERE e."placementId" = ANY(${idArray}) AND e.status <> 'DRAFT' AND f.code = ${COVERAGE_FRAMEWORK_CODE}
      GROUP BY 1, 2, 3`),
    db.evidenceItem.groupBy({
      by: ["placementId", "status"],
      where: { placementId: { in: visible }, status: { not: "DRAFT" } },
      _count: { _all: true },
      _min: { submittedAt: true },
    }),
    // Done once the observer's feedback is recorded (lib/portfolio/milestone-rules.ts); the text itself is not read.
    db.$queryRaw<Array<{ placementId: string; observedOn: Date | string; done: boolean }>>(Prisma.sql`
      SELECT "placementId", "observedOn", ("feedbackAt" IS NOT NULL OR length(btrim(feedback)) > 0) AS done
      FROM "DirectObservation" WHERE "placementId" = ANY(${idArray})`),
    db.placementMilestone.findMany({
      where: { placementId: { in: visible } },
      select: { placementId: true, kind: true, heldOn: true },
    }),
    db.causeForConcern.groupBy({
      by: ["placementId"],
      where: { placementId: { in: visible }, status: "OPEN" },
      _count: { _all: true },
    }),
    childWorkCounts(db, idArray, today),
  ]);

  // The framework in force: the newest version's nine domains.
  const frameworkName = frameworkItems[0]
    ? `${frameworkItems[0].framework.name} ${frameworkItems[0].framework.version}`
    : COVERAGE_FRAMEWORK_CODE;
  const domains = frameworkItems.filter((item) => item.framework.version === frameworkItems[0]?.framework.version);
  const itemIdByCode = new Map(domains.map((item) => [item.code, item.id]));

  const dayCountsBy = groupBy(
    dayCounts,
    (row) => row.placementId,
    (row) => row,
  );
  const linksBy = groupBy(
    linkCounts,
    (row) => row.placementId,
    (row) => row,
  );
  const evidenceBy = groupBy(
    evidenceCounts,
    (row) => row.placementId,
    (row) => row,
  );
  const observationsBy = groupBy(
    observations,
    (row) => row.placementId,
    (row) => ({ observedOn: dateOf(row.observedOn), feedbackGiven: Boolean(row.done) }),
  );
  const milestonesBy = groupBy(
    milestones,
    (row) => row.placementId,
    (row) => row,
  );
  const concernsBy = new Map(concerns.map((row) => [row.placementId, row._count._all]));
  const childWorkBy = new Map(
    childWork.map((row) => [
      row.placementId,
      { allocations: Number(row.allocations), overdueItems: Number(row.overdue) },
    ]),
  );

  for (const placement of placements) {
    const startDate = toIsoDate(placement.startDate);
    const endDate = toIsoDate(placement.endDate);

    const counts: Record<AttendanceKindName, number> = { PLACEMENT_DAY: 0, SKILLS_DAY: 0, SICK: 0, ABSENT: 0 };
    let lastLogged: IsoDate | null = null;
    let lastPlacementDay: IsoDate | null = null;
    for (const row of dayCountsBy.get(placement.id) ?? []) {
      counts[row.kind] = row._count._all;
      const latest = row._max.date ? toIsoDate(row._max.date) : null;
      if (latest && (lastLogged === null || latest > lastLogged)) lastLogged = latest;
      if (row.kind === "PLACEMENT_DAY") lastPlacementDay = latest;
    }
    const days = summariseDayCounts({
      requiredDays: placement.requiredDays,
      startDate,
      endDate,
      counts,
      lastLogged,
      lastPlacementDay,
      today,
    });

    const cadence = cadenceFor(placement, cadenceRows, today);

    const links = (linksBy.get(placement.id) ?? []).flatMap((row) => {
      const frameworkItemId = itemIdByCode.get(row.code);
      return frameworkItemId
        ? Array.from({ length: Number(row.links) }, () => ({ frameworkItemId, status: row.status }))
        : [];
    });
    const coverage = coverageOf(domains, links);
    const evidence = evidenceBy.get(placement.id) ?? [];
    const evidenceItems = evidence.reduce((sum, row) => sum + row._count._all, 0);
    const acceptedItems = evidence.find((row) => row.status === "ACCEPTED")?._count._all ?? 0;
    const waiting = evidence.find((row) => row.status === "SUBMITTED");

    const held: Partial<Record<MilestoneKindName, IsoDate>> = {};
    for (const row of milestonesBy.get(placement.id) ?? []) held[row.kind] = toIsoDate(row.heldOn);
    const milestoneList = placementMilestones({
      startDate,
      requiredDays: placement.requiredDays,
      absenceDays: days.absences,
      status: placement.status,
      held,
      today,
    });
    const midpoint = milestoneList.find((milestone) => milestone.kind === "MIDPOINT_REVIEW")!;
    const observationSummary = observationProgress({
      required: placement.observationsRequired,
      observations: observationsBy.get(placement.id) ?? [],
      midpointDueDate: midpoint.dueDate,
      midpointHeldOn: midpoint.heldOn,
      today,
    });
    const openConcerns = concernsBy.get(placement.id) ?? 0;

    const rag = placementRag({
      status: placement.status,
      startDate,
      endDate,
      today,
      openConcerns,
      days,
      supervision: { overdue: cadence.overdue, missedWeeks: cadence.missed, lastSessionOn: cadence.lastSessionOn },
      milestones: milestoneList,
      observations: observationSummary,
      coverage,
      oldestAwaitingReviewOn: waiting?._min.submittedAt ? toIsoDate(waiting._min.submittedAt) : null,
      awaitingReview: waiting?._count._all ?? 0,
    });

    const progress: PlacementProgress = {
      placementId: placement.id,
      rag,
      days: {
        required: days.required,
        completed: days.completed,
        percentComplete: days.percentComplete,
        projectedEndDate: days.projectedEndDate,
        projectedLate: days.projectedLate,
      },
      supervision: {
        sessions: cadence.sessions,
        totalMinutes: cadence.totalMinutes,
        missedWeeks: cadence.missed,
        overdue: cadence.overdue,
        lastSessionOn: cadence.lastSessionOn,
      },
      coverage: {
        framework: frameworkName,
        domains: coverage.domains,
        domainsEvidenced: coverage.domainsEvidenced,
        gaps: coverage.gaps,
        evidenceItems,
        acceptedItems,
      },
      observations: {
        required: observationSummary.required,
        done: observationSummary.done,
        beforeMidpointMet: observationSummary.beforeMidpointMet,
      },
      milestones: milestoneList.map(({ kind, dueDate, heldOn, state }) => ({ kind, dueDate, heldOn, state })),
      openConcerns,
      childWork: childWorkBy.get(placement.id) ?? { allocations: 0, overdueItems: 0 },
    };
    result.set(placement.id, {
      progress,
      status: placement.status,
      days,
      cadence,
      coverageRows: coverage.rows,
      observations: observationSummary,
      milestones: milestoneList,
      awaitingReview: waiting?._count._all ?? 0,
      overdueDays: howOverdueDays({ ...progress, startDate, endDate, today }),
    });
  }
  return result;
}

/** Active allocations per placement, and their overdue items: assessments past the 45-working-day limit and planned direct-work sessions passed without a record. */
function childWorkCounts(db: Tx, idArray: Prisma.Sql, today: IsoDate) {
  return db.$queryRaw<Array<{ placementId: string; allocations: number; overdue: number }>>(Prisma.sql`
    SELECT a."placementId" AS "placementId", count(*)::int AS allocations,
      (coalesce(sum((SELECT count(*) FROM "ChildAssessment" c WHERE c."allocationId" = a.id AND c.status = 'IN_PROGRESS' AND c."dueDate" < ${today}::date)), 0)
       + coalesce(sum((SELECT count(*) FROM "DirectWorkProgramme" p JOIN "ProgrammeSession" s ON s."programmeId" = p.id
                       WHERE p."allocationId" = a.id AND s.status = 'PLANNED' AND s."plannedOn" < ${today}::date)), 0))::int AS overdue
    FROM "Allocation" a
    WHERE a."placementId" = ANY(${idArray}) AND a.status = 'ACTIVE'
    GROUP BY a."placementId"`);
}

function dateOf(value: Date | string): IsoDate {
  return typeof value === "string" ? value.slice(0, 10) : toIsoDate(value);
}

/** One placement's progress in detail: the placement page. Not visible → null. */
export async function loadPlacementProgress(
  user: SessionUser,
  placementId: string,
  today: IsoDate = todayInUk(),
): Promise<PlacementProgressDetail | null> {
  return (await progressDetailsFor(user, [placementId], today)).get(placementId) ?? null;
}
