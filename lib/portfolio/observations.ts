import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canObserve, observationsVisibleTo, placementOpenForPortfolio } from "@/lib/access/portfolio";
import { conflict, forbidden, notFound, parseInput } from "@/lib/errors";
import { changedFields, createdFields, writeAudit } from "@/lib/audit";
import { formatDate, fromIsoDate, todayInUk, toIsoDate, type IsoDate } from "@/lib/dates";
import { observationProgress } from "@/lib/portfolio/milestone-rules";
import {
  fieldProblem,
  milestoneFacts,
  placementForReviews,
  placementSummary,
  type ReviewPlacement,
} from "@/lib/portfolio/review-placement";
import { planObservationSchema, updateObservationSchema } from "@/lib/validations/observation";
import { notify } from "@/lib/notifications/notifications";

// Direct observations (DOMAIN.md "Milestones and assessment"): the current PE
// or the on-site supervisor observes; the student prepares before and reflects
// after; the observer's feedback, mapped to PCF domains, makes it "done". Each
// part is written by its author only. The team manager reads none of it.

/** The placement, if the user may read its observations (404 otherwise, the admin included). */
async function placementForObservations(tx: Tx, user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  if (user.role === "ADMIN") throw notFound("That placement's observations");
  return placementForReviews(tx, user, placementId);
}

/** The PCF domains of the version in force on a date: an observation is judged by the framework of its day. */
export async function pcfDomainsOn(tx: Tx, date: IsoDate) {
  const day = fromIsoDate(date);
  const framework = await tx.framework.findFirst({
    where: { code: "PCF", effectiveFrom: { lte: day }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: day } }] },
    orderBy: { effectiveFrom: "desc" },
    include: { items: { orderBy: { number: "asc" }, select: { id: true, number: true, code: true, name: true } } },
  });
  return framework ? { frameworkId: framework.id, version: framework.version, items: framework.items } : null;
}

function checkDate(placement: ReviewPlacement, observedOn: IsoDate) {
  const start = toIsoDate(placement.startDate);
  const end = toIsoDate(placement.endDate);
  if (observedOn < start || observedOn > end)
    throw fieldProblem(
      "observedOn",
      `The observation must fall within the placement (${formatDate(start)} to ${formatDate(end)})`,
    );
}

const link = (id: string) => `/observations/${id}`;

/** The current PE or the on-site supervisor plans an observation they will make themselves. */
export async function planObservation(user: SessionUser, placementId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = parseInput(planObservationSchema, input);
  return getDb().$transaction(async (tx) => {
    const placement = await placementForObservations(tx, user, placementId);
    if (!canObserve(user, placement))
      throw forbidden(
        "Only the placement's current practice educator or on-site supervisor plans a direct observation, while the placement is open.",
      );
    checkDate(placement, data.observedOn);
    const observation = await tx.directObservation.create({
      data: {
        placementId: placement.id,
        observerId: user.id,
        createdById: user.id,
        observedOn: fromIsoDate(data.observedOn),
        activity: data.activity,
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "DirectObservation",
      entityId: observation.id,
      changes: createdFields(observation),
    });
    await notify(tx, [placement.studentId], {
      kind: "OBSERVATION_PLANNED",
      title: `Direct observation planned for ${formatDate(data.observedOn)}`,
      body: `${user.name} will observe: ${data.activity}. Write your preparation before the observation.`,
      link: link(observation.id),
    });
    return { id: observation.id, version: observation.version };
  });
}

async function loadObservation(tx: Tx, user: SessionUser, observationId: string) {
  assertVerifiedUser(user);
  const observation = await tx.directObservation.findFirst({
    where: { AND: [observationsVisibleTo(user), { id: String(observationId) }] },
    include: {
      observer: { select: { id: true, name: true, role: true } },
      domains: { include: { frameworkItem: { select: { id: true, number: true, code: true, name: true } } } },
    },
  });
  if (!observation) throw notFound("That observation");
  return observation;
}

type ObservationRow = Awaited<ReturnType<typeof loadObservation>>;

/** Who may write which part of an observation. */
function permissionsFor(user: SessionUser, observation: ObservationRow, placement: ReviewPlacement) {
  const open = placementOpenForPortfolio(placement);
  const isObserver = observation.observerId === user.id && canObserve(user, placement);
  const isStudent = user.role === "STUDENT" && placement.studentId === user.id && open;
  const happened = toIsoDate(observation.observedOn) <= todayInUk();
  return {
    canEditPlan: isObserver && observation.feedbackAt === null,
    canWritePreparation: isStudent && observation.feedbackAt === null,
    canWriteFeedback: isObserver && happened,
    canWriteReflection: isStudent && happened,
  };
}

function toDto(observation: ObservationRow) {
  return {
    id: observation.id,
    placementId: observation.placementId,
    observedOn: toIsoDate(observation.observedOn),
    activity: observation.activity,
    observer: { id: observation.observer.id, name: observation.observer.name, role: observation.observer.role },
    preparationNote: observation.preparationNote,
    feedback: observation.feedback,
    feedbackAt: observation.feedbackAt?.toISOString() ?? null,
    done: observation.feedbackAt !== null,
    reflection: observation.reflection,
    domains: observation.domains
      .map((domain) => ({
        frameworkItemId: domain.frameworkItemId,
        number: domain.frameworkItem.number,
        code: domain.frameworkItem.code,
        name: domain.frameworkItem.name,
        note: domain.note,
      }))
      .sort((a, b) => a.number - b.number),
    version: observation.version,
    updatedAt: observation.updatedAt.toISOString(),
  };
}

export type ObservationDto = ReturnType<typeof toDto>;

/** A placement's observations, with progress against the number required ("2 of 3 done"). */
export async function listObservations(user: SessionUser, placementId: string) {
  const db = getDb();
  const placement = await placementForObservations(db, user, placementId);
  const [rows, facts] = await Promise.all([
    db.directObservation.findMany({
      where: { AND: [observationsVisibleTo(user), { placementId: placement.id }] },
      orderBy: [{ observedOn: "asc" }, { createdAt: "asc" }],
      include: {
        observer: { select: { id: true, name: true, role: true } },
        domains: { include: { frameworkItem: { select: { id: true, number: true, code: true, name: true } } } },
      },
    }),
    milestoneFacts(db, placement),
  ]);
  const observations = rows.map(toDto);
  const progress = observationProgress({
    required: placement.observationsRequired,
    observations: observations.map((observation) => ({
      observedOn: observation.observedOn,
      feedbackGiven: observation.done,
    })),
    midpointDueDate: facts.midpointDueDate,
    midpointHeldOn: facts.heldOn.MIDPOINT_REVIEW ?? null,
    today: todayInUk(),
  });
  return {
    placement: placementSummary(placement),
    progress: { ...progress, midpoint: facts.heldOn.MIDPOINT_REVIEW ?? facts.midpointDueDate },
    observations,
    permissions: { canPlan: canObserve(user, placement) },
  };
}

/** One observation, the PCF domains its feedback may map to, and what this user may write of it. */
export async function getObservation(user: SessionUser, observationId: string) {
  const db = getDb();
  const observation = await loadObservation(db, user, observationId);
  const placement = await placementForObservations(db, user, observation.placementId);
  const framework = await pcfDomainsOn(db, toIsoDate(observation.observedOn));
  return {
    observation: toDto(observation),
    placement: placementSummary(placement),
    framework,
    permissions: permissionsFor(user, observation, placement),
  };
}

const stale = () =>
  conflict(
    "Someone saved this observation after you opened it. Nothing of yours was saved: copy your text, reload, and add it again.",
  );

/** Writes one part of an observation: the observer's plan or feedback, the student's preparation or reflection. */
export async function updateObservation(user: SessionUser, observationId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = parseInput(updateObservationSchema, input);
  return getDb().$transaction(async (tx) => {
    const before = await loadObservation(tx, user, observationId);
    const placement = await placementForObservations(tx, user, before.placementId);
    const can = permissionsFor(user, before, placement);
    const isObserver = before.observerId === user.id;
    const isStudent = placement.studentId === user.id;
    let next: Record<string, unknown>;
    switch (data.part) {
      case "plan":
        if (!isObserver) throw forbidden("Only the observer changes the plan of an observation.");
        if (!can.canEditPlan)
          throw conflict("The feedback is written (or the placement has finished), so the plan can no longer change.");
        checkDate(placement, data.observedOn);
        next = { observedOn: fromIsoDate(data.observedOn), activity: data.activity };
        break;
      case "preparation":
        if (!isStudent) throw forbidden("Only the student writes the preparation for an observation.");
        if (!can.canWritePreparation)
          throw conflict(
            "The observer has written the feedback (or the placement has finished), so the preparation is closed.",
          );
        next = { preparationNote: data.preparationNote };
        break;
      case "feedback":
        if (!isObserver) throw forbidden("Only the observer writes the feedback on an observation.");
        if (!can.canWriteFeedback)
          throw conflict("Feedback can be written once the observation has happened, while the placement is open.");
        next = { feedback: data.feedback, feedbackAt: before.feedbackAt ?? new Date() };
        break;
      case "reflection":
        if (!isStudent) throw forbidden("Only the student writes the reflection on an observation.");
        if (!can.canWriteReflection)
          throw conflict(
            "The reflection can be written once the observation has happened, while the placement is open.",
          );
        next = { reflection: data.reflection };
        break;
    }
    if (before.version !== data.version) throw stale();

    let domainChanges: unknown;
    if (data.part === "feedback") {
      const framework = await pcfDomainsOn(tx, toIsoDate(before.observedOn));
      const allowed = new Set(framework?.items.map((item) => item.id) ?? []);
      const unknown = data.domains.filter((domain) => !allowed.has(domain.frameworkItemId));
      if (unknown.length > 0)
        throw fieldProblem("domains", "Choose PCF domains of the version in force on the day of the observation");
      domainChanges = {
        from: before.domains.map((domain) => ({ frameworkItemId: domain.frameworkItemId, note: domain.note })),
        to: data.domains,
      };
    }

    // The version in the where clause: the check and the write are one step.
    const { count } = await tx.directObservation.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw stale();
    if (data.part === "feedback") {
      await tx.observationDomain.deleteMany({ where: { observationId: before.id } });
      await tx.observationDomain.createMany({
        data: data.domains.map((domain) => ({
          observationId: before.id,
          frameworkItemId: domain.frameworkItemId,
          note: domain.note,
        })),
      });
    }
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "DirectObservation",
      entityId: before.id,
      changes: {
        ...changedFields(before, next),
        ...(domainChanges ? { domains: domainChanges } : {}),
        version: { from: data.version, to: data.version + 1 },
      },
    });
    if (data.part === "feedback") {
      await notify(tx, [placement.studentId], {
        kind: "OBSERVATION_FEEDBACK",
        title: before.feedbackAt ? "Observation feedback updated" : "Feedback on your direct observation",
        body: `${user.name} has written feedback on the observation of ${formatDate(toIsoDate(before.observedOn))}. Add your reflection.`,
        link: link(before.id),
      });
    }
    return { id: before.id, version: data.version + 1 };
  });
}
