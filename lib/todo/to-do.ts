import type { IsoDate } from "@/lib/dates";
import type { MilestoneKindName } from "@/lib/portfolio/milestone-rules";
import {
  TO_DO_KINDS,
  assessmentItem,
  evidenceReviewItem,
  finalAssessmentItems,
  logTodayItem,
  milestoneItems,
  plannedSessionItem,
  safeguardingItem,
  supervisionRecordItem,
  supervisionWeekItem,
  type Reminder,
  type ToDoItem,
} from "@/lib/reminders/rules";

// "What is waiting for you": one list, built from the same rows for the home
// page's "To do" panel (lib/todo/load.ts, scoped to what the user may see)
// and for the daily reminders job (lib/reminders/find-due.ts, every open
// placement). The reminders are the items the job chases today
// (`remind`), so an email never mentions something the app does not show.
// docs/domain.md "To do and reminders".

export type { ToDoItem, ToDoKind } from "@/lib/reminders/rules";

/** Everything the rules read, already loaded (plain values, no database). */
export type ToDoWorld = {
  today: IsoDate;
  placements: Array<{
    id: string;
    teamId: string;
    status: string;
    startDate: IsoDate;
    endDate: IsoDate;
    requiredDays: number;
    supervisionEveryWeeks: number;
    supervisionMinMinutes: number;
    studentId: string;
    studentName: string;
    tutorId: string | null;
    onsiteSupervisorId: string | null;
    currentPeId: string | null;
    held: Partial<Record<MilestoneKindName, IsoDate>>;
    /** Sick and absent days. */
    absences: IsoDate[];
    loggedToday: boolean;
  }>;
  supervisionRecords: Array<{
    id: string;
    placementId: string;
    heldOn: IsoDate;
    durationMinutes: number;
    type: string;
    status: "DRAFT" | "PE_SIGNED" | "SIGNED";
    peSignedOn: IsoDate | null;
  }>;
  /** Submitted, not yet reviewed. */
  evidence: Array<{ id: string; placementId: string; submittedOn: IsoDate }>;
  assessments: Array<{
    id: string;
    startDate: IsoDate;
    dueDate: IsoDate;
    childCode: string;
    studentId: string;
    overseeingPeId: string;
  }>;
  finals: Array<{
    id: string;
    placementId: string;
    practiceEducatorId: string;
    status: "PE_SIGNED" | "AWAITING_RATIFICATION";
    studentSigned: boolean;
    onsiteSigned: boolean;
    peSignedOn: IsoDate;
  }>;
  /** Active stage 2 PEs, by team. */
  stage2Pes: Array<{ id: string; teamId: string }>;
  safeguarding: Array<{ id: string; raisedOn: IsoDate; childCode: string; handlerIds: string[] }>;
  plannedSessions: Array<{
    id: string;
    programmeId: string;
    number: number;
    plannedOn: IsoDate;
    childCode: string;
    studentId: string;
  }>;
};

/** Every open item in the world, for everyone it concerns. */
export function buildToDo(world: ToDoWorld): ToDoItem[] {
  const { today } = world;
  const items: ToDoItem[] = [];
  const byId = new Map(world.placements.map((placement) => [placement.id, placement]));
  const recordsOf = groupBy(world.supervisionRecords);
  const evidenceOf = groupBy(world.evidence);

  for (const placement of world.placements) {
    const week = supervisionWeekItem({
      placement: {
        id: placement.id,
        status: placement.status,
        startDate: placement.startDate,
        endDate: placement.endDate,
        everyWeeks: placement.supervisionEveryWeeks,
        minMinutes: placement.supervisionMinMinutes,
        studentName: placement.studentName,
      },
      currentPeId: placement.currentPeId,
      sessions: (recordsOf.get(placement.id) ?? []).map(({ heldOn, durationMinutes, type }) => ({
        heldOn,
        durationMinutes,
        type,
      })),
      absences: placement.absences,
      today,
    });
    if (week) items.push(week);
    items.push(
      ...milestoneItems({
        placement: {
          id: placement.id,
          status: placement.status,
          startDate: placement.startDate,
          requiredDays: placement.requiredDays,
          studentId: placement.studentId,
          tutorId: placement.tutorId,
          studentName: placement.studentName,
        },
        currentPeId: placement.currentPeId,
        absenceDays: placement.absences.length,
        held: placement.held,
        today,
      }),
    );
    const evidence = evidenceReviewItem({
      placementId: placement.id,
      evidence: evidenceOf.get(placement.id) ?? [],
      studentName: placement.studentName,
      currentPeId: placement.currentPeId,
      today,
    });
    if (evidence) items.push(evidence);
    const log = logTodayItem({
      placement,
      onsiteSupervisorId: placement.onsiteSupervisorId,
      loggedToday: placement.loggedToday,
      today,
    });
    if (log) items.push(log);
  }

  for (const record of world.supervisionRecords) {
    const placement = byId.get(record.placementId);
    if (!placement) continue;
    const item = supervisionRecordItem({
      record,
      studentId: placement.studentId,
      studentName: placement.studentName,
      currentPeId: placement.currentPeId,
      today,
    });
    if (item) items.push(item);
  }

  for (const assessment of world.assessments) {
    const item = assessmentItem({
      assessment: { ...assessment, status: "IN_PROGRESS", completedOn: null },
      childCode: assessment.childCode,
      studentId: assessment.studentId,
      overseeingPeId: assessment.overseeingPeId,
      today,
    });
    if (item) items.push(item);
  }

  for (const final of world.finals) {
    const placement = byId.get(final.placementId);
    if (!placement) continue;
    items.push(
      ...finalAssessmentItems({
        assessment: final,
        studentId: placement.studentId,
        studentName: placement.studentName,
        onsiteSupervisorId: placement.onsiteSupervisorId,
        stage2PeIds: world.stage2Pes.filter((pe) => pe.teamId === placement.teamId).map((pe) => pe.id),
        waitingSince: final.peSignedOn,
      }),
    );
  }

  for (const concern of world.safeguarding) {
    const item = safeguardingItem({ concern, childCode: concern.childCode, handlerIds: concern.handlerIds });
    if (item) items.push(item);
  }
  for (const session of world.plannedSessions) {
    const item = plannedSessionItem({
      session,
      childCode: session.childCode,
      studentId: session.studentId,
      today,
    });
    if (item) items.push(item);
  }
  return items;
}

const KIND_RANK = new Map(TO_DO_KINDS.map((kind, index) => [kind, index]));

/** Most urgent first: the earliest due date (overdue items come first), then the kind, then the words. */
export function byUrgency(a: ToDoItem, b: ToDoItem): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  const kinds = KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)!;
  return kinds !== 0 ? kinds : a.title.localeCompare(b.title);
}

/** One person's list, most urgent first. */
export function toDoFor(userId: string, items: readonly ToDoItem[]): ToDoItem[] {
  return items.filter((item) => item.userIds.includes(userId)).sort(byUrgency);
}

/** What the reminders job sends today: the items it chases, as notifications. */
export function remindersOf(items: readonly ToDoItem[]): Reminder[] {
  return items
    .filter((item) => item.remind)
    .map(({ itemKey, userIds, title, body, link }) => ({ itemKey, userIds, title, body, link }));
}

export type DueWords = { text: string; overdue: boolean };

/** "Overdue since 2 Dec", "Due today", "Due Fri 4 Dec": the due date in words. */
export function dueWords(dueDate: IsoDate, today: IsoDate, format: (date: IsoDate) => string): DueWords {
  if (dueDate < today) return { text: `Overdue since ${format(dueDate)}`, overdue: true };
  if (dueDate === today) return { text: "Due today", overdue: false };
  return { text: `Due ${format(dueDate)}`, overdue: false };
}

function groupBy<T extends { placementId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.placementId, [...(map.get(row.placementId) ?? []), row]);
  return map;
}
