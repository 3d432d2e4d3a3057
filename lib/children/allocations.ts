import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { allocationsVisibleTo, canManageChildren, childrenIdentifiableTo } from "@/lib/access/children";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { changedFields, createdFields, writeAudit } from "@/lib/audit";
import { fromIsoDate, toIsoDate } from "@/lib/dates";
import { assessmentDueDate } from "@/lib/children/assessment-due";
import { allocateChildrenSchema, endAllocationSchema } from "@/lib/validations/children";
import { presentChildrenFor } from "@/lib/children/children";
import { allocationRag } from "@/lib/children/allocation-rag";
import { programmeProgress } from "@/lib/children/programme-progress";

export const LIFE_STORY_STAGES = [
  "GATHERING_INFORMATION",
  "DIRECT_SESSIONS",
  "DRAFTING",
  "CHECKING",
  "HANDING_OVER",
  "FOLLOW_UP",
] as const;

/**
 * Allocates one child, or a group, to a student on an active placement for a
 * piece of work. The admin allocates any of the team's children; a PE only
 * children they already work with, to students they are PE for.
 */
export async function allocateChildren(user: SessionUser, input: unknown) {
  assertVerifiedUser(user);
  if (!canManageChildren(user)) throw forbidden("Only the team manager and practice educators allocate children.");
  const data = allocateChildrenSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const placement = await tx.placement.findFirst({
      where: { id: data.placementId, teamId: user.role === "ADMIN" ? user.organisationId : undefined },
      include: { practiceEducators: { where: { endDate: null }, select: { practiceEducatorId: true } } },
    });
    if (!placement)
      throw new AppError("validation", "Check the highlighted fields.", {
        placementId: ["Choose a student's placement"],
      });
    const currentPe = placement.practiceEducators[0]?.practiceEducatorId ?? null;
    if (user.role === "PRACTICE_EDUCATOR" && currentPe !== user.id)
      throw forbidden("You can only allocate children to students you are practice educator for.");
    if (placement.status !== "ACTIVE")
      throw conflict("Children can only be allocated to a student whose placement is active.");
    const overseeingPeId = data.overseeingPeId ?? currentPe;
    if (!overseeingPeId)
      throw new AppError("validation", "Check the highlighted fields.", {
        overseeingPeId: ["Choose the practice educator who oversees the work"],
      });
    if (!(await tx.user.findFirst({ where: { id: overseeingPeId, role: "PRACTICE_EDUCATOR", active: true } }))) {
      throw new AppError("validation", "Check the highlighted fields.", {
        overseeingPeId: ["Choose an existing practice educator"],
      });
    }
    if (data.startDate < toIsoDate(placement.startDate) || data.startDate > toIsoDate(placement.endDate)) {
      throw new AppError("validation", "Check the highlighted fields.", {
        startDate: ["The work must start during the student's placement"],
      });
    }
    const children = await tx.child.findMany({
      where: { AND: [childrenIdentifiableTo(user), { id: { in: data.childIds } }, { anonymisedAt: null }] },
      select: { id: true },
    });
    if (children.length !== new Set(data.childIds).size)
      throw new AppError("validation", "Check the highlighted fields.", {
        childIds: ["Choose children of the team that you work with"],
      });
    const already = await tx.allocation.findFirst({
      where: { childId: { in: data.childIds }, studentId: placement.studentId, kind: data.kind, status: "ACTIVE" },
    });
    if (already) throw conflict("One of these children is already allocated to this student for this kind of work.");

    const ids: string[] = [];
    for (const childId of data.childIds) {
      const allocation = await tx.allocation.create({
        data: {
          childId,
          placementId: placement.id,
          studentId: placement.studentId,
          overseeingPeId,
          kind: data.kind,
          groupLabel: data.childIds.length > 1 ? (data.groupLabel ?? "Group") : data.groupLabel,
          startDate: fromIsoDate(data.startDate),
          endDate: data.endDate ? fromIsoDate(data.endDate) : null,
          createdById: user.id,
          assessment:
            data.kind === "ASSESSMENT"
              ? {
                  create: {
                    startDate: fromIsoDate(data.startDate),
                    dueDate: fromIsoDate(assessmentDueDate(data.startDate)),
                  },
                }
              : undefined,
          lifeStory:
            data.kind === "LIFE_STORY"
              ? { create: { stages: { create: LIFE_STORY_STAGES.map((stage) => ({ stage })) } } }
              : undefined,
        },
      });
      await writeAudit(tx, user, {
        action: "CREATE",
        entity: "Allocation",
        entityId: allocation.id,
        changes: createdFields(allocation),
      });
      ids.push(allocation.id);
    }
    return { ids };
  });
}

/** A student's life story work starts only once their PE has agreed to it (DOMAIN.md). */
export async function signOffLifeStoryAllocation(user: SessionUser, allocationId: string) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const allocation = await tx.allocation.findFirst({
      where: { AND: [allocationsVisibleTo(user), { id: allocationId }] },
    });
    if (!allocation) throw notFound("That allocation");
    if (allocation.kind !== "LIFE_STORY")
      throw new AppError("validation", "Only life story work needs the practice educator's sign-off.");
    if (user.role !== "PRACTICE_EDUCATOR" || allocation.overseeingPeId !== user.id)
      throw forbidden("Only the overseeing practice educator signs off life story work.");
    if (allocation.peSignedOffAt) throw conflict("This life story work has already been signed off.");
    const next = { peSignedOffAt: new Date(), peSignedOffById: user.id };
    await tx.allocation.update({ where: { id: allocation.id }, data: next });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "Allocation",
      entityId: allocation.id,
      changes: changedFields(allocation, next),
    });
    return { id: allocation.id };
  });
}

export async function endAllocation(user: SessionUser, allocationId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = endAllocationSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const allocation = await tx.allocation.findFirst({
      where: { AND: [allocationsVisibleTo(user), { id: allocationId }] },
    });
    if (!allocation) throw notFound("That allocation");
    if (user.role !== "ADMIN" && allocation.overseeingPeId !== user.id)
      throw forbidden("Only the team manager or the overseeing practice educator ends an allocation.");
    if (allocation.status === "ENDED") throw conflict("This allocation has already ended.");
    if (data.endDate < toIsoDate(allocation.startDate))
      throw new AppError("validation", "Check the highlighted fields.", {
        endDate: ["The end cannot be before the start"],
      });
    const next = { status: "ENDED" as const, endDate: fromIsoDate(data.endDate) };
    await tx.allocation.update({ where: { id: allocation.id }, data: next });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "Allocation",
      entityId: allocation.id,
      changes: changedFields(allocation, next),
    });
    return { id: allocation.id };
  });
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
        overseeingPe: { select: { name: true } },
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
    return rows.map((row, index) => ({
      id: row.id,
      child: children[index],
      kind: row.kind,
      status: row.status,
      groupLabel: row.groupLabel,
      studentId: row.student.id,
      studentName: row.student.name,
      overseeingPeName: row.overseeingPe.name,
      startDate: toIsoDate(row.startDate),
      endDate: row.endDate ? toIsoDate(row.endDate) : null,
      programmeId: row.programme?.id ?? null,
      // Sessions done and how the child's goal scores moved: what a PE looks for first.
      progress: row.programme
        ? programmeProgress({
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
