import "server-only";
import { notifySchoolsOfAllocation } from "@/lib/schools/notify-school";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import {
  allocationsVisibleTo,
  canAllocateChildren,
  canAllocateTo,
  canEndAllocation,
  childrenIdentifiableTo,
  placementsToAllocateTo,
} from "@/lib/access/children";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { idInBody } from "@/lib/children/located";
import { formatDate, fromIsoDate, toIsoDate, type IsoDate } from "@/lib/dates";
import { assessmentClockStart, assessmentDueDate } from "@/lib/children/assessment-due";
import { auditCreated, auditUpdated } from "@/lib/children/child-audit";
import { allocateChildrenSchema, endAllocationSchema } from "@/lib/validations/children";
import { lifeStoryStageNames } from "@/lib/validations/child-work";
import { presentChildrenFor } from "@/lib/children/children";
import { keepRetentionDate } from "@/lib/children/child-records";
import { allocationRag } from "@/lib/children/allocation-rag";
import { namesFor } from "@/lib/children/people-names";
import { directWorkProgress } from "@/lib/children/direct-work/progress";

// Allocating a child (or a group) to a student for a piece of work, overseen
// by a practice educator (docs/domain.md, "Children's work"). An allocation
// is what lets a student and their PE see the child's name, and what the
// placement's progress counts: every change here marks the placement.

/**
 * Allocates one child, or a group, to a student on an active placement for a
 * piece of work. The admin allocates any of the team's children; a PE only
 * children they already work with, to students they are the current PE of.
 */
export const allocateChildren = command({
  parse: (body: unknown) => ({ placementId: idInBody(body, "placementId", "That placement"), body }),
  input: allocateChildrenSchema,
  async load({ tx, user }, { placementId }) {
    const placement = await tx.placement.findFirst({
      where: { id: placementId, teamId: user.organisationId },
      include: { practiceEducators: { where: { endDate: null }, select: { practiceEducatorId: true } } },
    });
    return placement
      ? { ...placement, currentPracticeEducatorId: placement.practiceEducators[0]?.practiceEducatorId ?? null }
      : null;
  },
  allow: (user, placement) => {
    if (!canAllocateChildren(user)) return "Only the team manager and practice educators allocate children.";
    if (placement && !canAllocateTo(user, placement))
      return "You can only allocate children to students you are practice educator for.";
    return true;
  },
  async run({ tx, user, audit, placementChanged, afterCommit }, placement, data) {
    if (!placement) throw fieldError("placementId", "Choose a student's placement");
    if (placement.status !== "ACTIVE")
      throw conflict("Children can only be allocated to a student whose placement is active.");
    const placementStart = toIsoDate(placement.startDate);
    const placementEnd = toIsoDate(placement.endDate);
    if (data.startDate < placementStart || data.startDate > placementEnd)
      throw fieldError(
        "startDate",
        `The work must start during the student's placement (${formatDate(placementStart)} to ${formatDate(placementEnd)})`,
      );
    if (data.endDate && data.endDate > placementEnd)
      throw fieldError("endDate", `The work must end by the end of the placement (${formatDate(placementEnd)})`);
    const overseeingPeId = data.overseeingPeId ?? placement.currentPracticeEducatorId;
    if (!overseeingPeId) throw fieldError("overseeingPeId", "Choose the practice educator who oversees the work");
    const pe = await tx.user.findFirst({
      where: { id: overseeingPeId, role: "PRACTICE_EDUCATOR", active: true, organisationId: placement.teamId },
      select: { id: true },
    });
    if (!pe) throw fieldError("overseeingPeId", "Choose one of the team's practice educators");
    const childIds = [...new Set(data.childIds)];
    const children = await tx.child.findMany({
      where: {
        AND: [childrenIdentifiableTo(user), { id: { in: childIds }, teamId: placement.teamId, anonymisedAt: null }],
      },
      select: { id: true },
    });
    if (children.length !== childIds.length)
      throw fieldError("childIds", "Choose children of the team that you work with");
    const already = await tx.allocation.findFirst({
      where: { childId: { in: childIds }, studentId: placement.studentId, kind: data.kind, status: "ACTIVE" },
    });
    if (already) throw conflict("One of these children is already allocated to this student for this kind of work.");

    const ids: string[] = [];
    for (const childId of childIds) {
      const assessmentStart = data.kind === "ASSESSMENT" ? await assessmentStartFor(tx, childId, data.startDate) : null;
      const allocation = await tx.allocation.create({
        data: {
          childId,
          placementId: placement.id,
          studentId: placement.studentId,
          overseeingPeId: pe.id,
          kind: data.kind,
          groupLabel: childIds.length > 1 ? (data.groupLabel ?? "Group") : data.groupLabel,
          startDate: fromIsoDate(data.startDate),
          endDate: data.endDate ? fromIsoDate(data.endDate) : null,
          createdById: user.id,
          assessment: assessmentStart
            ? {
                create: {
                  startDate: fromIsoDate(assessmentStart),
                  dueDate: fromIsoDate(assessmentDueDate(assessmentStart)),
                },
              }
            : undefined,
          lifeStory:
            data.kind === "LIFE_STORY"
              ? { create: { stages: { create: lifeStoryStageNames.map((stage) => ({ stage })) } } }
              : undefined,
        },
      });
      await auditCreated(audit, "Allocation", allocation);
      // Life story work is kept far longer than other work with a child.
      await keepRetentionDate(tx, childId);
      ids.push(allocation.id);
    }
    placementChanged(placement.id);
    // A school that asked for support for one of these pupils hears that a student now works with them.
    await notifySchoolsOfAllocation({ tx, afterCommit }, childIds);
    return { ids };
  },
});

/** The child's latest accepted referral received by the allocation's start starts the assessment's clock. */
async function assessmentStartFor(tx: Tx, childId: string, allocationStart: IsoDate): Promise<IsoDate> {
  const referral = await tx.referral.findFirst({
    where: { childId, decision: "ACCEPTED", receivedOn: { lte: fromIsoDate(allocationStart) } },
    orderBy: { receivedOn: "desc" },
    select: { receivedOn: true },
  });
  return assessmentClockStart(allocationStart, referral ? toIsoDate(referral.receivedOn) : null);
}

/** The team manager or the overseeing PE ends the work; the student no longer sees the child's name. */
export const endAllocation = command({
  parse: (allocationId: string, body: unknown) => ({ allocationId: parseId(allocationId, "That allocation"), body }),
  input: endAllocationSchema,
  async load({ tx, user }, input) {
    const allocation = await tx.allocation.findFirst({
      where: { AND: [allocationsVisibleTo(user), { id: input.allocationId }] },
    });
    if (!allocation) throw notFound("That allocation");
    return allocation;
  },
  allow: (user, allocation) =>
    canEndAllocation(user, allocation) ||
    "Only the team manager or the overseeing practice educator ends an allocation.",
  async run({ tx, audit, placementChanged }, allocation, data) {
    if (allocation.status === "ENDED") throw conflict("This allocation has already ended.");
    if (data.endDate < toIsoDate(allocation.startDate))
      throw fieldError("endDate", "The end cannot be before the start");
    const next = { status: "ENDED" as const, endDate: fromIsoDate(data.endDate) };
    const { count } = await tx.allocation.updateMany({
      where: { id: allocation.id, status: "ACTIVE" },
      data: next,
    });
    if (count === 0) throw conflict("This allocation has already ended.");
    await auditUpdated(audit, "Allocation", allocation.id, allocation, next);
    placementChanged(allocation.placementId);
    return { id: allocation.id };
  },
});

/** The active placements the user may allocate a child to, for the allocation form. */
export async function placementsForAllocation(user: SessionUser) {
  assertVerifiedUser(user);
  if (!canAllocateChildren(user)) return [];
  const rows = await getDb().placement.findMany({
    where: { AND: [placementsToAllocateTo(user), { status: "ACTIVE" }] },
    orderBy: { startDate: "desc" },
    take: 500,
    select: { id: true, setting: true, student: { select: { id: true, name: true } } },
  });
  const nameOf = await namesFor(
    getDb(),
    user,
    rows.map((row) => row.student.id),
  );
  return rows.map((row) => ({ id: row.id, studentName: nameOf(row.student), setting: row.setting }));
}

/**
 * The caseload: the allocations the user may see, each with its child (name
 * only where allowed) and a RAG status with reasons. Fixed number of queries.
 */
export async function listCaseload(
  user: SessionUser,
  filters: { studentId?: string; status?: "ACTIVE" | "ENDED" } = {},
) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const rows = await tx.allocation.findMany({
      where: {
        AND: [allocationsVisibleTo(user), { studentId: filters.studentId, status: filters.status ?? "ACTIVE" }],
      },
      orderBy: [{ startDate: "desc" }],
      take: 1000,
      include: {
        child: { include: { school: { select: { name: true } } } },
        student: { select: { id: true, name: true } },
        overseeingPe: { select: { id: true, name: true } },
        programme: {
          include: {
            sessions: { select: { status: true, plannedOn: true } },
            goals: { select: { startScore: true, endScore: true, reviewScore: true } },
          },
        },
        assessment: { select: { dueDate: true, status: true } },
        lifeStory: { include: { stages: { select: { stage: true, completedOn: true } } } },
      },
    });
    const children = await presentChildrenFor(
      tx,
      user,
      rows.map((row) => row.child),
      "caseload",
    );
    const nameOf = await namesFor(
      tx,
      user,
      rows.flatMap((row) => [row.student.id, row.overseeingPe.id]),
    );
    return rows.map((row, index) => ({
      id: row.id,
      child: children[index],
      kind: row.kind,
      status: row.status,
      groupLabel: row.groupLabel,
      studentId: row.student.id,
      studentName: nameOf(row.student),
      overseeingPeName: nameOf(row.overseeingPe),
      startDate: toIsoDate(row.startDate),
      endDate: row.endDate ? toIsoDate(row.endDate) : null,
      programmeId: row.programme?.id ?? null,
      // Sessions done and how the child's goal scores moved: what a PE looks for first.
      progress: row.programme
        ? directWorkProgress({
            plannedSessions: row.programme.plannedSessions,
            sessions: row.programme.sessions,
            goals: row.programme.goals,
          })
        : null,
      rag: allocationRag({
        kind: row.kind,
        peSignedOff: Boolean(row.peSignedOffAt),
        programme: row.programme
          ? {
              planned: row.programme.plannedSessions,
              sessions: row.programme.sessions.map((session) => ({
                status: session.status,
                plannedOn: toIsoDate(session.plannedOn),
              })),
            }
          : null,
        assessment: row.assessment
          ? { dueDate: toIsoDate(row.assessment.dueDate), status: row.assessment.status }
          : null,
      }),
    }));
  });
}
