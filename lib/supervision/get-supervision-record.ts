import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import {
  canAddSupervisionAddendum,
  canDropAgreedActions,
  canUpdateAgreedActions,
  canWriteStudentReflection,
  canWriteSupervisionNotes,
  isCurrentPracticeEducator,
  isPlacementStudent,
  supervisionRecordsVisibleTo,
} from "@/lib/access/supervision";
import { parseId } from "@/lib/core/command";
import { notFound } from "@/lib/errors";
import { toIsoDate } from "@/lib/dates";
import {
  addendumAllowed,
  peNotesEditable,
  signAsPracticeEducator,
  signAsStudent,
  studentReflectionEditable,
} from "@/lib/supervision/sign-off";
import { placementForSupervision, placementPeople } from "@/lib/supervision/supervision-placement";
import { RECORD_INCLUDE, toRecordDto } from "@/lib/supervision/supervision-record-dto";
import { otherStudentChoices } from "@/lib/supervision/other-students";

/** One record with what the user may do to it, and the open actions carried forward from earlier sessions. */
export async function getSupervisionRecord(user: SessionUser, recordId: string) {
  const db = getDb();
  const row = await db.supervisionRecord.findFirst({
    where: { AND: [supervisionRecordsVisibleTo(user), { id: parseId(recordId, "That supervision record") }] },
    include: RECORD_INCLUDE,
  });
  if (!row) throw notFound("That supervision record");
  const placement = await placementForSupervision(db, user, row.placementId);
  const record = toRecordDto(row, { viewer: user, worksWith: placementPeople(placement) });
  const canEditNotes = canWriteSupervisionNotes(user, placement) && peNotesEditable(record.status);
  const [carriedForward, choices] = await Promise.all([
    db.supervisionAction.findMany({
      // Only from records this user may read: a tutor must not see actions agreed in drafts.
      where: {
        placementId: record.placementId,
        status: "OPEN",
        recordId: { not: record.id },
        record: { AND: [supervisionRecordsVisibleTo(user), { heldOn: { lte: row.heldOn } }] },
      },
      orderBy: { dueDate: "asc" },
      select: { id: true, description: true, owner: true, dueDate: true, status: true },
    }),
    canEditNotes ? otherStudentChoices(db, placement) : Promise.resolve([]),
  ]);
  return {
    record,
    placement: {
      id: placement.id,
      studentName: placement.student.name,
      status: placement.status,
      startDate: toIsoDate(placement.startDate),
      endDate: toIsoDate(placement.endDate),
      onsiteSupervisorName: placement.onsiteSupervisor?.name ?? null,
    },
    carriedForward: carriedForward.map((action) => ({ ...action, dueDate: toIsoDate(action.dueDate) })),
    /** The students the practice educator may name as attending (only while they may edit the notes). */
    otherStudentChoices: choices,
    permissions: {
      canEditNotes,
      canSignAsPracticeEducator: isCurrentPracticeEducator(user, placement) && signAsPracticeEducator(record.status).ok,
      canEditReflection: canWriteStudentReflection(user, placement) && studentReflectionEditable(record.status),
      canSignAsStudent: isPlacementStudent(user, placement) && signAsStudent(record.status).ok,
      canAddAddendum: canAddSupervisionAddendum(user, placement) && addendumAllowed(record.status),
      canUpdateActions: canUpdateAgreedActions(user, placement),
      canDropActions: canDropAgreedActions(user, placement),
    },
  };
}

export type SupervisionRecordView = Awaited<ReturnType<typeof getSupervisionRecord>>;
