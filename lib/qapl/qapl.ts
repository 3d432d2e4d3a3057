import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import {
  canReadQaplAnswers,
  canSeeQaplBoard,
  canSubmitQapl,
  qaplEvaluationsForBoard,
  qaplRespondentFor,
  type QaplPlacement,
} from "@/lib/access/qapl";
import { command, parseId } from "@/lib/core/command";
import { conflict, forbidden, notFound, parseInput } from "@/lib/errors";
import { toCsv } from "@/lib/export/csv";
import { toIsoDate, todayInUk } from "@/lib/dates";
import { qaplEvaluationSchema } from "@/lib/validations/qapl";
import {
  academicYearOf,
  aggregateRatings,
  QAPL_MINIMUM_GROUP,
  QAPL_QUESTIONS,
  QAPL_RESPONDENT_LABELS,
  type QaplAggregate,
  type QaplRespondentName,
} from "@/lib/qapl/questions";

// QAPL evaluations of finished placements, and the board's overview
// (docs/domain.md "QAPL evaluations"; access in lib/access/qapl.ts).

async function qaplPlacement(tx: Tx, user: SessionUser, placementId: string) {
  const placement = await tx.placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id: placementId }] },
    select: {
      id: true,
      studentId: true,
      teamId: true,
      status: true,
      endDate: true,
      setting: true,
      student: { select: { name: true, studentProfile: { select: { universityId: true } } } },
      practiceEducators: { orderBy: { startDate: "desc" }, take: 1, select: { practiceEducatorId: true } },
    },
  });
  if (!placement) throw notFound("That placement");
  const forAccess: QaplPlacement = {
    studentId: placement.studentId,
    teamId: placement.teamId,
    status: placement.status,
    universityId: placement.student.studentProfile?.universityId ?? "",
    lastPracticeEducatorId: placement.practiceEducators[0]?.practiceEducatorId ?? null,
  };
  return { placement, forAccess };
}

/** A party to a finished placement submits their QAPL evaluation, once. */
export const submitQaplEvaluation = command({
  parse: (placementId: string, body: unknown) => ({ placementId: parseId(placementId, "That placement"), raw: body }),
  load: ({ tx, user }, { placementId }) => qaplPlacement(tx, user, placementId),
  allow: (user, { forAccess }) => canSubmitQapl(user, forAccess),
  async run({ tx, user, audit }, { placement, forAccess }, { raw }) {
    const respondent = qaplRespondentFor(user, forAccess)!;
    const input = parseInput(qaplEvaluationSchema(respondent), raw);
    const existing = await tx.qaplEvaluation.findUnique({
      where: { placementId_respondent: { placementId: placement.id, respondent } },
      select: { id: true },
    });
    if (existing) throw conflict("This placement already has your QAPL evaluation: it cannot be submitted twice.");
    const created = await tx.qaplEvaluation.create({
      data: {
        placementId: placement.id,
        respondent,
        authorId: user.id,
        ratings: input.ratings,
        comments: input.comments,
      },
    });
    await audit.created("QaplEvaluation", created);
    return { id: created.id };
  },
});

/** The QAPL page of a placement: the user's own form, and the evaluations they may read one by one. */
export async function getQaplForPlacement(user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  const db = getDb();
  const { placement, forAccess } = await qaplPlacement(db, user, parseId(placementId, "That placement"));
  const evaluations = await db.qaplEvaluation.findMany({
    where: { placementId: placement.id },
    orderBy: { submittedAt: "asc" },
  });
  const respondent = qaplRespondentFor(user, forAccess);
  const canSubmit = canSubmitQapl(user, forAccess);
  const mine = respondent ? evaluations.find((evaluation) => evaluation.respondent === respondent) : undefined;
  return {
    placement: {
      id: placement.id,
      studentName: placement.student.name,
      setting: placement.setting,
      endDate: toIsoDate(placement.endDate),
      status: placement.status,
    },
    respondent,
    /** True, or why not: shown when the user is a party but cannot submit (yet). */
    canSubmit: mine ? "You have submitted your evaluation." : canSubmit,
    questions: respondent ? QAPL_QUESTIONS[respondent] : [],
    /** Which parties have submitted: everyone on the placement may know that much. */
    submitted: (["STUDENT", "PRACTICE_EDUCATOR", "PROVIDER"] as const).map((party) => ({
      respondent: party,
      at: evaluations.find((evaluation) => evaluation.respondent === party)?.submittedAt ?? null,
    })),
    readable: evaluations
      .filter((evaluation) => canReadQaplAnswers(user, forAccess, evaluation.respondent))
      .map((evaluation) => ({
        respondent: evaluation.respondent,
        submittedAt: evaluation.submittedAt,
        comments: evaluation.comments,
        answers: QAPL_QUESTIONS[evaluation.respondent].map((question) => ({
          ...question,
          rating: (evaluation.ratings as Record<string, number>)[question.code] ?? null,
        })),
      })),
  };
}

/** Finished placements waiting for the user's evaluation: a link on their QAPL page. */
export async function qaplDueFor(user: SessionUser) {
  assertVerifiedUser(user);
  const placements = await getDb().placement.findMany({
    where: { AND: [placementsVisibleTo(user), { status: { in: ["COMPLETED", "ENDED_EARLY"] } }] },
    orderBy: { endDate: "desc" },
    select: {
      id: true,
      studentId: true,
      teamId: true,
      status: true,
      endDate: true,
      student: { select: { name: true, studentProfile: { select: { universityId: true } } } },
      practiceEducators: { orderBy: { startDate: "desc" }, take: 1, select: { practiceEducatorId: true } },
      qaplEvaluations: { select: { respondent: true } },
    },
  });
  return placements.flatMap((placement) => {
    const respondent = qaplRespondentFor(user, {
      studentId: placement.studentId,
      teamId: placement.teamId,
      status: placement.status,
      universityId: placement.student.studentProfile?.universityId ?? "",
      lastPracticeEducatorId: placement.practiceEducators[0]?.practiceEducatorId ?? null,
    });
    if (!respondent || placement.qaplEvaluations.some((evaluation) => evaluation.respondent === respondent)) return [];
    return [{ placementId: placement.id, studentName: placement.student.name, endDate: toIsoDate(placement.endDate) }];
  });
}

export type QaplBoardRow = {
  group: "team" | "practice educator";
  name: string;
  year: string;
  student: QaplAggregate;
  practiceEducator: QaplAggregate;
  provider: QaplAggregate;
};

/**
 * The QAPL board's overview: per team and per practice educator, per academic
 * year, the mean rating of each question. Student answers are shown only for
 * groups of at least QAPL_MINIMUM_GROUP students, for everyone: the overview
 * is what the board and the team see.
 */
export async function qaplBoard(user: SessionUser): Promise<QaplBoardRow[]> {
  assertVerifiedUser(user);
  if (!canSeeQaplBoard(user)) throw forbidden("The QAPL overview is for the university's tutors and the team manager.");
  const evaluations = await getDb().qaplEvaluation.findMany({
    where: qaplEvaluationsForBoard(user),
    select: {
      respondent: true,
      ratings: true,
      placement: {
        select: {
          endDate: true,
          team: { select: { name: true } },
          practiceEducators: {
            orderBy: { startDate: "desc" },
            take: 1,
            select: { practiceEducator: { select: { name: true } } },
          },
        },
      },
    },
  });
  const groups = new Map<
    string,
    { group: QaplBoardRow["group"]; name: string; year: string; rows: typeof evaluations }
  >();
  for (const evaluation of evaluations) {
    const year = academicYearOf(toIsoDate(evaluation.placement.endDate));
    const pe = evaluation.placement.practiceEducators[0]?.practiceEducator.name ?? "No practice educator";
    for (const [group, name] of [
      ["team", evaluation.placement.team.name],
      ["practice educator", pe],
    ] as const) {
      const key = `${group}|${name}|${year}`;
      if (!groups.has(key)) groups.set(key, { group, name, year, rows: [] });
      groups.get(key)!.rows.push(evaluation);
    }
  }
  const of = (rows: typeof evaluations, respondent: QaplRespondentName, minimum: number) =>
    aggregateRatings(
      rows
        .filter((row) => row.respondent === respondent)
        .map((row) => ({ ratings: row.ratings as Record<string, unknown> })),
      QAPL_QUESTIONS[respondent],
      minimum,
    );
  return [...groups.values()]
    .sort((a, b) => a.group.localeCompare(b.group) || b.year.localeCompare(a.year) || a.name.localeCompare(b.name))
    .map(({ group, name, year, rows }) => ({
      group,
      name,
      year,
      student: of(rows, "STUDENT", QAPL_MINIMUM_GROUP),
      practiceEducator: of(rows, "PRACTICE_EDUCATOR", 1),
      provider: of(rows, "PROVIDER", 1),
    }));
}

/** The overview as CSV for the QAPL board's papers: one row per group and question; suppressed cells are blank. */
export async function qaplBoardCsv(user: SessionUser) {
  const rows = await qaplBoard(user);
  const lines: Array<Array<string | number | null>> = [];
  for (const row of rows)
    for (const respondent of ["STUDENT", "PRACTICE_EDUCATOR", "PROVIDER"] as const) {
      const aggregate =
        respondent === "STUDENT"
          ? row.student
          : respondent === "PRACTICE_EDUCATOR"
            ? row.practiceEducator
            : row.provider;
      for (const question of QAPL_QUESTIONS[respondent])
        lines.push([
          row.group,
          row.name,
          row.year,
          QAPL_RESPONDENT_LABELS[respondent],
          question.text,
          aggregate.responses,
          aggregate.suppressed ? `fewer than ${QAPL_MINIMUM_GROUP} responses` : aggregate.averages[question.code],
        ]);
    }
  return {
    filename: `qapl-overview-${todayInUk()}.csv`,
    body: toCsv(["Group", "Name", "Academic year", "Respondent", "Question", "Responses", "Mean rating (1–5)"], lines),
  };
}
