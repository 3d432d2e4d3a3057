import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import {
  allocationsVisibleTo,
  canSignOffLifeStory,
  canWriteChildWork,
  canWriteChildWorkNow,
} from "@/lib/access/children";
import { command, parseId, type CommandContext } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { formatDate, fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { presentChildrenFor } from "@/lib/children/children";
import { namesFor } from "@/lib/children/people-names";
import { auditCreated, auditUpdated } from "@/lib/children/child-audit";
import {
  lifeStoryStageNames,
  lifeStoryStageSchema,
  updateLifeStoryStageSchema,
  type LifeStoryStageKey,
} from "@/lib/validations/child-work";

// Life story work (one per LIFE_STORY allocation, created with its six
// stages). A student does it only with their PE's agreement: until the
// overseeing PE has signed the allocation off, no stage can be recorded by
// anyone (docs/domain.md, "Children's work"). Reads follow allocationsVisibleTo;
// the child's name only where childrenIdentifiableTo allows, audited.

export const LIFE_STORY_NOT_SIGNED_OFF =
  "This life story work has not been signed off by the practice educator yet. Work starts only after their sign-off: ask the overseeing practice educator to sign it off.";

/** A stage names part of the work, like an id: one that is not a stage is not found. */
function stageOf(value: unknown): LifeStoryStageKey {
  const stage = lifeStoryStageSchema.safeParse(value);
  if (!stage.success) throw notFound("That life story stage");
  return stage.data;
}

const WRITERS_ONLY = "Only the allocated student, their practice educator and the team manager record life story work.";

async function findWork(tx: Tx, user: SessionUser, workId: string) {
  const row = await tx.lifeStoryWork.findFirst({
    where: { id: workId, allocation: allocationsVisibleTo(user) },
    include: {
      stages: true,
      allocation: {
        include: {
          child: { include: { school: { select: { name: true } } } },
          student: { select: { id: true, name: true } },
          overseeingPe: { select: { id: true, name: true } },
          peSignedOffBy: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!row) throw notFound("That life story work");
  return row;
}

/** The work, its six stages in order, the sign-off, the child (name only where allowed; audited) and what the caller may do. */
export async function getLifeStoryWork(user: SessionUser, workId: string) {
  assertVerifiedUser(user);
  const id = parseId(workId, "That life story work");
  return getDb().$transaction(async (tx) => {
    const row = await findWork(tx, user, id);
    const [child] = await presentChildrenFor(tx, user, [row.allocation.child], "life story work");
    const { allocation } = row;
    const nameOf = await namesFor(tx, user, [
      allocation.student.id,
      allocation.overseeingPe.id,
      allocation.peSignedOffBy?.id,
    ]);
    const signedOff = allocation.peSignedOffAt
      ? { at: allocation.peSignedOffAt.toISOString(), byName: nameOf(allocation.peSignedOffBy) }
      : null;
    const stages = lifeStoryStageNames.map((stage) => {
      const found = row.stages.find((candidate) => candidate.stage === stage);
      return {
        stage,
        id: found?.id ?? null,
        startedOn: found?.startedOn ? toIsoDate(found.startedOn) : null,
        completedOn: found?.completedOn ? toIsoDate(found.completedOn) : null,
        notes: found?.notes ?? "",
        updatedAt: found?.updatedAt.toISOString() ?? null,
      };
    });
    const writer = canWriteChildWorkNow(user, allocation);
    return {
      work: { id: row.id, createdAt: row.createdAt.toISOString() },
      allocation: {
        id: allocation.id,
        status: allocation.status,
        startDate: toIsoDate(allocation.startDate),
        endDate: allocation.endDate ? toIsoDate(allocation.endDate) : null,
        studentName: nameOf(allocation.student),
        overseeingPeId: allocation.overseeingPe.id,
        overseeingPeName: nameOf(allocation.overseeingPe),
        signedOff,
      },
      child,
      stages,
      today: todayInUk(),
      permissions: {
        /** May record the stages now (the sign-off has been given). */
        canEdit: writer && signedOff !== null,
        /** Would be able to record them once signed off. */
        canEditAfterSignOff: writer,
        canSignOff: canSignOffLifeStory(user, allocation) && signedOff === null && allocation.status === "ACTIVE",
        canRaiseConcern: !child.anonymised,
      },
    };
  });
}

/** Records one stage's dates and notes: refused (409) until the PE's sign-off; a completion never before the start nor in the future. */
export const updateLifeStoryStage = command({
  parse: (workId: string, stage: string, body: unknown) => ({
    workId: parseId(workId, "That life story work"),
    stage: stageOf(stage),
    body,
  }),
  input: updateLifeStoryStageSchema,
  load: ({ tx, user }, input) => findWork(tx, user, input.workId),
  allow: (user, work) => canWriteChildWork(user, work.allocation) || WRITERS_ONLY,
  async run({ tx, user, audit, placementChanged }, work, data) {
    const { allocation } = work;
    if (!canWriteChildWorkNow(user, allocation))
      throw conflict("This allocation has ended: ask your practice educator if the record needs correcting.");
    if (!allocation.peSignedOffAt) throw conflict(LIFE_STORY_NOT_SIGNED_OFF);
    const before = work.stages.find((candidate) => candidate.stage === data.stage);
    if (data.updatedAt && before && before.updatedAt.toISOString() !== data.updatedAt)
      throw conflict(
        "Someone else changed this stage after you opened it. Nothing was saved: reload the page and make your change again.",
      );
    const allocationStart = toIsoDate(allocation.startDate);
    if (data.startedOn && data.startedOn < allocationStart)
      throw fieldError(
        "startedOn",
        `A stage cannot start before the work was allocated (${formatDate(allocationStart)})`,
      );
    const today = todayInUk();
    if (data.startedOn && data.startedOn > today) throw fieldError("startedOn", "A stage cannot start in the future");
    if (data.completedOn && data.completedOn > today)
      throw fieldError("completedOn", "The completion date cannot be in the future");
    const next = {
      startedOn: data.startedOn ? fromIsoDate(data.startedOn) : null,
      completedOn: data.completedOn ? fromIsoDate(data.completedOn) : null,
      notes: data.notes,
    };
    let saved = before;
    let changed: string[];
    if (!before) {
      saved = await tx.lifeStoryStage.create({ data: { workId: work.id, stage: data.stage, ...next } });
      await auditCreated(audit, "LifeStoryStage", saved);
      changed = Object.keys(next);
    } else {
      // Only if nobody saved the stage since it was read here.
      const { count } = await tx.lifeStoryStage.updateMany({
        where: { id: before.id, updatedAt: before.updatedAt },
        data: next,
      });
      if (count === 0)
        throw conflict("Someone else changed this stage at the same moment. Reload the page and try again.");
      saved = await tx.lifeStoryStage.findUniqueOrThrow({ where: { id: before.id } });
      changed = await auditUpdated(audit, "LifeStoryStage", before.id, before, next);
    }
    // A completed stage is part of the placement's record of work with children.
    placementChanged(allocation.placementId);
    return { id: saved.id, stage: data.stage, updatedAt: saved.updatedAt.toISOString(), changed };
  },
});

type SignOffTarget = {
  id: string;
  placementId: string;
  overseeingPeId: string;
  status: string;
  peSignedOffAt: Date | null;
};

const mayGiveSignOff = (user: SessionUser, allocation: SignOffTarget) =>
  canSignOffLifeStory(user, allocation) || "Only the overseeing practice educator signs off life story work.";

async function giveSignOff({ tx, user, audit, placementChanged }: CommandContext, allocation: SignOffTarget) {
  if (allocation.peSignedOffAt) throw conflict("This life story work has already been signed off.");
  if (allocation.status !== "ACTIVE") throw conflict("This allocation has ended: its life story work cannot start.");
  const next = { peSignedOffAt: new Date(), peSignedOffById: user.id };
  const { count } = await tx.allocation.updateMany({
    where: { id: allocation.id, peSignedOffAt: null },
    data: next,
  });
  if (count === 0) throw conflict("This life story work has already been signed off.");
  await auditUpdated(audit, "Allocation", allocation.id, allocation, next);
  placementChanged(allocation.placementId);
}

/** The overseeing PE agrees to the student doing this life story work (docs/domain.md): named by the work. */
export const signOffLifeStoryWork = command({
  parse: (workId: string) => ({ workId: parseId(workId, "That life story work") }),
  async load({ tx, user }, input) {
    const work = await tx.lifeStoryWork.findFirst({
      where: { id: input.workId, allocation: allocationsVisibleTo(user) },
      select: { id: true, allocation: true },
    });
    if (!work) throw notFound("That life story work");
    return work;
  },
  allow: (user, work) => mayGiveSignOff(user, work.allocation),
  async run(ctx, work) {
    await giveSignOff(ctx, work.allocation);
    return { id: work.id, signedOff: true as const };
  },
});

/** The same sign-off, named by the allocation. */
export const signOffLifeStoryAllocation = command({
  parse: (allocationId: string) => ({ allocationId: parseId(allocationId, "That allocation") }),
  async load({ tx, user }, input) {
    const allocation = await tx.allocation.findFirst({
      where: { AND: [allocationsVisibleTo(user), { id: input.allocationId }] },
    });
    if (!allocation) throw notFound("That allocation");
    if (allocation.kind !== "LIFE_STORY")
      throw conflict("Only life story work needs the practice educator's sign-off.");
    return allocation;
  },
  allow: mayGiveSignOff,
  async run(ctx, allocation) {
    await giveSignOff(ctx, allocation);
    return { id: allocation.id };
  },
});
