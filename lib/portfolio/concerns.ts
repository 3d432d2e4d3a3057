import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import {
  canProgressConcern,
  canRaiseConcern,
  concernsVisibleTo,
  placementOpenForPortfolio,
} from "@/lib/access/portfolio";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { formatDate, fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import {
  applyConcernStep,
  CONCERN_OUTCOME_LABELS,
  concernActionDueProblem,
  concernStepDateProblem,
  CONCERN_STEP_LABELS,
  concernStateLabel,
  nextSteps,
  type ConcernOutcomeName,
  type ConcernStageName,
  type ConcernStatusName,
} from "@/lib/portfolio/concern-stages";
import {
  placementForReviews,
  placementSummary,
  teamAdminIds,
  type ReviewPlacement,
} from "@/lib/portfolio/review-placement";
import {
  concernActionDoneSchema,
  concernActionSchema,
  concernEventSchema,
  raiseConcernSchema,
} from "@/lib/validations/concern";
import { notify } from "@/lib/notifications/notifications";
import { namesFor, personFields, placementPeople, type Namer } from "@/lib/portfolio/people";

// Causes for concern (docs/domain.md "Observations, reviews, concerns and the
// final assessment"): raised by the PE, the on-site supervisor, the student or
// the tutor; run through their stages by the current PE or the tutor.
// Everyone on the placement and the team manager are told when one is raised,
// and see it on their home page until it is closed.

const link = (id: string) => `/concerns/${id}`;

/**
 * Who acted, as a notification to the placement's people says it: a tutor of
 * the university who is not the placement's own tutor is named by their role,
 * as the team cannot see their name elsewhere (lib/access/people.ts).
 */
async function actorWords(tx: Tx, user: SessionUser, placement: ReviewPlacement) {
  return (await placementPeople(tx, placement.id)).has(user.id) ? user.name : "A tutor of the student's university";
}

/** Everyone who should hear about a concern on this placement, except whoever acted. */
async function partiesOf(tx: Tx, placement: ReviewPlacement, actorId: string) {
  const admins = await teamAdminIds(tx, placement.teamId);
  return [
    placement.studentId,
    placement.currentPracticeEducatorId,
    placement.onsiteSupervisorId,
    placement.tutorId,
    ...admins,
  ].filter((id): id is string => Boolean(id) && id !== actorId);
}

/** The PE, the on-site supervisor, the student or the tutor raises a cause for concern; everyone on the placement is told. */
export const raiseConcern = command({
  parse: (placementId: string, body: unknown) => ({ placementId: parseId(placementId, "That placement"), body }),
  input: raiseConcernSchema,
  load: ({ tx, user }, input) => placementForReviews(tx, user, input.placementId),
  allow: (user, placement) =>
    canRaiseConcern(user, placement) ||
    "Only the placement's practice educator, on-site supervisor, student or tutor raises a cause for concern.",
  async run({ tx, user, audit, placementChanged }, placement, data) {
    if (!placementOpenForPortfolio(placement))
      throw conflict("The placement has finished: a cause for concern can no longer be raised on it.");
    const concern = await tx.causeForConcern.create({
      data: { placementId: placement.id, raisedById: user.id, summary: data.summary },
    });
    await audit.created("CauseForConcern", concern);
    placementChanged(placement.id);
    await notify(tx, await partiesOf(tx, placement, user.id), {
      kind: "CONCERN_RAISED",
      title: `Cause for concern raised: ${placement.student.name}`,
      body: `${await actorWords(tx, user, placement)} raised a cause for concern about ${placement.student.name}'s placement. A stage 1 meeting is the next step.`,
      link: link(concern.id),
    });
    return { id: concern.id, version: concern.version };
  },
});

async function loadConcern(tx: Tx, user: SessionUser, concernId: string) {
  assertVerifiedUser(user);
  const concern = await tx.causeForConcern.findFirst({
    where: { AND: [concernsVisibleTo(user), { id: concernId }] },
    include: {
      raisedBy: { select: personFields },
      events: { orderBy: [{ createdAt: "asc" }], include: { recordedBy: { select: personFields } } },
      actions: { orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (!concern) throw notFound("That cause for concern");
  return concern;
}

/** A concern the user may see, with its placement. */
async function concernInScope(tx: Tx, user: SessionUser, concernId: string) {
  const concern = await loadConcern(tx, user, concernId);
  const placement = await placementForReviews(tx, user, concern.placementId);
  return { concern, placement };
}

type ConcernInScope = Awaited<ReturnType<typeof concernInScope>>;

type ConcernRow = Awaited<ReturnType<typeof loadConcern>>;

function toSummary(concern: Omit<ConcernRow, "events" | "actions">, names: Namer) {
  const state = {
    stage: concern.stage as ConcernStageName,
    status: concern.status as ConcernStatusName,
    outcome: concern.outcome as ConcernOutcomeName | null,
  };
  return {
    id: concern.id,
    placementId: concern.placementId,
    summary: concern.summary,
    raisedAt: concern.raisedAt.toISOString(),
    raisedByName: names.name(concern.raisedBy),
    ...state,
    stateLabel: concernStateLabel(state),
    outcomeLabel: state.outcome ? CONCERN_OUTCOME_LABELS[state.outcome] : null,
    closedAt: concern.closedAt?.toISOString() ?? null,
    version: concern.version,
  };
}

function toDetail(concern: ConcernRow, names: Namer) {
  const today = todayInUk();
  return {
    ...toSummary(concern, names),
    events: concern.events.map((event) => ({
      id: event.id,
      stage: event.stage as ConcernStageName,
      stageLabel: CONCERN_STEP_LABELS[event.stage as ConcernStageName],
      heldOn: toIsoDate(event.heldOn),
      notes: event.notes,
      recordedByName: names.name(event.recordedBy),
      createdAt: event.createdAt.toISOString(),
    })),
    actions: concern.actions.map((action) => ({
      id: action.id,
      description: action.description,
      dueOn: toIsoDate(action.dueOn),
      doneAt: action.doneAt?.toISOString() ?? null,
      done: action.doneAt !== null,
      overdue: action.doneAt === null && toIsoDate(action.dueOn) < today,
    })),
  };
}

/** A placement's causes for concern, newest first. */
export async function listConcerns(user: SessionUser, placementId: string) {
  const db = getDb();
  const placement = await placementForReviews(db, user, parseId(placementId, "That placement"));
  const [rows, worksWith] = await Promise.all([
    db.causeForConcern.findMany({
      where: { AND: [concernsVisibleTo(user), { placementId: placement.id }] },
      orderBy: [{ raisedAt: "desc" }],
      include: { raisedBy: { select: personFields } },
    }),
    placementPeople(db, placement.id),
  ]);
  const names = namesFor(user, worksWith, placement);
  return {
    placement: placementSummary(placement),
    concerns: rows.map((row) => toSummary(row, names)),
    permissions: { canRaise: canRaiseConcern(user, placement) && placementOpenForPortfolio(placement) },
  };
}

export async function getConcern(user: SessionUser, concernId: string) {
  const db = getDb();
  const { concern, placement } = await concernInScope(db, user, parseId(concernId, "That cause for concern"));
  const names = namesFor(user, await placementPeople(db, placement.id), placement);
  const canProgress = canProgressConcern(user, placement) && concern.status === "OPEN";
  return {
    concern: toDetail(concern, names),
    placement: placementSummary(placement),
    nextSteps: nextSteps({ stage: concern.stage as ConcernStageName, status: concern.status as ConcernStatusName }),
    permissions: { canProgress, canManageActions: canProgress },
  };
}

const mayProgress =
  (refusal: string) =>
  (user: SessionUser, { placement }: ConcernInScope) =>
    canProgressConcern(user, placement) || refusal;

function assertOpen(concern: { status: string }) {
  if (concern.status !== "OPEN")
    throw conflict("This cause for concern is closed: its action plan can no longer change.");
}

/** Records the next step: the meeting held, the action plan agreed, the review, the outcome. Out of order is refused. */
export const recordConcernEvent = command({
  parse: (concernId: string, body: unknown) => ({ concernId: parseId(concernId, "That cause for concern"), body }),
  input: concernEventSchema,
  load: ({ tx, user }, input) => concernInScope(tx, user, input.concernId),
  allow: mayProgress(
    "Only the placement's current practice educator or the university tutor records the steps of a cause for concern.",
  ),
  version: ({ concern }, data) => ({
    entity: "CauseForConcern",
    id: concern.id,
    current: concern.version,
    expected: data.version,
    what: "this cause for concern",
    labels: { stage: "stage", status: "status", outcome: "outcome", closedAt: "status" },
  }),
  async run({ tx, user, audit, placementChanged }, { concern, placement }, data) {
    const result = applyConcernStep(
      {
        stage: concern.stage as ConcernStageName,
        status: concern.status as ConcernStatusName,
        actions: concern.actions.length,
      },
      { stage: data.stage, outcome: data.outcome },
    );
    if (!result.ok)
      throw concern.status !== "OPEN" ? conflict(result.reason) : fieldError(result.field ?? "stage", result.reason);
    const problem = concernStepDateProblem({
      heldOn: data.heldOn,
      raisedOn: toIsoDate(concern.raisedAt),
      earlierSteps: concern.events.map((event) => toIsoDate(event.heldOn)),
      today: todayInUk(),
    });
    if (problem) throw fieldError("heldOn", problem);

    const next = {
      stage: result.stage,
      status: result.status,
      outcome: result.outcome,
      closedAt: result.status === "RESOLVED" ? new Date() : null,
    };
    const { count } = await tx.causeForConcern.updateMany({
      where: { id: concern.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict(
        "Someone recorded a step on this cause for concern at the same moment. Nothing was saved: reload to see where it stands.",
      );
    const event = await tx.concernEvent.create({
      data: {
        concernId: concern.id,
        stage: data.stage,
        heldOn: fromIsoDate(data.heldOn),
        notes: data.notes,
        recordedById: user.id,
      },
    });
    await audit.created("ConcernEvent", event);
    await audit.updated("CauseForConcern", concern.id, concern, next, { from: data.version, to: data.version + 1 });
    placementChanged(placement.id);
    const stepLabel = CONCERN_STEP_LABELS[data.stage];
    await notify(tx, await partiesOf(tx, placement, user.id), {
      kind: result.status === "RESOLVED" ? "CONCERN_CLOSED" : "CONCERN_STEP",
      title:
        result.status === "RESOLVED"
          ? `Cause for concern closed: ${CONCERN_OUTCOME_LABELS[result.outcome ?? "RESOLVED"].toLowerCase()}`
          : `Cause for concern: ${stepLabel.toLowerCase()} recorded`,
      body: `${await actorWords(tx, user, placement)} recorded the ${stepLabel.toLowerCase()} (${formatDate(data.heldOn)}) on the cause for concern about ${placement.student.name}'s placement.`,
      link: link(concern.id),
    });
    return {
      id: concern.id,
      eventId: event.id,
      stage: result.stage,
      status: result.status,
      outcome: result.outcome,
      version: data.version + 1,
    };
  },
});

/** Adds an item to the action plan, with the date it is due. */
export const addConcernAction = command({
  parse: (concernId: string, body: unknown) => ({ concernId: parseId(concernId, "That cause for concern"), body }),
  input: concernActionSchema,
  load: ({ tx, user }, input) => concernInScope(tx, user, input.concernId),
  allow: mayProgress("Only the placement's current practice educator or the university tutor writes the action plan."),
  async run({ tx, audit, placementChanged }, { concern, placement }, data) {
    assertOpen(concern);
    const problem = concernActionDueProblem({ dueOn: data.dueOn, raisedOn: toIsoDate(concern.raisedAt) });
    if (problem) throw fieldError("dueOn", problem);
    const action = await tx.concernAction.create({
      data: { concernId: concern.id, description: data.description, dueOn: fromIsoDate(data.dueOn) },
    });
    await audit.created("ConcernAction", action);
    placementChanged(placement.id);
    return { id: action.id };
  },
});

/** Marks an action done (or not done again). */
export const setConcernActionDone = command({
  parse: (actionId: string, body: unknown) => ({ actionId: parseId(actionId, "That action"), body }),
  input: concernActionDoneSchema,
  async load({ tx, user }, input) {
    const action = await tx.concernAction.findFirst({
      where: { id: input.actionId, concern: concernsVisibleTo(user) },
    });
    if (!action) throw notFound("That action");
    return { action, ...(await concernInScope(tx, user, action.concernId)) };
  },
  allow: mayProgress("Only the placement's current practice educator or the university tutor updates the action plan."),
  async run({ tx, audit, placementChanged }, { action, concern, placement }, data) {
    assertOpen(concern);
    const next = { doneAt: data.done ? (action.doneAt ?? new Date()) : null };
    await tx.concernAction.update({ where: { id: action.id }, data: next });
    await audit.updated("ConcernAction", action.id, action, next);
    placementChanged(placement.id);
    return { id: action.id, done: data.done };
  },
});

/** Open causes for concern on every placement the user can see: the home page notice. */
export async function openConcernsFor(user: SessionUser) {
  assertVerifiedUser(user);
  const rows = await getDb().causeForConcern.findMany({
    where: { AND: [concernsVisibleTo(user), { status: "OPEN" }] },
    orderBy: { raisedAt: "asc" },
    take: 50,
    include: { placement: { select: { id: true, student: { select: { name: true } } } } },
  });
  return rows.map((row) => ({
    id: row.id,
    placementId: row.placementId,
    studentName: row.placement.student.name,
    raisedAt: row.raisedAt.toISOString(),
    stateLabel: concernStateLabel({ stage: row.stage as ConcernStageName, status: "OPEN", outcome: null }),
  }));
}
