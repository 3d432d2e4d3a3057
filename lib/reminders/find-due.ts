import "server-only";
import type { Tx } from "@/lib/db";
import { toIsoDate, type IsoDate } from "@/lib/dates";
import type { MilestoneKindName } from "@/lib/portfolio/milestone-rules";
import {
  OPEN_PLACEMENT_STATUSES,
  assessmentReminder,
  evidenceReviewReminder,
  finalAssessmentReminders,
  milestoneReminders,
  supervisionRecordReminder,
  supervisionWeekReminder,
  ukDay,
  type Reminder,
} from "@/lib/reminders/rules";

// The reminders due today, across the whole database: a fixed number of
// queries (placements, their sessions and absences, assessments, evidence,
// final assessments, ratifiers, recipients), never one per placement, so the
// job's cost grows with the rows it reads, not with round trips.
//
// This is a system job, not a user's read: it is not scoped by an access
// filter, but every reminder goes to people who are parties to the item
// (the placement's current PE, student, tutor, on-site supervisor; the
// allocation's student and overseeing PE; the team's stage 2 PEs).

export type Recipient = { id: string; name: string; email: string };

export type DueReminders = {
  /** How many items (placements, assessments, records, evidence, final reports) were looked at. */
  checked: number;
  reminders: Reminder[];
  /** The active users the reminders go to, by id. */
  recipients: Map<string, Recipient>;
};

export async function findDueReminders(tx: Tx, today: IsoDate): Promise<DueReminders> {
  const openStatuses = [...OPEN_PLACEMENT_STATUSES];
  const placements = await tx.placement.findMany({
    where: { status: { in: openStatuses } },
    select: {
      id: true,
      teamId: true,
      status: true,
      startDate: true,
      endDate: true,
      requiredDays: true,
      supervisionEveryWeeks: true,
      supervisionMinMinutes: true,
      studentId: true,
      tutorId: true,
      onsiteSupervisorId: true,
      student: { select: { name: true } },
      practiceEducators: {
        where: { endDate: null },
        orderBy: { startDate: "desc" },
        select: { practiceEducatorId: true },
      },
      milestones: { select: { kind: true, heldOn: true } },
    },
  });
  const placementIds = placements.map((placement) => placement.id);
  const teamIds = [...new Set(placements.map((placement) => placement.teamId))];

  const [records, absences, assessments, evidence, finals, stage2Pes] = await Promise.all([
    tx.supervisionRecord.findMany({
      where: { placementId: { in: placementIds } },
      select: {
        id: true,
        placementId: true,
        heldOn: true,
        durationMinutes: true,
        type: true,
        status: true,
        peSignedAt: true,
      },
    }),
    tx.attendanceDay.findMany({
      where: { placementId: { in: placementIds }, kind: { in: ["SICK", "ABSENT"] } },
      select: { placementId: true, date: true },
    }),
    tx.childAssessment.findMany({
      where: { status: "IN_PROGRESS", allocation: { status: "ACTIVE", placementId: { in: placementIds } } },
      select: {
        id: true,
        startDate: true,
        dueDate: true,
        status: true,
        completedOn: true,
        allocation: { select: { studentId: true, overseeingPeId: true, child: { select: { code: true } } } },
      },
    }),
    tx.evidenceItem.findMany({
      where: { placementId: { in: placementIds }, status: "SUBMITTED" },
      select: { id: true, placementId: true, status: true, submittedAt: true },
    }),
    tx.finalAssessment.findMany({
      where: { placementId: { in: placementIds }, status: { in: ["PE_SIGNED", "AWAITING_RATIFICATION"] } },
      select: {
        id: true,
        placementId: true,
        practiceEducatorId: true,
        status: true,
        studentSignedAt: true,
        onsiteSignedAt: true,
      },
    }),
    tx.user.findMany({
      where: { role: "PRACTICE_EDUCATOR", pepsStage: "STAGE_2", active: true, organisationId: { in: teamIds } },
      select: { id: true, organisationId: true },
    }),
  ]);

  const byPlacement = new Map(placements.map((placement) => [placement.id, placement]));
  /** Who a placement's reminders concern: its student, by id and name, and its current PE. */
  const partiesOf = (placementId: string) => {
    const placement = byPlacement.get(placementId)!;
    return {
      studentId: placement.studentId,
      studentName: placement.student.name,
      currentPeId: placement.practiceEducators[0]?.practiceEducatorId ?? null,
    };
  };
  const group = <T extends { placementId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.placementId, [...(map.get(row.placementId) ?? []), row]);
    return map;
  };
  const recordsOf = group(records);
  const absencesOf = group(absences);

  const reminders: Reminder[] = [];
  for (const placement of placements) {
    const { studentName, currentPeId } = partiesOf(placement.id);
    const startDate = toIsoDate(placement.startDate);
    const placementAbsences = (absencesOf.get(placement.id) ?? []).map((day) => toIsoDate(day.date));
    const week = supervisionWeekReminder({
      placement: {
        id: placement.id,
        status: placement.status,
        startDate,
        endDate: toIsoDate(placement.endDate),
        everyWeeks: placement.supervisionEveryWeeks,
        minMinutes: placement.supervisionMinMinutes,
        studentName,
      },
      currentPeId,
      sessions: (recordsOf.get(placement.id) ?? []).map((record) => ({
        heldOn: toIsoDate(record.heldOn),
        durationMinutes: record.durationMinutes,
        type: record.type,
      })),
      absences: placementAbsences,
      today,
    });
    if (week) reminders.push(week);
    reminders.push(
      ...milestoneReminders({
        placement: {
          id: placement.id,
          status: placement.status,
          startDate,
          requiredDays: placement.requiredDays,
          studentId: placement.studentId,
          tutorId: placement.tutorId,
          studentName,
        },
        currentPeId,
        absenceDays: placementAbsences.length,
        held: Object.fromEntries(
          placement.milestones.map((milestone) => [milestone.kind, toIsoDate(milestone.heldOn)]),
        ) as Partial<Record<MilestoneKindName, IsoDate>>,
        today,
      }),
    );
  }

  for (const record of records) {
    const { studentId, studentName, currentPeId } = partiesOf(record.placementId);
    const reminder = supervisionRecordReminder({
      record: {
        id: record.id,
        placementId: record.placementId,
        heldOn: toIsoDate(record.heldOn),
        status: record.status,
        peSignedOn: record.peSignedAt ? ukDay(record.peSignedAt) : null,
      },
      studentId,
      studentName,
      currentPeId,
      today,
    });
    if (reminder) reminders.push(reminder);
  }

  for (const assessment of assessments) {
    const reminder = assessmentReminder({
      assessment: {
        id: assessment.id,
        startDate: toIsoDate(assessment.startDate),
        dueDate: toIsoDate(assessment.dueDate),
        status: assessment.status,
        completedOn: assessment.completedOn ? toIsoDate(assessment.completedOn) : null,
      },
      childCode: assessment.allocation.child.code,
      studentId: assessment.allocation.studentId,
      overseeingPeId: assessment.allocation.overseeingPeId,
      today,
    });
    if (reminder) reminders.push(reminder);
  }

  for (const item of evidence) {
    const { studentName, currentPeId } = partiesOf(item.placementId);
    const reminder = evidenceReviewReminder({
      evidence: {
        id: item.id,
        placementId: item.placementId,
        status: item.status,
        submittedOn: item.submittedAt ? ukDay(item.submittedAt) : null,
      },
      studentName,
      currentPeId,
      today,
    });
    if (reminder) reminders.push(reminder);
  }

  for (const final of finals) {
    const placement = byPlacement.get(final.placementId)!;
    const { studentId, studentName } = partiesOf(final.placementId);
    reminders.push(
      ...finalAssessmentReminders({
        assessment: {
          id: final.id,
          placementId: final.placementId,
          practiceEducatorId: final.practiceEducatorId,
          status: final.status,
          studentSigned: Boolean(final.studentSignedAt),
          onsiteSigned: Boolean(final.onsiteSignedAt),
        },
        studentId,
        studentName,
        onsiteSupervisorId: placement.onsiteSupervisorId,
        stage2PeIds: stage2Pes.filter((pe) => pe.organisationId === placement.teamId).map((pe) => pe.id),
      }),
    );
  }

  // Only people whose accounts are active get reminders; an item left with nobody is dropped.
  const wanted = [...new Set(reminders.flatMap((reminder) => reminder.userIds))];
  const users = wanted.length
    ? await tx.user.findMany({
        where: { id: { in: wanted }, active: true },
        select: { id: true, name: true, email: true },
      })
    : [];
  const recipients = new Map(users.map((user) => [user.id, user]));
  const deliverable = reminders
    .map((reminder) => ({ ...reminder, userIds: reminder.userIds.filter((id) => recipients.has(id)) }))
    .filter((reminder) => reminder.userIds.length > 0);

  return {
    checked: placements.length + records.length + assessments.length + evidence.length + finals.length,
    reminders: deliverable,
    recipients,
  };
}
