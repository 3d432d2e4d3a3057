import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { impactReportAudience } from "@/lib/access/schools";
import { forbidden, parseInput } from "@/lib/errors";
import { fromIsoDate, toIsoDate } from "@/lib/dates";
import { writeAudit } from "@/lib/audit";
import { sessionRating } from "@/lib/children/direct-work/progress";
import { redactChild } from "@/lib/children/present-child";
import { impactFiltersSchema, type ImpactFilters } from "@/lib/validations/impact";
import {
  CHANGE_BANDS,
  COUNT_KEYS,
  COUNT_LABELS,
  childRatings,
  countImpact,
  mainTheme,
  outcomesByTheme,
  shareableQuotes,
  splitFacts,
  type ImpactCounts,
  type ImpactFacts,
  type Period,
  type ProgrammeFact,
} from "@/lib/impact/aggregate";
import { isSmallNumber, showAll, suppressTable, type ShownCount } from "@/lib/impact/suppression";

// The impact report (docs/domain.md, "Impact report"): loads the facts of the
// team's work with children over a period, scoped to what the reader may
// see, and counts them with lib/impact/aggregate.ts. Readers outside the team
// get small numbers hidden (lib/impact/suppression.ts); nobody gets a name,
// a child's code or a single child's record from it.

type Column = keyof ImpactCounts;

/** The columns each breakdown has: referrals have no theme or cohort, so those tables leave them out. */
const COLUMNS: Record<"school" | "theme" | "cohort", Column[]> = {
  school: COUNT_KEYS,
  theme: ["programmes", "completed", "endedEarly", "running", "sessionsPlanned", "sessionsHeld", "sessionsMissed"],
  cohort: COUNT_KEYS.filter((key) => key !== "referred" && key !== "accepted"),
};

/** Sessions are not children, but a school's sessions describe its few children: they hide with the programmes. */
const SESSION_COLUMNS: Column[] = ["sessionsPlanned", "sessionsHeld", "sessionsMissed"];

export type ImpactTable = {
  columns: Array<{ key: Column; label: string }>;
  rows: Array<{ label: string; cells: ShownCount[] }>;
};

export type ImpactReport = Awaited<ReturnType<typeof loadImpactReport>>;

/** Parses the filters (a 422 naming the field for a bad period), defaulting to the school year so far. */
export function parseImpactFilters(raw: Record<string, unknown>): ImpactFilters {
  return parseInput(impactFiltersSchema, raw);
}

async function schoolOf(userId: string) {
  const row = await getDb().user.findUnique({ where: { id: userId }, select: { schoolId: true } });
  return row?.schoolId ?? null;
}

/** The facts of the team's work, for the whole team or one school's pupils. */
async function loadFacts(teamId: string, schoolId: string | null, period: Period): Promise<ImpactFacts> {
  const db = getDb();
  const from = fromIsoDate(period.from);
  const to = fromIsoDate(period.to);
  const child = { teamId, ...(schoolId ? { schoolId } : {}) };
  const cohortSelect = {
    placement: { select: { student: { select: { studentProfile: { select: { cohortId: true } } } } } },
  };
  const [referrals, programmes, assessments, handedOver] = await Promise.all([
    db.referral.findMany({
      where: { child, receivedOn: { gte: from, lte: to } },
      select: { childId: true, schoolId: true, receivedOn: true, decision: true },
    }),
    db.directWorkProgramme.findMany({
      where: { allocation: { child }, startDate: { lte: to }, endDate: { gte: from } },
      select: {
        plannedSessions: true,
        startDate: true,
        endDate: true,
        closedAt: true,
        allocation: {
          select: {
            childId: true,
            status: true,
            // The names only to take them out of the child's words; they never leave this function.
            child: { select: { schoolId: true, firstName: true, lastName: true, code: true } },
            ...cohortSelect,
          },
        },
        sessions: {
          select: {
            theme: true,
            plannedOn: true,
            status: true,
            childRating: true,
            childsWords: true,
            childsWordsShareable: true,
            feedback: { select: { rating: true } },
          },
        },
        goals: { select: { startScore: true, endScore: true } },
      },
    }),
    db.childAssessment.findMany({
      where: { allocation: { child }, completedOn: { gte: from, lte: to } },
      select: {
        dueDate: true,
        completedOn: true,
        allocation: { select: { childId: true, child: { select: { schoolId: true } }, ...cohortSelect } },
      },
    }),
    db.lifeStoryStage.findMany({
      where: { stage: "HANDING_OVER", completedOn: { gte: from, lte: to }, work: { allocation: { child } } },
      select: {
        completedOn: true,
        work: {
          select: { allocation: { select: { childId: true, child: { select: { schoolId: true } }, ...cohortSelect } } },
        },
      },
    }),
  ]);
  const cohortOf = (allocation: { placement: { student: { studentProfile: { cohortId: string | null } | null } } }) =>
    allocation.placement.student.studentProfile?.cohortId ?? null;
  return {
    referrals: referrals.map((referral) => ({
      childId: referral.childId,
      schoolId: referral.schoolId,
      receivedOn: toIsoDate(referral.receivedOn),
      decision: referral.decision,
    })),
    programmes: programmes.map((programme): ProgrammeFact => ({
      childId: programme.allocation.childId,
      schoolId: programme.allocation.child.schoolId,
      cohortId: cohortOf(programme.allocation),
      startDate: toIsoDate(programme.startDate),
      endDate: toIsoDate(programme.endDate),
      plannedSessions: programme.plannedSessions,
      finished: programme.closedAt !== null || programme.allocation.status === "ENDED",
      sessions: programme.sessions.map((session) => ({
        theme: session.theme,
        plannedOn: toIsoDate(session.plannedOn),
        status: session.status,
        rating: sessionRating({
          status: session.status,
          childRating: session.childRating,
          feedbackRatings: session.feedback.map((answer) => answer.rating),
        }),
        shareableWords: session.childsWordsShareable
          ? redactChild(session.childsWords, programme.allocation.child)
          : null,
      })),
      goals: programme.goals,
    })),
    assessments: assessments.map((assessment) => ({
      childId: assessment.allocation.childId,
      schoolId: assessment.allocation.child.schoolId,
      cohortId: cohortOf(assessment.allocation),
      dueDate: toIsoDate(assessment.dueDate),
      completedOn: assessment.completedOn ? toIsoDate(assessment.completedOn) : null,
    })),
    lifeStories: handedOver.map((stage) => ({
      childId: stage.work.allocation.childId,
      schoolId: stage.work.allocation.child.schoolId,
      cohortId: cohortOf(stage.work.allocation),
      handedOverOn: stage.completedOn ? toIsoDate(stage.completedOn) : null,
    })),
  };
}

/** One breakdown as a table: a row per value (by name), then "All", suppressed when the reader is outside the team. */
function breakdown(
  groups: Map<string | null, ImpactFacts>,
  all: ImpactFacts,
  names: Map<string, string>,
  noneLabel: string,
  columns: Column[],
  period: Period,
  suppress: boolean,
  withTotal: boolean,
): ImpactTable {
  const labelled = [...groups.entries()]
    .map(([key, facts]) => ({ label: key === null ? noneLabel : (names.get(key) ?? noneLabel), facts }))
    .sort((a, b) => (a.label === noneLabel ? 1 : b.label === noneLabel ? -1 : a.label.localeCompare(b.label)));
  const rows = [...labelled, ...(withTotal ? [{ label: "All", facts: all }] : [])];
  const values = rows.map((row) => {
    const counts = countImpact(row.facts, period);
    return columns.map((column) => counts[column]);
  });
  const programmes = columns.indexOf("programmes");
  const parts = (["completed", "endedEarly", "running"] as Column[]).map((column) => columns.indexOf(column));
  const cells = suppress
    ? suppressTable(values, {
        columnGroups: programmes >= 0 ? [[...parts, programmes]] : [],
        lastRowIsTotal: withTotal,
      })
    : showAll(values);
  if (suppress && programmes >= 0)
    for (const row of cells)
      if (row[programmes].suppressed)
        for (const column of SESSION_COLUMNS) {
          const index = columns.indexOf(column);
          if (index >= 0) row[index] = { value: null, suppressed: true };
        }
  return {
    columns: columns.map((key) => ({ key, label: COUNT_LABELS[key] })),
    rows: rows.map((row, index) => ({ label: row.label, cells: cells[index] })),
  };
}

/**
 * The impact report for a reader: the team manager sees the team in full
 * (or, with `audience: "shared"`, exactly what leaves the team); a school
 * contact sees their own school's pupils, small numbers hidden. Reads by a
 * school are audited.
 */
export async function loadImpactReport(user: SessionUser, filters: ImpactFilters) {
  assertVerifiedUser(user);
  const audience = impactReportAudience(user);
  if (!audience) throw forbidden("The impact report is for the team manager and the partner schools.");
  const schoolId = audience === "school" ? await schoolOf(user.id) : null;
  if (audience === "school" && !schoolId) throw forbidden("Your account is not linked to a school.");
  // Nothing but the team manager's own view leaves the team unsuppressed.
  const suppress = audience !== "team" || filters.audience === "shared";
  const period = { from: filters.from, to: filters.to };
  const teamId = user.organisationId;

  const db = getDb();
  const facts = await loadFacts(teamId, schoolId, period);
  const cohortIds = [...facts.programmes, ...facts.assessments, ...facts.lifeStories].flatMap((fact) =>
    fact.cohortId ? [fact.cohortId] : [],
  );
  const [schools, cohorts] = await Promise.all([
    db.school.findMany({ where: { teamId, ...(schoolId ? { id: schoolId } : {}) }, select: { id: true, name: true } }),
    db.cohort.findMany({
      where: { id: { in: [...new Set(cohortIds)] } },
      select: { id: true, name: true, programme: { select: { name: true, university: { select: { name: true } } } } },
    }),
  ]);
  const schoolNames = new Map(schools.map((school) => [school.id, school.name]));
  const cohortNames = new Map(
    cohorts.map((cohort) => [
      cohort.id,
      `${cohort.programme.university.name}, ${cohort.programme.name}, ${cohort.name}`,
    ]),
  );
  const themeOf = (programme: ProgrammeFact) => mainTheme(programme.sessions);
  const themeNames = new Map(
    facts.programmes.map(themeOf).flatMap((theme) => (theme ? [[theme, theme] as [string, string]] : [])),
  );
  const bySchool = splitFacts(facts, {
    referral: (fact) => fact.schoolId,
    programme: (fact) => fact.schoolId,
    assessment: (fact) => fact.schoolId,
    lifeStory: (fact) => fact.schoolId,
  });
  const byTheme = splitFacts(
    { referrals: [], programmes: facts.programmes, assessments: [], lifeStories: [] },
    { referral: () => null, programme: themeOf, assessment: () => null, lifeStory: () => null },
  );
  const byCohort = splitFacts(
    { ...facts, referrals: [] },
    {
      referral: () => null,
      programme: (fact) => fact.cohortId,
      assessment: (fact) => fact.cohortId,
      lifeStory: (fact) => fact.cohortId,
    },
  );

  // A school sees one row, its own; the team a row per school and the total.
  const schoolTable = breakdown(
    schoolId ? new Map([[schoolId, facts]]) : bySchool,
    facts,
    schoolNames,
    "No school recorded",
    COLUMNS.school,
    period,
    suppress,
    !schoolId,
  );
  const outcomes = outcomesByTheme(facts.programmes, period);
  const outcomeRows = [...outcomes.themes, { theme: "All themes", distribution: outcomes.all }];
  const outcomeValues = outcomeRows.map((row) => [...row.distribution.bands, row.distribution.children]);
  const bandCount = CHANGE_BANDS.length;
  const outcomeCells = suppress
    ? suppressTable(outcomeValues, {
        columnGroups: [[...Array(bandCount).keys(), bandCount]],
        lastRowIsTotal: true,
      })
    : showAll(outcomeValues);
  const ratings = childRatings(facts.programmes, period);
  const ratingCells = suppress
    ? suppressTable([[...ratings.faces, ratings.children]], { columnGroups: [[0, 1, 2, 3, 4, 5]] })[0]
    : showAll([[...ratings.faces, ratings.children]])[0];
  // Too few children behind a summary statistic and it describes them: hidden with the count.
  const statsShown = (children: number) => !suppress || !(isSmallNumber(children) || children === 0);
  const childrenInScope = new Set(facts.programmes.map((programme) => programme.childId)).size;

  if (audience !== "team")
    await db.$transaction((tx) =>
      writeAudit(tx, user, {
        action: "VIEW",
        entity: "ImpactReport",
        entityId: schoolId ?? teamId,
        changes: { from: period.from, to: period.to },
      }),
    );

  return {
    period,
    audience,
    suppressed: suppress,
    scopeName: schoolId ? (schoolNames.get(schoolId) ?? "Your school") : "The team",
    totals: schoolTable.rows.at(-1)!.cells.map((cell, index) => ({
      key: COLUMNS.school[index],
      label: COUNT_LABELS[COLUMNS.school[index]],
      cell,
    })),
    bySchool: schoolTable,
    byTheme: breakdown(byTheme, facts, themeNames, "No sessions yet", COLUMNS.theme, period, suppress, true),
    byCohort:
      audience === "school"
        ? null
        : breakdown(byCohort, facts, cohortNames, "No cohort recorded", COLUMNS.cohort, period, suppress, true),
    outcomes: outcomeRows.map((row, index) => ({
      theme: row.theme,
      children: outcomeCells[index][bandCount],
      bands: CHANGE_BANDS.map((band, bandIndex) => ({ label: band.label, cell: outcomeCells[index][bandIndex] })),
      stats: statsShown(row.distribution.children)
        ? {
            mean: row.distribution.mean,
            median: row.distribution.median,
            lowerQuartile: row.distribution.lowerQuartile,
            upperQuartile: row.distribution.upperQuartile,
          }
        : null,
    })),
    ratings: {
      faces: [1, 2, 3, 4, 5].map((face, index) => ({ face, cell: ratingCells[index] })),
      children: ratingCells[5],
      mean: statsShown(ratings.children) ? ratings.mean : null,
    },
    // Quotes carry no name or code; outside the team they also wait until five children are in scope.
    quotes: statsShown(childrenInScope) ? shareableQuotes(facts.programmes, period) : [],
  };
}
