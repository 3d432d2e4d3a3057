import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { allocationsVisibleTo, canWriteChildWork } from "@/lib/access/children";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { changedFields, writeAudit } from "@/lib/audit";
import { formatDate, fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { presentChildrenFor } from "@/lib/children/children";
import { signOffLifeStoryAllocation } from "@/lib/children/allocations";
import {
  lifeStoryStageNames,
  lifeStoryStageSchema,
  updateLifeStoryStageSchema,
  type LifeStoryStageKey,
} from "@/lib/validations/child-work";

// Life story work (one per LIFE_STORY allocation, created with its six
// stages). A student does it only with their PE's agreement: until the
// overseeing PE has signed the allocation off, no stage can be recorded by
// anyone (DOMAIN.md, Children's work). Reads follow allocationsVisibleTo;
// the child's name only where childrenIdentifiableTo allows, audited.

export const LIFE_STORY_NOT_SIGNED_OFF =
  "This life story work has not been signed off by the practice educator yet. Work starts only after their sign-off: ask the overseeing practice educator to sign it off.";

const fieldError = (field: string, message: string) =>
  new AppError("validation", "Check the highlighted fields.", { [field]: [message] });

async function findWork(tx: Tx, user: SessionUser, workId: string) {
  const row = await tx.lifeStoryWork.findFirst({
    where: { id: String(workId), allocation: allocationsVisibleTo(user) },
    include: {
      stages: true,
      allocation: {
        include: {
          child: { include: { school: { select: { name: true } } } },
          student: { select: { id: true, name: true } },
          overseeingPe: { select: { id: true, name: true } },
          peSignedOffBy: { select: { name: true } },
        },
      },
    },
  });
  if (!row) throw notFound("That life story work");
  return row;
}

function mayWrite(user: SessionUser, allocation: { studentId: string; overseeingPeId: string; status: string }) {
  if (!canWriteChildWork(user, allocation)) return false;
  return user.role !== "STUDENT" || allocation.status === "ACTIVE";
}

/** The work, its six stages in order, the sign-off, the child (name only where allowed; audited) and what the caller may do. */
export async function getLifeStoryWork(user: SessionUser, workId: string) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const row = await findWork(tx, user, workId);
    const [child] = await presentChildrenFor(tx, user, [row.allocation.child], "life story work");
    const { allocation } = row;
    const signedOff = allocation.peSignedOffAt
      ? { at: allocation.peSignedOffAt.toISOString(), byName: allocation.peSignedOffBy?.name ?? null }
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
    const writer = mayWrite(user, allocation);
    return {
      work: { id: row.id, createdAt: row.createdAt.toISOString() },
      allocation: {
        id: allocation.id,
        status: allocation.status,
        startDate: toIsoDate(allocation.startDate),
        endDate: allocation.endDate ? toIsoDate(allocation.endDate) : null,
        studentName: allocation.student.name,
        overseeingPeId: allocation.overseeingPe.id,
        overseeingPeName: allocation.overseeingPe.name,
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
        canSignOff:
          user.role === "PRACTICE_EDUCATOR" &&
          allocation.overseeingPeId === user.id &&
          signedOff === null &&
          allocation.status === "ACTIVE",
      },
    };
  });
}

export type LifeStoryView = Awaited<ReturnType<typeof getLifeStoryWork>>;

/** Records one stage's dates and notes: refused (409) until the PE's sign-off; a completion never before the start nor in the future. */
export async function updateLifeStoryStage(user: SessionUser, workId: string, stage: string, input: unknown) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const work = await findWork(tx, user, workId);
    const { allocation } = work;
    if (!canWriteChildWork(user, allocation))
      throw forbidden(
        "Only the allocated student, their practice educator and the team manager record life story work.",
      );
    if (!mayWrite(user, allocation))
      throw conflict("This allocation has ended: ask your practice educator if the record needs correcting.");
    if (!allocation.peSignedOffAt) throw conflict(LIFE_STORY_NOT_SIGNED_OFF);
    const stageName: LifeStoryStageKey = lifeStoryStageSchema.parse(stage);
    const data = updateLifeStoryStageSchema.parse(input);
    const before = work.stages.find((candidate) => candidate.stage === stageName);
    if (data.updatedAt && before && before.updatedAt.toISOString() !== data.updatedAt) {
      throw conflict(
        "Someone else changed this stage after you opened it. Nothing was saved: reload the page and make your change again.",
      );
    }
    const allocationStart = toIsoDate(allocation.startDate);
    if (data.startedOn && data.startedOn < allocationStart)
      throw fieldError(
        "startedOn",
        `A stage cannot start before the work was allocated (${formatDate(allocationStart)})`,
      );
    if (data.completedOn && data.completedOn > todayInUk())
      throw fieldError("completedOn", "The completion date cannot be in the future");
    const next = {
      startedOn: data.startedOn ? fromIsoDate(data.startedOn) : null,
      completedOn: data.completedOn ? fromIsoDate(data.completedOn) : null,
      notes: data.notes,
    };
    const changes = changedFields(before ?? { startedOn: null, completedOn: null, notes: "" }, next);
    let saved = before;
    if (!before) saved = await tx.lifeStoryStage.create({ data: { workId: work.id, stage: stageName, ...next } });
    else if (Object.keys(changes).length > 0) {
      // Only if nobody saved the stage since it was read here.
      const { count } = await tx.lifeStoryStage.updateMany({
        where: { id: before.id, updatedAt: before.updatedAt },
        data: next,
      });
      if (count === 0)
        throw conflict("Someone else changed this stage at the same moment. Reload the page and try again.");
      saved = await tx.lifeStoryStage.findUniqueOrThrow({ where: { id: before.id } });
    }
    if (!saved) throw notFound("That life story stage");
    if (Object.keys(changes).length > 0) {
      await writeAudit(tx, user, {
        action: before ? "UPDATE" : "CREATE",
        entity: "LifeStoryStage",
        entityId: saved.id,
        changes: { stage: stageName, ...changes },
      });
    }
    return { id: saved.id, stage: stageName, updatedAt: saved.updatedAt.toISOString(), changed: Object.keys(changes) };
  });
}

/** The overseeing PE agrees to the work (signOffLifeStoryAllocation), named by the life story work rather than the allocation. */
export async function signOffLifeStoryWork(user: SessionUser, workId: string) {
  assertVerifiedUser(user);
  const work = await getDb().lifeStoryWork.findFirst({
    where: { id: String(workId), allocation: allocationsVisibleTo(user) },
    select: { allocationId: true },
  });
  if (!work) throw notFound("That life story work");
  await signOffLifeStoryAllocation(user, work.allocationId);
  return { id: String(workId), signedOff: true };
}
