import { addDays, formatDate, isoWeekday, todayInUk, type IsoDate } from "@/lib/dates";
import { supervisionCadence, mondayOf, type CadenceSession } from "@/lib/supervision/cadence";
import { placementMilestones, MILESTONE_LABELS, type MilestoneKindName } from "@/lib/portfolio/milestone-rules";
import { assessmentDue } from "@/lib/children/assessment-due";
import { addWorkingDays, workingDaysBetween } from "@/lib/calendar/working-days";

// What is waiting for someone, one pure rule per kind of item: the "To do"
// panel on every home page and the daily reminders job read the same items
// (lib/todo/to-do.ts), so the app and the emails never disagree. Each rule
// returns the item open on `today` (or none): who it is for, a stable item
// key (the job sends each person at most one reminder per key per day), the
// words, count, due date and link, and whether the reminders job chases it
// today (`remind`: most items are shown at once and chased after a grace
// period, docs/domain.md "To do and reminders").
//
// Reminders go out by email as well, and notifications outlive a person's
// access to a child: a child appears by pseudonymous code only, never a name.
// Free text people wrote (evidence titles, notes) is left out for the same reason.

export type Reminder = {
  itemKey: string;
  userIds: string[];
  title: string;
  body: string;
  link: string;
};

/** The kinds of things waiting for someone, most urgent kind first when due dates tie. */
export const TO_DO_KINDS = [
  "SAFEGUARDING_ACTION",
  "SUPERVISION_SIGN",
  "SUPERVISION_DRAFT",
  "SUPERVISION_WEEK",
  "MEETING",
  "ASSESSMENT",
  "FINAL_SIGN",
  "FINAL_RATIFY",
  "EVIDENCE_REVIEW",
  "PLANNED_SESSION",
  "LOG_TODAY",
] as const;
export type ToDoKind = (typeof TO_DO_KINDS)[number];

export type ToDoItem = Reminder & {
  kind: ToDoKind;
  /** How many things the item stands for (pieces of evidence, concerns); 1 for a single record. */
  count: number;
  /** When it should be done by; before today means overdue. */
  dueDate: IsoDate;
  /** Whether the daily reminders job chases it today (see each rule's grace period). */
  remind: boolean;
  /** The placement it belongs to, when it belongs to one (the on-site supervisor's "Log today" button needs it). */
  placementId: string | null;
};

/** Reminders are about work still going on: a finished placement's people are not chased. */
export const OPEN_PLACEMENT_STATUSES = ["ACTIVE", "SUSPENDED"] as const;

/** A PE-signed supervision record waits this many days for the student before a reminder. */
export const SIGNATURE_WAIT_DAYS = 2;
/** A draft supervision record of a session held this many days ago is chased. */
export const DRAFT_AGE_DAYS = 7;
/** Submitted evidence not reviewed within this many working days is chased. */
export const EVIDENCE_REVIEW_WORKING_DAYS = 5;
/** From Thursday, a week with no supervision recorded yet gets a reminder. */
export const WEEK_ENDING_FROM_WEEKDAY = 4;

const ids = (...values: Array<string | null | undefined>) => [
  ...new Set(values.filter((value): value is string => Boolean(value))),
];

/** The UK calendar day of an instant. */
export const ukDay = (instant: Date): IsoDate => todayInUk(instant);

function safeAddWorkingDays(from: IsoDate, count: number): IsoDate {
  try {
    return addWorkingDays(from, count);
  } catch {
    let day = from;
    for (let left = count; left > 0;) {
      day = addDays(day, 1);
      if (isoWeekday(day) <= 5) left--;
    }
    return day;
  }
}

function safeWorkingDaysBetween(from: IsoDate, to: IsoDate): number {
  try {
    return workingDaysBetween(from, to);
  } catch {
    let count = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) if (isoWeekday(day) <= 5) count++;
    return count;
  }
}

// ---------------------------------------------------------------------------
// Supervision not recorded this week

export type SupervisionWeekInput = {
  placement: {
    id: string;
    status: string;
    startDate: IsoDate;
    endDate: IsoDate;
    everyWeeks: number;
    minMinutes: number;
    studentName: string;
  };
  currentPeId: string | null;
  sessions: readonly CadenceSession[];
  absences: readonly IsoDate[];
  today: IsoDate;
};

/**
 * The current PE's "record this week's supervision": open while the current
 * supervision period has no session yet, or while supervision is overdue
 * (more than one interval since the last session). Chased by the reminders
 * job when the period ends within the week (from Thursday of its last week)
 * or once overdue.
 */
export function supervisionWeekItem(input: SupervisionWeekInput): ToDoItem | null {
  const { placement, today } = input;
  if (placement.status !== "ACTIVE" || !input.currentPeId) return null;
  if (today < placement.startDate) return null;
  const summary = supervisionCadence({
    startDate: placement.startDate,
    endDate: placement.endDate,
    today,
    everyWeeks: placement.everyWeeks,
    minMinutes: placement.minMinutes,
    sessions: input.sessions.filter((session) => session.heldOn <= today),
    absences: input.absences,
    active: true,
  });
  const current = summary.periods.find((period) => period.start <= today && today <= period.end) ?? null;
  const open = current !== null && current.state === "CURRENT" && current.sessions === 0;
  const endingSoon =
    open &&
    isoWeekday(today) >= WEEK_ENDING_FROM_WEEKDAY &&
    current.end <= addDays(today, 7 - WEEK_ENDING_FROM_WEEKDAY);
  if (!open && !summary.overdue) return null;
  const interval = summary.everyWeeks === 1 ? "every week" : `every ${summary.everyWeeks} weeks`;
  const common = {
    kind: "SUPERVISION_WEEK" as const,
    count: 1,
    placementId: placement.id,
    remind: endingSoon || summary.overdue,
  };
  const periodStart = current?.start ?? mondayOf(today);
  const link = `/placements/${placement.id}/supervision/new`;
  if (summary.overdue) {
    const lastOrStart = summary.lastSessionOn ?? placement.startDate;
    const dueDate = addDays(lastOrStart, 7 * summary.everyWeeks);
    return {
      ...common,
      dueDate: dueDate < today ? dueDate : today,
      itemKey: `supervision-week:${placement.id}:${periodStart}`,
      userIds: ids(input.currentPeId),
      title: `Supervision overdue: ${placement.studentName}`,
      body: summary.lastSessionOn
        ? `The last supervision session recorded for ${placement.studentName} was on ${formatDate(summary.lastSessionOn)}; supervision is expected ${interval}.`
        : `No supervision session is recorded for ${placement.studentName} since the placement started on ${formatDate(placement.startDate)}; supervision is expected ${interval}.`,
      link,
    };
  }
  return {
    ...common,
    dueDate: current!.end,
    itemKey: `supervision-week:${placement.id}:${periodStart}`,
    userIds: ids(input.currentPeId),
    title: `Supervision not recorded yet this week: ${placement.studentName}`,
    body: `No supervision session is recorded yet for ${placement.studentName} in the ${summary.everyWeeks === 1 ? "week" : "period"} ending ${formatDate(current!.end)}.`,
    link,
  };
}

// ---------------------------------------------------------------------------
// Review meetings (learning agreement, midpoint, final review)

/** Tutors attend the learning agreement and midpoint meetings, not the final review (docs/domain.md "Progress, RAG and reminders"). */
const TUTOR_ATTENDS: Record<MilestoneKindName, boolean> = {
  LEARNING_AGREEMENT: true,
  MIDPOINT_REVIEW: true,
  FINAL_REVIEW: false,
};

export type MilestoneInput = {
  placement: {
    id: string;
    status: string;
    startDate: IsoDate;
    requiredDays: number;
    studentId: string;
    tutorId: string | null;
    studentName: string;
  };
  currentPeId: string | null;
  absenceDays: number;
  held: Partial<Record<MilestoneKindName, IsoDate>>;
  today: IsoDate;
};

/** Meetings due within 7 days and not held, or overdue: the PE, the student and (for the first two) the tutor. Chased at once. */
export function milestoneItems(input: MilestoneInput): ToDoItem[] {
  const { placement, today } = input;
  if (placement.status !== "ACTIVE") return [];
  const milestones = placementMilestones({
    startDate: placement.startDate,
    requiredDays: placement.requiredDays,
    absenceDays: input.absenceDays,
    status: placement.status,
    held: input.held,
    today,
  });
  return milestones
    .filter((milestone) => milestone.state === "DUE_SOON" || milestone.state === "OVERDUE")
    .map((milestone) => {
      const label = MILESTONE_LABELS[milestone.kind];
      const overdue = milestone.state === "OVERDUE";
      return {
        kind: "MEETING" as const,
        count: 1,
        dueDate: milestone.dueDate ?? today,
        remind: true,
        placementId: placement.id,
        itemKey: `milestone:${placement.id}:${milestone.kind}`,
        userIds: ids(input.currentPeId, placement.studentId, TUTOR_ATTENDS[milestone.kind] ? placement.tutorId : null),
        title: `${label} ${overdue ? "overdue" : `due ${formatDate(milestone.dueDate)}`}: ${placement.studentName}`,
        body: overdue
          ? `${placement.studentName}'s ${label.toLowerCase()} was due on ${formatDate(milestone.dueDate)} and is not recorded yet.`
          : `${placement.studentName}'s ${label.toLowerCase()} is due on ${formatDate(milestone.dueDate)}. Arrange the meeting if it is not already booked.`,
        link: `/placements/${placement.id}/reviews`,
      };
    });
}

// ---------------------------------------------------------------------------
// Child and family assessments near or past the 45-working-day limit

export type AssessmentInput = {
  assessment: {
    id: string;
    startDate: IsoDate;
    dueDate: IsoDate;
    status: "IN_PROGRESS" | "COMPLETED";
    completedOn: IsoDate | null;
  };
  /** The child's pseudonymous code: reminders never carry a name. */
  childCode: string;
  studentId: string;
  overseeingPeId: string;
  today: IsoDate;
};

/** Within 5 working days of the 45-working-day limit, or past it: the allocated student and the overseeing PE. Chased at once. */
export function assessmentItem(input: AssessmentInput): ToDoItem | null {
  const { assessment, today } = input;
  if (assessment.status !== "IN_PROGRESS") return null;
  const due = assessmentDue({
    startDate: assessment.startDate,
    dueDate: assessment.dueDate,
    status: assessment.status,
    completedOn: assessment.completedOn,
    today,
  });
  if (due.state !== "NEAR_DUE" && due.state !== "OVERDUE") return null;
  return {
    kind: "ASSESSMENT",
    count: 1,
    dueDate: due.dueDate,
    remind: true,
    placementId: null,
    itemKey: `assessment:${assessment.id}`,
    userIds: ids(input.studentId, input.overseeingPeId),
    title: `Child and family assessment for ${input.childCode}: ${due.summary.toLowerCase()}`,
    body:
      due.state === "OVERDUE"
        ? `The assessment for ${input.childCode} was due by ${formatDate(due.dueDate)} (45 working days). Tell your practice educator and the team manager.`
        : `The assessment for ${input.childCode} is due by ${formatDate(due.dueDate)}, the 45-working-day limit.`,
    link: `/assessments/${assessment.id}`,
  };
}

// ---------------------------------------------------------------------------
// Unsigned records

export type SupervisionRecordInput = {
  record: {
    id: string;
    placementId: string;
    heldOn: IsoDate;
    status: "DRAFT" | "PE_SIGNED" | "SIGNED";
    peSignedOn: IsoDate | null;
  };
  studentId: string;
  studentName: string;
  currentPeId: string | null;
  today: IsoDate;
};

/**
 * PE-signed: the student signs next (chased after 2 days). A draft of a
 * session already held: the PE finishes and signs it (chased 7 days after the session).
 */
export function supervisionRecordItem(input: SupervisionRecordInput): ToDoItem | null {
  const { record, today } = input;
  const link = `/supervision/${record.id}#sign`;
  const common = { count: 1, placementId: record.placementId };
  if (record.status === "PE_SIGNED") {
    const signedOn = record.peSignedOn ?? record.heldOn;
    return {
      ...common,
      kind: "SUPERVISION_SIGN",
      dueDate: addDays(signedOn, SIGNATURE_WAIT_DAYS),
      remind: signedOn <= addDays(today, -SIGNATURE_WAIT_DAYS),
      itemKey: `supervision-sign:${record.id}`,
      userIds: ids(input.studentId),
      title: `Supervision record of ${formatDate(record.heldOn)} is waiting for your signature`,
      body: `Your practice educator signed the notes of your supervision on ${formatDate(record.heldOn)} on ${formatDate(signedOn)}. Read them, add your reflection and sign.`,
      link,
    };
  }
  if (record.status === "DRAFT" && record.heldOn <= today) {
    return {
      ...common,
      kind: "SUPERVISION_DRAFT",
      dueDate: addDays(record.heldOn, DRAFT_AGE_DAYS),
      remind: record.heldOn <= addDays(today, -DRAFT_AGE_DAYS),
      itemKey: `supervision-draft:${record.id}`,
      userIds: ids(input.currentPeId),
      title: `Supervision notes not signed: ${input.studentName}, ${formatDate(record.heldOn)}`,
      body: `The notes of ${input.studentName}'s supervision on ${formatDate(record.heldOn)} are still a draft. Finish and sign them so the student can sign.`,
      link,
    };
  }
  return null;
}

export type EvidenceInput = {
  placementId: string;
  /** The placement's evidence submitted and not yet reviewed. */
  evidence: ReadonlyArray<{ id: string; submittedOn: IsoDate }>;
  studentName: string;
  currentPeId: string | null;
  today: IsoDate;
};

/**
 * A placement's submitted evidence, one item for the current PE with the
 * count, linking to the review list. Chased once the oldest piece has waited
 * 5 working days. The evidence's titles are left out (free text).
 */
export function evidenceReviewItem(input: EvidenceInput): ToDoItem | null {
  const { today } = input;
  if (input.evidence.length === 0) return null;
  const oldest = [...input.evidence].sort((a, b) => (a.submittedOn < b.submittedOn ? -1 : 1))[0];
  const waited = safeWorkingDaysBetween(addDays(oldest.submittedOn, 1), today);
  const count = input.evidence.length;
  return {
    kind: "EVIDENCE_REVIEW",
    count,
    dueDate: safeAddWorkingDays(oldest.submittedOn, EVIDENCE_REVIEW_WORKING_DAYS),
    remind: waited >= EVIDENCE_REVIEW_WORKING_DAYS,
    placementId: input.placementId,
    itemKey: `evidence-review:${input.placementId}`,
    userIds: ids(input.currentPeId),
    title: `Evidence waiting for your review: ${input.studentName}`,
    body:
      count === 1
        ? `${input.studentName} submitted evidence on ${formatDate(oldest.submittedOn)}; it has waited ${waited} working ${waited === 1 ? "day" : "days"} for review.`
        : `${input.studentName} has ${count} pieces of evidence waiting for review; the oldest was submitted on ${formatDate(oldest.submittedOn)} and has waited ${waited} working ${waited === 1 ? "day" : "days"}.`,
    link: `/placements/${input.placementId}/portfolio#waiting-for-review`,
  };
}

export type FinalAssessmentInput = {
  assessment: {
    id: string;
    placementId: string;
    practiceEducatorId: string;
    status: "DRAFT" | "PE_SIGNED" | "AWAITING_RATIFICATION" | "COMPLETE";
    studentSigned: boolean;
    onsiteSigned: boolean;
  };
  studentId: string;
  studentName: string;
  onsiteSupervisorId: string | null;
  /** The team's stage 2 practice educators, who may ratify. */
  stage2PeIds: readonly string[];
  /** When the PE signed it: from then it waits for the others. */
  waitingSince: IsoDate;
};

/** The final report waits for signatures: the student and on-site supervisor after the PE, then a stage 2 PE's ratification. Chased at once. */
export function finalAssessmentItems(input: FinalAssessmentInput): ToDoItem[] {
  const { assessment } = input;
  const common = { count: 1, dueDate: input.waitingSince, remind: true, placementId: assessment.placementId };
  if (assessment.status === "PE_SIGNED") {
    const userIds = ids(
      assessment.studentSigned ? null : input.studentId,
      assessment.onsiteSigned ? null : input.onsiteSupervisorId,
    );
    if (userIds.length === 0) return [];
    return [
      {
        ...common,
        kind: "FINAL_SIGN",
        itemKey: `final-sign:${assessment.id}`,
        userIds,
        title: `Final assessment waiting for your signature: ${input.studentName}`,
        body: `The practice educator has signed ${input.studentName}'s final assessment. Read it and sign.`,
        link: `/placements/${assessment.placementId}/final-assessment`,
      },
    ];
  }
  if (assessment.status === "AWAITING_RATIFICATION") {
    const userIds = ids(...input.stage2PeIds.filter((id) => id !== assessment.practiceEducatorId));
    if (userIds.length === 0) return [];
    return [
      {
        ...common,
        kind: "FINAL_RATIFY",
        itemKey: `final-ratify:${assessment.id}`,
        userIds,
        title: `Final assessment waiting for ratification: ${input.studentName}`,
        body: `${input.studentName}'s final assessment by a PEPS stage 1 practice educator is signed and needs a stage 2 practice educator to ratify it.`,
        link: "/ratification",
      },
    ];
  }
  return [];
}

// ---------------------------------------------------------------------------
// Shown in the app only (remind: false): raising a safeguarding concern
// already notifies its handlers at once, a planned session is the student's
// own diary, and logging a day is a daily habit, not something to email about.

export type SafeguardingInput = {
  concern: { id: string; raisedOn: IsoDate };
  /** The child's pseudonymous code: a to-do item never carries a name. */
  childCode: string;
  /** The team's admins and the PEs overseeing the child's active work (lib/access/children.ts). */
  handlerIds: readonly string[];
};

/** An open safeguarding concern: its handlers record the action taken, today. */
export function safeguardingItem(input: SafeguardingInput): ToDoItem | null {
  const userIds = ids(...input.handlerIds);
  if (userIds.length === 0) return null;
  return {
    kind: "SAFEGUARDING_ACTION",
    count: 1,
    dueDate: input.concern.raisedOn,
    remind: false,
    placementId: null,
    itemKey: `safeguarding:${input.concern.id}`,
    userIds,
    title: `Record the action taken on the safeguarding concern about ${input.childCode}`,
    body: `A safeguarding concern about ${input.childCode} was raised on ${formatDate(input.concern.raisedOn)} and is still open.`,
    link: `/safeguarding#concern-${input.concern.id}`,
  };
}

export type PlannedSessionInput = {
  session: { id: string; programmeId: string; number: number; plannedOn: IsoDate };
  childCode: string;
  studentId: string;
  today: IsoDate;
};

/** A planned direct-work session whose day has come (or passed) without a record: the student records it. */
export function plannedSessionItem(input: PlannedSessionInput): ToDoItem | null {
  const { session, today } = input;
  if (session.plannedOn > today) return null;
  return {
    kind: "PLANNED_SESSION",
    count: 1,
    dueDate: session.plannedOn,
    remind: false,
    placementId: null,
    itemKey: `planned-session:${session.id}`,
    userIds: ids(input.studentId),
    title: `Record session ${session.number} with ${input.childCode} (planned for ${formatDate(session.plannedOn)})`,
    body: `Session ${session.number} of the direct-work programme with ${input.childCode} was planned for ${formatDate(session.plannedOn)}. Record what happened, or that it was cancelled.`,
    link: `/programmes/${session.programmeId}/sessions/${session.id}`,
  };
}

export type LogTodayInput = {
  placement: { id: string; status: string; startDate: IsoDate; endDate: IsoDate; studentName: string };
  onsiteSupervisorId: string | null;
  /** Whether any day (placement day, sickness, absence) is logged for today already. */
  loggedToday: boolean;
  today: IsoDate;
};

/** The on-site supervisor logs each working day of an active placement: one tap from the home page. */
export function logTodayItem(input: LogTodayInput): ToDoItem | null {
  const { placement, today } = input;
  if (placement.status !== "ACTIVE" || input.loggedToday || !input.onsiteSupervisorId) return null;
  if (today < placement.startDate || today > placement.endDate || isoWeekday(today) > 5) return null;
  return {
    kind: "LOG_TODAY",
    count: 1,
    dueDate: today,
    remind: false,
    placementId: placement.id,
    itemKey: `log-today:${placement.id}:${today}`,
    userIds: ids(input.onsiteSupervisorId),
    title: `Log today for ${placement.studentName}`,
    body: `Nothing is logged yet for ${placement.studentName} today (${formatDate(today)}).`,
    link: `/placements/${placement.id}#attendance-heading`,
  };
}
