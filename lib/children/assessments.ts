import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { allocationsVisibleTo, canWriteChildWork } from "@/lib/access/children";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { changedFields, writeAudit } from "@/lib/audit";
import { formatDate, fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { presentChildrenFor } from "@/lib/children/children";
import { assessmentDue } from "@/lib/children/assessment-due";
import { updateAssessmentSchema } from "@/lib/validations/child-work";

// Child and family assessments (one per ASSESSMENT allocation, created with
// it). Who sees one: whoever may see its allocation (allocationsVisibleTo);
// the child is shown by name only to those childrenIdentifiableTo allows,
// and every shown name is audited. Who changes one: canWriteChildWork.

const fieldError = (field: string, message: string) =>
  new AppError("validation", "Check the highlighted fields.", { [field]: [message] });

async function findAssessment(tx: Tx, user: SessionUser, assessmentId: string) {
  const row = await tx.childAssessment.findFirst({
    where: { id: String(assessmentId), allocation: allocationsVisibleTo(user) },
    include: {
      allocation: {
        include: {
          child: { include: { school: { select: { name: true } } } },
          student: { select: { id: true, name: true } },
          overseeingPe: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!row) throw notFound("That assessment");
  return row;
}

/** A student changes the work only while allocated; the PE and the team manager may still correct it afterwards. */
function mayWrite(user: SessionUser, allocation: { studentId: string; overseeingPeId: string; status: string }) {
  if (!canWriteChildWork(user, allocation)) return false;
  return user.role !== "STUDENT" || allocation.status === "ACTIVE";
}

/** One assessment, its allocation, the child (name only where allowed; audited) and where it stands against the 45 working days. */
export async function getAssessment(user: SessionUser, assessmentId: string) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const row = await findAssessment(tx, user, assessmentId);
    const [child] = await presentChildrenFor(tx, user, [row.allocation.child], "assessment");
    const startDate = toIsoDate(row.startDate);
    const dueDate = toIsoDate(row.dueDate);
    const completedOn = row.completedOn ? toIsoDate(row.completedOn) : null;
    const today = todayInUk();
    return {
      assessment: {
        id: row.id,
        startDate,
        dueDate,
        status: row.status,
        outcome: row.outcome,
        completedOn,
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
        due: assessmentDue({ startDate, dueDate, status: row.status, completedOn, today }),
      },
      allocation: {
        id: row.allocation.id,
        status: row.allocation.status,
        startDate: toIsoDate(row.allocation.startDate),
        endDate: row.allocation.endDate ? toIsoDate(row.allocation.endDate) : null,
        studentName: row.allocation.student.name,
        overseeingPeName: row.allocation.overseeingPe.name,
      },
      child,
      today,
      permissions: { canEdit: mayWrite(user, row.allocation) },
    };
  });
}

export type AssessmentView = Awaited<ReturnType<typeof getAssessment>>;

/**
 * Records the assessment's status and outcome. Completing needs an outcome
 * and a completion date that is neither in the future nor before the start.
 * The body names the version it started from: a stale one is a 409.
 */
export async function updateAssessment(user: SessionUser, assessmentId: string, input: unknown) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const before = await findAssessment(tx, user, assessmentId);
    if (!canWriteChildWork(user, before.allocation))
      throw forbidden(
        "Only the allocated student, their practice educator and the team manager record the assessment.",
      );
    if (!mayWrite(user, before.allocation))
      throw conflict("This allocation has ended: ask your practice educator if the assessment needs correcting.");
    const data = updateAssessmentSchema.parse(input);
    if (data.version !== before.version) {
      throw conflict(
        "Someone else changed this assessment after you opened it. Nothing was saved: reload the page and make your change again.",
        { currentVersion: before.version },
      );
    }
    const startDate = toIsoDate(before.startDate);
    if (data.status === "COMPLETED" && data.completedOn) {
      if (data.completedOn > todayInUk())
        throw fieldError("completedOn", "The completion date cannot be in the future");
      if (data.completedOn < startDate)
        throw fieldError(
          "completedOn",
          `The assessment cannot be completed before it started (${formatDate(startDate)})`,
        );
    }
    const next =
      data.status === "COMPLETED"
        ? {
            status: data.status,
            outcome: data.outcome,
            completedOn: data.completedOn ? fromIsoDate(data.completedOn) : null,
          }
        : // Reopened or still in progress: no outcome or completion date yet.
          { status: data.status, outcome: null, completedOn: null };
    const changes = changedFields(before, next);
    if (Object.keys(changes).length === 0) return { id: before.id, version: before.version, changed: [] as string[] };
    const { count } = await tx.childAssessment.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict("Someone else changed this assessment at the same moment. Reload the page and try again.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "ChildAssessment",
      entityId: before.id,
      changes: { ...changes, version: { from: before.version, to: before.version + 1 } },
    });
    return { id: before.id, version: before.version + 1, changed: Object.keys(changes) };
  });
}
