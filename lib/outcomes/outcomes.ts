import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { forbidden, invalid } from "@/lib/errors";
import { parseId } from "@/lib/core/command";
import { toCsv } from "@/lib/export/csv";
import { toIsoDate, todayInUk } from "@/lib/dates";
import type { IdPage } from "@/lib/core/paging";
import { isSettledDecision, type PanelDecisionName } from "@/lib/panels/labels";

// Placement outcomes for the university's records system (docs/api.md
// "Placement outcomes"): per student and placement, the days, the PE's
// recommendation once the final assessment is complete, and the practice
// assessment panel's decision. The university's tutors (and its API tokens,
// which act as one) read their own students' only; children never appear.

/** Who exports outcomes: a university (its tutors and API tokens). */
export function canExportOutcomes(user: SessionUser): boolean {
  return user.role === "UNIVERSITY_TUTOR";
}

export type OutcomeFilters = { cohortId?: string; programmeId?: string };

/** The cohort and programme filters of a query string; a malformed id is a 422 naming the parameter. */
export function parseOutcomeFilters(params: Record<string, string>): OutcomeFilters {
  const filters: OutcomeFilters = {};
  for (const [key, field] of [
    ["cohort", "cohortId"],
    ["programme", "programmeId"],
  ] as const) {
    const value = params[key];
    if (!value) continue;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(value))
      throw invalid("Check the query parameters.", { [key]: [`Unknown ${key}`] });
    filters[field] = value;
  }
  return filters;
}

async function outcomeRows(user: SessionUser, filters: OutcomeFilters, page?: IdPage) {
  assertVerifiedUser(user);
  if (!canExportOutcomes(user)) throw forbidden("Placement outcomes are exported by the student's university.");
  const rows = await getDb().placement.findMany({
    where: {
      AND: [
        placementsVisibleTo(user),
        filters.cohortId ? { student: { studentProfile: { cohortId: filters.cohortId } } } : {},
        filters.programmeId ? { student: { studentProfile: { programmeId: filters.programmeId } } } : {},
        page?.placementId ? { id: parseId(page.placementId, "That placement") } : {},
        page?.cursor ? { id: { gt: page.cursor } } : {},
      ],
    },
    orderBy: { id: "asc" },
    take: page ? page.limit + 1 : 5000,
    select: {
      id: true,
      level: true,
      setting: true,
      startDate: true,
      endDate: true,
      status: true,
      requiredDays: true,
      updatedAt: true,
      student: {
        select: {
          id: true,
          name: true,
          email: true,
          studentProfile: { select: { programme: { select: { name: true } }, cohort: { select: { name: true } } } },
        },
      },
      _count: { select: { attendance: { where: { kind: "PLACEMENT_DAY" } } } },
      finalAssessment: {
        select: {
          status: true,
          recommendation: true,
          panelItems: {
            where: { decision: { not: null } },
            orderBy: { decidedAt: "desc" },
            select: { decision: true, decidedAt: true, panel: { select: { name: true } } },
          },
        },
      },
    },
  });
  return rows.map((row) => {
    const assessment = row.finalAssessment;
    const complete = assessment?.status === "COMPLETE";
    const latest = assessment?.panelItems[0] ?? null;
    return {
      placementId: row.id,
      studentId: row.student.id,
      studentName: row.student.name,
      studentEmail: row.student.email,
      programme: row.student.studentProfile?.programme.name ?? null,
      cohort: row.student.studentProfile?.cohort?.name ?? null,
      level: row.level,
      setting: row.setting,
      startDate: toIsoDate(row.startDate),
      endDate: toIsoDate(row.endDate),
      status: row.status,
      requiredDays: row.requiredDays,
      daysCompleted: row._count.attendance,
      finalAssessmentStatus: assessment?.status ?? "NOT_STARTED",
      /** Only once everyone has signed (and a stage 2 PE ratified, where needed). */
      recommendation: complete ? assessment.recommendation : null,
      panelDecision: (latest?.decision as PanelDecisionName | undefined) ?? null,
      panelDecisionSettled: latest ? isSettledDecision(latest.decision as PanelDecisionName) : false,
      panelName: latest?.panel.name ?? null,
      panelDecidedOn: latest?.decidedAt ? toIsoDate(latest.decidedAt) : null,
    };
  });
}

/** GET /api/v1/outcomes: one page, in id order. */
export async function listOutcomes(user: SessionUser, filters: OutcomeFilters, page: IdPage) {
  const rows = await outcomeRows(user, filters, page);
  const more = rows.length > page.limit;
  const data = more ? rows.slice(0, page.limit) : rows;
  return { data, nextCursor: more ? data[data.length - 1].placementId : null };
}

const HEADER = [
  "Placement id",
  "Student id",
  "Student",
  "Email",
  "Programme",
  "Cohort",
  "Level",
  "Setting",
  "Start date",
  "End date",
  "Status",
  "Required days",
  "Days completed",
  "Final assessment",
  "PE's recommendation",
  "Panel decision",
  "Panel",
  "Panel decided on",
] as const;

/** The same as CSV for the records system, every row at once. */
export async function outcomesCsv(user: SessionUser, filters: OutcomeFilters) {
  const rows = await outcomeRows(user, filters);
  return {
    filename: `placement-outcomes-${todayInUk()}.csv`,
    body: toCsv(
      HEADER,
      rows.map((row) => [
        row.placementId,
        row.studentId,
        row.studentName,
        row.studentEmail,
        row.programme,
        row.cohort,
        row.level,
        row.setting,
        row.startDate,
        row.endDate,
        row.status,
        row.requiredDays,
        row.daysCompleted,
        row.finalAssessmentStatus,
        row.recommendation,
        row.panelDecision,
        row.panelName,
        row.panelDecidedOn,
      ]),
    ),
  };
}
