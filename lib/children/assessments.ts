import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { allocationsVisibleTo, canWriteChildWork, canWriteChildWorkNow } from "@/lib/access/children";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { formatDate, fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { presentChildrenFor } from "@/lib/children/children";
import { assessmentDue } from "@/lib/children/assessment-due";
import { namesFor } from "@/lib/children/people-names";
import { auditUpdated } from "@/lib/children/child-audit";
import { updateAssessmentSchema } from "@/lib/validations/child-work";

// Child and family assessments (one per ASSESSMENT allocation, created with
// it; due 45 working days after the start: docs/domain.md, "Children's work").
// Who sees one: whoever may see its allocation (allocationsVisibleTo); the
// child is shown by name only to those childrenIdentifiableTo allows, and
// every shown name is audited. Who changes one: canWriteChildWorkNow.

async function findAssessment(tx: Tx, user: SessionUser, assessmentId: string) {
  const row = await tx.childAssessment.findFirst({
    where: { id: assessmentId, allocation: allocationsVisibleTo(user) },
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

/** One assessment, its allocation, the child (name only where allowed; audited) and where it stands against the 45 working days. */
export async function getAssessment(user: SessionUser, assessmentId: string) {
  assertVerifiedUser(user);
  const id = parseId(assessmentId, "That assessment");
  return getDb().$transaction(async (tx) => {
    const row = await findAssessment(tx, user, id);
    const [child] = await presentChildrenFor(tx, user, [row.allocation.child], "assessment");
    const nameOf = await namesFor(tx, user, [row.allocation.student.id, row.allocation.overseeingPe.id]);
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
        studentName: nameOf(row.allocation.student),
        overseeingPeName: nameOf(row.allocation.overseeingPe),
      },
      child,
      today,
      permissions: { canEdit: canWriteChildWorkNow(user, row.allocation), canRaiseConcern: !child.anonymised },
    };
  });
}

const FIELD_LABELS = { status: "status", outcome: "outcome", completedOn: "completion date" };

/**
 * Records the assessment's status and outcome. Completing needs an outcome
 * and a completion date that is neither in the future nor before the start.
 * The body names the version it started from: a stale one is a 409.
 */
export const updateAssessment = command({
  parse: (assessmentId: string, body: unknown) => ({ assessmentId: parseId(assessmentId, "That assessment"), body }),
  input: updateAssessmentSchema,
  load: ({ tx, user }, input) => findAssessment(tx, user, input.assessmentId),
  allow: (user, assessment) =>
    canWriteChildWork(user, assessment.allocation) ||
    "Only the allocated student, their practice educator and the team manager record the assessment.",
  version: (assessment, input) => ({
    entity: "ChildAssessment",
    id: assessment.id,
    current: assessment.version,
    expected: input.version,
    what: "this assessment",
    labels: FIELD_LABELS,
  }),
  async run({ tx, user, audit, placementChanged }, before, data) {
    if (!canWriteChildWorkNow(user, before.allocation))
      throw conflict("This allocation has ended: ask your practice educator if the assessment needs correcting.");
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
    const { count } = await tx.childAssessment.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict("Someone else changed this assessment at the same moment. Reload the page and try again.");
    const changed = await auditUpdated(audit, "ChildAssessment", before.id, before, next, {
      from: before.version,
      to: before.version + 1,
    });
    placementChanged(before.allocation.placementId);
    return { id: before.id, version: before.version + 1, changed };
  },
});
