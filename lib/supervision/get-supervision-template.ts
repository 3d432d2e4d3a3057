import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { canDropAgreedActions, canUpdateAgreedActions, canWriteSupervisionNotes } from "@/lib/access/supervision";
import { parseId } from "@/lib/core/command";
import { fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { mondayOf } from "@/lib/supervision/cadence";
import { placementForSupervision } from "@/lib/supervision/supervision-placement";
import { otherStudentChoices } from "@/lib/supervision/other-students";

/** What the "record a session" page starts from: the PE's last agenda, the open actions, the students who may attend. */
export async function getSupervisionTemplate(user: SessionUser, placementId: string) {
  const db = getDb();
  const placement = await placementForSupervision(db, user, parseId(placementId, "That placement"));
  const canRecord = canWriteSupervisionNotes(user, placement);
  const weekStart = mondayOf(todayInUk());
  const [last, openActions, choices, drafts] = await Promise.all([
    db.supervisionRecord.findFirst({
      where: { placementId: placement.id, authorId: user.id },
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      select: { agenda: true, startTime: true, durationMinutes: true, type: true, attendedOnsiteSupervisor: true },
    }),
    db.supervisionAction.findMany({
      where: { placementId: placement.id, status: "OPEN" },
      orderBy: { dueDate: "asc" },
      select: { id: true, description: true, owner: true, dueDate: true },
    }),
    canRecord ? otherStudentChoices(db, placement) : Promise.resolve([]),
    // This week's unsigned drafts: "Record a session" points to them, so the PE does not record the same session twice.
    db.supervisionRecord.findMany({
      where: { placementId: placement.id, status: "DRAFT", heldOn: { gte: fromIsoDate(weekStart) } },
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      select: { id: true, heldOn: true, type: true },
    }),
  ]);
  return {
    placement: {
      id: placement.id,
      studentName: placement.student.name,
      status: placement.status,
      startDate: toIsoDate(placement.startDate),
      endDate: toIsoDate(placement.endDate),
      minMinutes: placement.supervisionMinMinutes,
      hasOnsiteSupervisor: Boolean(placement.onsiteSupervisor),
    },
    lastRecord: last,
    draftsThisWeek: drafts.map((draft) => ({ id: draft.id, heldOn: toIsoDate(draft.heldOn), type: draft.type })),
    openActions: openActions.map((action) => ({ ...action, dueDate: toIsoDate(action.dueDate) })),
    otherStudentChoices: choices,
    permissions: {
      canRecord: canRecord && placement.status === "ACTIVE",
      canUpdateActions: canUpdateAgreedActions(user, placement),
      canDropActions: canDropAgreedActions(user, placement),
    },
  };
}
