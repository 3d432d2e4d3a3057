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
import { conflict, forbidden, notFound, parseInput } from "@/lib/errors";
import { changedFields, createdFields, writeAudit } from "@/lib/audit";
import { formatDate, fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import {
  applyConcernStep,
  CONCERN_OUTCOME_LABELS,
  CONCERN_STEP_LABELS,
  concernStateLabel,
  nextSteps,
  type ConcernOutcomeName,
  type ConcernStageName,
  type ConcernStatusName,
} from "@/lib/portfolio/concern-stages";
import {
  fieldProblem,
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

// Causes for concern (DOMAIN.md "Milestones and assessment"): raised by the
// PE, the on-site supervisor, the student or the tutor; run through their
// stages by the current PE or the tutor. Everyone on the placement and the
// team manager are told when one is raised, and see it on their home page
// until it is closed.

const link = (id: string) => `/concerns/${id}`;

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

export async function raiseConcern(user: SessionUser, placementId: string, input: unknown) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    // Who may comes before what they sent: someone who may not raise one learns nothing from a validation message.
    const placement = await placementForReviews(tx, user, placementId);
    if (!canRaiseConcern(user, placement))
      throw forbidden(
        "Only the placement's practice educator, on-site supervisor, student or tutor raises a cause for concern.",
      );
    if (!placementOpenForPortfolio(placement))
      throw conflict("The placement has finished: a cause for concern can no longer be raised on it.");
    const data = parseInput(raiseConcernSchema, input);
    const concern = await tx.causeForConcern.create({
      data: { placementId: placement.id, raisedById: user.id, summary: data.summary },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "CauseForConcern",
      entityId: concern.id,
      changes: createdFields(concern),
    });
    await notify(tx, await partiesOf(tx, placement, user.id), {
      kind: "CONCERN_RAISED",
      title: `Cause for concern raised: ${placement.student.name}`,
      body: `${user.name} raised a cause for concern about ${placement.student.name}'s placement. A stage 1 meeting is the next step.`,
      link: link(concern.id),
    });
    return { id: concern.id, version: concern.version };
  });
}

async function loadConcern(tx: Tx, user: SessionUser, concernId: string) {
  assertVerifiedUser(user);
  const concern = await tx.causeForConcern.findFirst({
    where: { AND: [concernsVisibleTo(user), { id: String(concernId) }] },
    include: {
      raisedBy: { select: { name: true, role: true } },
      events: { orderBy: [{ createdAt: "asc" }], include: { recordedBy: { select: { name: true } } } },
      actions: { orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (!concern) throw notFound("That cause for concern");
  return concern;
}

type ConcernRow = Awaited<ReturnType<typeof loadConcern>>;

function toSummary(concern: Omit<ConcernRow, "events" | "actions">) {
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
    raisedByName: concern.raisedBy.name,
    ...state,
    stateLabel: concernStateLabel(state),
    outcomeLabel: state.outcome ? CONCERN_OUTCOME_LABELS[state.outcome] : null,
    closedAt: concern.closedAt?.toISOString() ?? null,
    version: concern.version,
  };
}

function toDetail(concern: ConcernRow) {
  const today = todayInUk();
  return {
    ...toSummary(concern),
    events: concern.events.map((event) => ({
      id: event.id,
      stage: event.stage as ConcernStageName,
      stageLabel: CONCERN_STEP_LABELS[event.stage as ConcernStageName],
      heldOn: toIsoDate(event.heldOn),
      notes: event.notes,
      recordedByName: event.recordedBy.name,
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
  const placement = await placementForReviews(db, user, placementId);
  const rows = await db.causeForConcern.findMany({
    where: { AND: [concernsVisibleTo(user), { placementId: placement.id }] },
    orderBy: [{ raisedAt: "desc" }],
    include: { raisedBy: { select: { name: true, role: true } } },
  });
  return {
    placement: placementSummary(placement),
    concerns: rows.map(toSummary),
    permissions: { canRaise: canRaiseConcern(user, placement) && placementOpenForPortfolio(placement) },
  };
}

export async function getConcern(user: SessionUser, concernId: string) {
  const db = getDb();
  const concern = await loadConcern(db, user, concernId);
  const placement = await placementForReviews(db, user, concern.placementId);
  const canProgress = canProgressConcern(user, placement) && concern.status === "OPEN";
  return {
    concern: toDetail(concern),
    placement: placementSummary(placement),
    nextSteps: nextSteps({ stage: concern.stage as ConcernStageName, status: concern.status as ConcernStatusName }),
    permissions: { canProgress, canManageActions: canProgress },
  };
}

const staleConcern = () =>
  conflict(
    "Someone recorded a step on this cause for concern after you opened it. Nothing was saved: reload to see where it stands.",
  );

/** Records the next step: the meeting held, the action plan agreed, the review, the outcome. Out of order is refused. */
export async function recordConcernEvent(user: SessionUser, concernId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = parseInput(concernEventSchema, input);
  return getDb().$transaction(async (tx) => {
    const concern = await loadConcern(tx, user, concernId);
    const placement = await placementForReviews(tx, user, concern.placementId);
    if (!canProgressConcern(user, placement))
      throw forbidden(
        "Only the placement's current practice educator or the university tutor records the steps of a cause for concern.",
      );
    if (concern.version !== data.version) throw staleConcern();
    const result = applyConcernStep(
      {
        stage: concern.stage as ConcernStageName,
        status: concern.status as ConcernStatusName,
        actions: concern.actions.length,
      },
      { stage: data.stage as ConcernStageName, outcome: data.outcome as ConcernOutcomeName | null },
    );
    if (!result.ok)
      throw concern.status !== "OPEN" ? conflict(result.reason) : fieldProblem(result.field ?? "stage", result.reason);
    const raisedOn = toIsoDate(concern.raisedAt);
    const lastOn = concern.events.reduce(
      (latest, event) => (toIsoDate(event.heldOn) > latest ? toIsoDate(event.heldOn) : latest),
      raisedOn,
    );
    if (data.heldOn > todayInUk()) throw fieldProblem("heldOn", "Record a step once it has happened");
    if (data.heldOn < lastOn)
      throw fieldProblem("heldOn", `The date cannot be before the last step (${formatDate(lastOn)})`);

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
    if (count === 0) throw staleConcern();
    const event = await tx.concernEvent.create({
      data: {
        concernId: concern.id,
        stage: data.stage as ConcernStageName,
        heldOn: fromIsoDate(data.heldOn),
        notes: data.notes,
        recordedById: user.id,
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "ConcernEvent",
      entityId: event.id,
      changes: createdFields(event),
    });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "CauseForConcern",
      entityId: concern.id,
      changes: { ...changedFields(concern, next), version: { from: data.version, to: data.version + 1 } },
    });
    const stepLabel = CONCERN_STEP_LABELS[data.stage as ConcernStageName];
    await notify(tx, await partiesOf(tx, placement, user.id), {
      kind: result.status === "RESOLVED" ? "CONCERN_CLOSED" : "CONCERN_STEP",
      title:
        result.status === "RESOLVED"
          ? `Cause for concern closed: ${CONCERN_OUTCOME_LABELS[result.outcome ?? "RESOLVED"].toLowerCase()}`
          : `Cause for concern: ${stepLabel.toLowerCase()} recorded`,
      body: `${user.name} recorded the ${stepLabel.toLowerCase()} (${formatDate(data.heldOn)}) on the cause for concern about ${placement.student.name}'s placement.`,
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
  });
}

/** Adds an item to the action plan, with the date it is due. */
export async function addConcernAction(user: SessionUser, concernId: string, input: unknown) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const concern = await loadConcern(tx, user, concernId);
    const placement = await placementForReviews(tx, user, concern.placementId);
    if (!canProgressConcern(user, placement))
      throw forbidden("Only the placement's current practice educator or the university tutor writes the action plan.");
    const data = parseInput(concernActionSchema, input);
    if (concern.status !== "OPEN")
      throw conflict("This cause for concern is closed: its action plan can no longer change.");
    const raisedOn = toIsoDate(concern.raisedAt);
    if (data.dueOn < raisedOn)
      throw fieldProblem("dueOn", `The due date cannot be before the concern was raised (${formatDate(raisedOn)})`);
    const action = await tx.concernAction.create({
      data: { concernId: concern.id, description: data.description, dueOn: fromIsoDate(data.dueOn) },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "ConcernAction",
      entityId: action.id,
      changes: createdFields(action),
    });
    return { id: action.id };
  });
}

/** Marks an action done (or not done again). */
export async function setConcernActionDone(user: SessionUser, actionId: string, input: unknown) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const action = await tx.concernAction.findFirst({
      where: { id: String(actionId), concern: concernsVisibleTo(user) },
    });
    if (!action) throw notFound("That action");
    const concern = await loadConcern(tx, user, action.concernId);
    const placement = await placementForReviews(tx, user, concern.placementId);
    if (!canProgressConcern(user, placement))
      throw forbidden(
        "Only the placement's current practice educator or the university tutor updates the action plan.",
      );
    const data = parseInput(concernActionDoneSchema, input);
    if (concern.status !== "OPEN")
      throw conflict("This cause for concern is closed: its action plan can no longer change.");
    const next = { doneAt: data.done ? (action.doneAt ?? new Date()) : null };
    await tx.concernAction.update({ where: { id: action.id }, data: next });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "ConcernAction",
      entityId: action.id,
      changes: changedFields(action, next),
    });
    return { id: action.id, done: data.done };
  });
}

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
