import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import {
  canObserve,
  isObserverOf,
  isStudentOf,
  observationPermissions,
  observationsVisibleTo,
  readsPortfolioContent,
} from "@/lib/access/portfolio";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { formatDate, fromIsoDate, todayInUk, toIsoDate, type IsoDate } from "@/lib/dates";
import { frameworkInForce } from "@/lib/frameworks/frameworks";
import { observationProgress } from "@/lib/portfolio/milestone-rules";
import {
  milestoneFacts,
  placementForReviews,
  placementSummary,
  type ReviewPlacement,
} from "@/lib/portfolio/review-placement";
import { OBSERVATION_PARTS, planObservationSchema, updateObservationSchema } from "@/lib/validations/observation";
import { choiceIn } from "@/lib/validations/known-fields";
import { notify } from "@/lib/notifications/notifications";
import { namesFor, personFields, placementPeople, type Namer } from "@/lib/portfolio/people";

// Direct observations (docs/domain.md "Observations, reviews, concerns and
// the final assessment"): the current PE or the on-site supervisor observes;
// the student prepares before and reflects after; the observer's feedback,
// mapped to PCF domains, makes it "done". Each part is written by its author
// only. The team manager reads none of it.

/** The placement, if the user may read its observations (404 otherwise, the admin included). */
async function placementForObservations(tx: Tx, user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  if (!readsPortfolioContent(user)) throw notFound("That placement's observations");
  return placementForReviews(tx, user, placementId);
}

/** The PCF domains of the version in force on a date: an observation is judged by the framework of its day. */
export async function pcfDomainsOn(tx: Tx, date: IsoDate) {
  const framework = await frameworkInForce(tx, "PCF", date);
  if (!framework) return null;
  return {
    frameworkId: framework.id,
    version: framework.version,
    items: framework.items.map(({ id, number, code, name }) => ({ id, number, code, name })),
  };
}

/** An observation falls within its placement, first day and last day included. */
function assertWithinPlacement(placement: ReviewPlacement, observedOn: IsoDate) {
  const start = toIsoDate(placement.startDate);
  const end = toIsoDate(placement.endDate);
  if (observedOn < start || observedOn > end)
    throw fieldError(
      "observedOn",
      `The observation must fall within the placement (${formatDate(start)} to ${formatDate(end)})`,
    );
}

const link = (id: string) => `/observations/${id}`;

const OBSERVER_ROLE_LABELS: Record<string, string> = {
  ONSITE_SUPERVISOR: "on-site supervisor",
  PRACTICE_EDUCATOR: "practice educator",
};

const observationInclude = {
  observer: { select: personFields },
  domains: { include: { frameworkItem: { select: { id: true, number: true, code: true, name: true } } } },
} as const;

async function observationInScope(tx: Tx, user: SessionUser, observationId: string) {
  assertVerifiedUser(user);
  const observation = await tx.directObservation.findFirst({
    where: { AND: [observationsVisibleTo(user), { id: observationId }] },
    include: observationInclude,
  });
  if (!observation) throw notFound("That observation");
  const placement = await placementForObservations(tx, user, observation.placementId);
  return { observation, placement };
}

type ObservationRow = Awaited<ReturnType<typeof observationInScope>>["observation"];

function permissionsOf(user: SessionUser, observation: ObservationRow, placement: ReviewPlacement) {
  return observationPermissions(
    user,
    { ...observation, observedOn: toIsoDate(observation.observedOn) },
    placement,
    todayInUk(),
  );
}

function toDto(observation: ObservationRow, names: Namer) {
  return {
    id: observation.id,
    placementId: observation.placementId,
    observedOn: toIsoDate(observation.observedOn),
    activity: observation.activity,
    observer: {
      id: names.idOf(observation.observer),
      name: names.name(observation.observer),
      role: observation.observer.role,
      roleLabel: OBSERVER_ROLE_LABELS[observation.observer.role] ?? "observer",
    },
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

/** A placement's observations, with progress against the number required ("2 of 3 done"). */
export async function listObservations(user: SessionUser, placementId: string) {
  const db = getDb();
  const placement = await placementForObservations(db, user, parseId(placementId, "That placement"));
  const [rows, facts, worksWith] = await Promise.all([
    db.directObservation.findMany({
      where: { AND: [observationsVisibleTo(user), { placementId: placement.id }] },
      orderBy: [{ observedOn: "asc" }, { createdAt: "asc" }],
      include: observationInclude,
    }),
    milestoneFacts(db, placement),
    placementPeople(db, placement.id),
  ]);
  const names = namesFor(user, worksWith, placement);
  const observations = rows.map((row) => toDto(row, names));
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
  const { observation, placement } = await observationInScope(db, user, parseId(observationId, "That observation"));
  const [framework, worksWith] = await Promise.all([
    pcfDomainsOn(db, toIsoDate(observation.observedOn)),
    placementPeople(db, placement.id),
  ]);
  return {
    observation: toDto(observation, namesFor(user, worksWith, placement)),
    placement: placementSummary(placement),
    framework,
    permissions: permissionsOf(user, observation, placement),
  };
}

/** The current PE or the on-site supervisor plans an observation they will make themselves. */
export const planObservation = command({
  parse: (placementId: string, body: unknown) => ({ placementId: parseId(placementId, "That placement"), body }),
  input: planObservationSchema,
  load: ({ tx, user }, input) => placementForObservations(tx, user, input.placementId),
  allow: (user, placement) =>
    canObserve(user, placement) ||
    "Only the placement's current practice educator or on-site supervisor plans a direct observation, while the placement is open.",
  async run({ tx, user, audit, placementChanged }, placement, data) {
    assertWithinPlacement(placement, data.observedOn);
    const observation = await tx.directObservation.create({
      data: {
        placementId: placement.id,
        observerId: user.id,
        createdById: user.id,
        observedOn: fromIsoDate(data.observedOn),
        activity: data.activity,
      },
    });
    await audit.created("DirectObservation", observation);
    placementChanged(placement.id);
    await notify(tx, [placement.studentId], {
      kind: "OBSERVATION_PLANNED",
      title: `Direct observation planned for ${formatDate(data.observedOn)}`,
      body: `${user.name} will observe: ${data.activity}. Write your preparation before the observation.`,
      link: link(observation.id),
    });
    return { id: observation.id, version: observation.version };
  },
});

/** Who writes each part: the observer the plan and the feedback, the student the preparation and the reflection. */
const PART_AUTHORS = {
  plan: { author: "observer", refusal: "Only the observer changes the plan of an observation." },
  preparation: { author: "student", refusal: "Only the student writes the preparation for an observation." },
  feedback: { author: "observer", refusal: "Only the observer writes the feedback on an observation." },
  reflection: { author: "student", refusal: "Only the student writes the reflection on an observation." },
} as const;

/** Writes one part of an observation: the observer's plan or feedback, the student's preparation or reflection. */
export const updateObservation = command({
  parse: (observationId: string, body: unknown) => ({
    observationId: parseId(observationId, "That observation"),
    part: choiceIn(body, "part", OBSERVATION_PARTS),
    body,
  }),
  input: updateObservationSchema,
  load: ({ tx, user }, input) => observationInScope(tx, user, input.observationId),
  // Each part has its author; a body naming no part is refused by its schema, once the user writes any part.
  allow: (user, { observation, placement }, { part }) => {
    if (!part)
      return (
        isObserverOf(user, observation) ||
        isStudentOf(user, placement) ||
        "Only the observer and the student write an observation."
      );
    const { author, refusal } = PART_AUTHORS[part];
    return (author === "observer" ? isObserverOf(user, observation) : isStudentOf(user, placement)) || refusal;
  },
  version: ({ observation }, data) => ({
    entity: "DirectObservation",
    id: observation.id,
    current: observation.version,
    expected: data.version,
    what: "this observation",
    labels: {
      observedOn: "date",
      activity: "activity",
      preparationNote: "preparation",
      feedback: "feedback",
      feedbackAt: "feedback",
      domains: "PCF domains",
      reflection: "reflection",
    },
  }),
  async run({ tx, user, audit, placementChanged }, { observation: before, placement }, data) {
    const can = permissionsOf(user, before, placement);
    let next: Record<string, unknown>;
    switch (data.part) {
      case "plan":
        if (!can.canEditPlan)
          throw conflict("The feedback is written (or the placement has finished), so the plan can no longer change.");
        assertWithinPlacement(placement, data.observedOn);
        next = { observedOn: fromIsoDate(data.observedOn), activity: data.activity };
        break;
      case "preparation":
        if (!can.canWritePreparation)
          throw conflict(
            "The observer has written the feedback (or the placement has finished), so the preparation is closed.",
          );
        next = { preparationNote: data.preparationNote };
        break;
      case "feedback":
        if (!can.canWriteFeedback)
          throw conflict("Feedback can be written once the observation has happened, while the placement is open.");
        next = { feedback: data.feedback, feedbackAt: before.feedbackAt ?? new Date() };
        break;
      case "reflection":
        if (!can.canWriteReflection)
          throw conflict(
            "The reflection can be written once the observation has happened, while the placement is open.",
          );
        next = { reflection: data.reflection };
        break;
    }

    let domains: { before: unknown; after: unknown } | null = null;
    if (data.part === "feedback") {
      const framework = await pcfDomainsOn(tx, toIsoDate(before.observedOn));
      const allowed = new Set(framework?.items.map((item) => item.id) ?? []);
      if (data.domains.some((domain) => !allowed.has(domain.frameworkItemId)))
        throw fieldError("domains", "Choose PCF domains of the version in force on the day of the observation");
      domains = {
        before: before.domains.map((domain) => ({ frameworkItemId: domain.frameworkItemId, note: domain.note })),
        after: data.domains,
      };
    }

    // The version in the where clause: the check and the write are one step.
    const { count } = await tx.directObservation.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict("Someone saved this observation at the same moment. Nothing was saved: reload and try again.");
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
    await audit.updated(
      "DirectObservation",
      before.id,
      { ...before, domains: domains?.before },
      { ...next, ...(domains ? { domains: domains.after } : {}) },
      { from: data.version, to: data.version + 1 },
    );
    // The plan's date and the feedback decide progress ("2 of 3 done"); the student's texts do not.
    if (data.part === "plan" || data.part === "feedback") placementChanged(placement.id);
    if (data.part === "feedback") {
      await notify(tx, [placement.studentId], {
        kind: "OBSERVATION_FEEDBACK",
        title: before.feedbackAt ? "Observation feedback updated" : "Feedback on your direct observation",
        body: `${user.name} has written feedback on the observation of ${formatDate(toIsoDate(before.observedOn))}. Add your reflection.`,
        link: link(before.id),
      });
    }
    return { id: before.id, version: data.version + 1 };
  },
});
