import { addDays, formatDate, isoWeekday, todayInUk, type IsoDate } from "@/lib/dates";
import { supervisionCadence, mondayOf, type CadenceSession } from "@/lib/supervision/cadence";
import { placementMilestones, MILESTONE_LABELS, type MilestoneKindName } from "@/lib/portfolio/milestone-rules";
import { assessmentDue } from "@/lib/children/assessment-due";
import { workingDaysBetween } from "@/lib/calendar/working-days";

// What the daily reminders job chases, one pure rule per kind of item. Each
// rule returns the reminders due on `today` (or none): who to tell, a stable
// item key (the job sends each person at most one reminder per key per day),
// and the words and link of the notification (docs/domain.md "Progress, RAG
// and reminders").
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
 * The current PE is reminded when the placement's current supervision period
 * has no session yet and it ends within the week (from Thursday of its last
 * week), or when supervision is overdue (more than one interval since the last session).
 */
export function supervisionWeekReminder(input: SupervisionWeekInput): Reminder | null {
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
  const endingSoon =
    current !== null &&
    current.state === "CURRENT" &&
    current.sessions === 0 &&
    isoWeekday(today) >= WEEK_ENDING_FROM_WEEKDAY &&
    current.end <= addDays(today, 7 - WEEK_ENDING_FROM_WEEKDAY);
  if (!endingSoon && !summary.overdue) return null;
  const periodStart = current?.start ?? mondayOf(today);
  const link = `/placements/${placement.id}/supervision`;
  const interval = summary.everyWeeks === 1 ? "every week" : `every ${summary.everyWeeks} weeks`;
  if (summary.overdue) {
    return {
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

/** Meetings due within 7 days and not held, or overdue: the PE, the student and (for the first two) the tutor. */
export function milestoneReminders(input: MilestoneInput): Reminder[] {
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

export function assessmentReminder(input: AssessmentInput): Reminder | null {
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

/** PE-signed for 2+ days: the student signs next. A draft of a session 7+ days ago: the PE finishes and signs it. */
export function supervisionRecordReminder(input: SupervisionRecordInput): Reminder | null {
  const { record, today } = input;
  const link = `/supervision/${record.id}`;
  if (record.status === "PE_SIGNED" && record.peSignedOn && record.peSignedOn <= addDays(today, -SIGNATURE_WAIT_DAYS)) {
    return {
      itemKey: `supervision-sign:${record.id}`,
      userIds: ids(input.studentId),
      title: `Supervision record of ${formatDate(record.heldOn)} is waiting for your signature`,
      body: `Your practice educator signed the notes of your supervision on ${formatDate(record.heldOn)} on ${formatDate(record.peSignedOn)}. Read them, add your reflection and sign.`,
      link,
    };
  }
  if (record.status === "DRAFT" && record.heldOn <= addDays(today, -DRAFT_AGE_DAYS)) {
    return {
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
  evidence: { id: string; placementId: string; status: string; submittedOn: IsoDate | null };
  studentName: string;
  currentPeId: string | null;
  today: IsoDate;
};

/** Submitted evidence not reviewed for 5+ working days: the current PE. The title is left out (free text). */
export function evidenceReviewReminder(input: EvidenceInput): Reminder | null {
  const { evidence, today } = input;
  if (evidence.status !== "SUBMITTED" || !evidence.submittedOn) return null;
  const waited = safeWorkingDaysBetween(addDays(evidence.submittedOn, 1), today);
  if (waited < EVIDENCE_REVIEW_WORKING_DAYS) return null;
  return {
    itemKey: `evidence-review:${evidence.id}`,
    userIds: ids(input.currentPeId),
    title: `Evidence waiting for your review: ${input.studentName}`,
    body: `${input.studentName} submitted evidence on ${formatDate(evidence.submittedOn)}; it has waited ${waited} working days for review.`,
    link: `/evidence/${evidence.id}`,
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
};

/** The final report waits for signatures: the student and on-site supervisor after the PE, then a stage 2 PE's ratification. */
export function finalAssessmentReminders(input: FinalAssessmentInput): Reminder[] {
  const { assessment } = input;
  if (assessment.status === "PE_SIGNED") {
    const userIds = ids(
      assessment.studentSigned ? null : input.studentId,
      assessment.onsiteSigned ? null : input.onsiteSupervisorId,
    );
    if (userIds.length === 0) return [];
    return [
      {
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
