import { addDays, isoWeekday, type IsoDate } from "@/lib/dates";
import { isWorkingDay } from "@/lib/calendar/working-days";
import { BANK_HOLIDAYS_KNOWN_FROM, BANK_HOLIDAYS_KNOWN_UNTIL } from "@/lib/calendar/bank-holidays";

// A child and family assessment completes within 45 working days of its start
// (Working Together to Safeguard Children 2023: a maximum, not a target).
// Working days are England's: Monday to Friday, not a bank holiday
// (lib/calendar/bank-holidays.ts). Pure: no database, no clock.

export const ASSESSMENT_LIMIT_WORKING_DAYS = 45;
/** Flag an assessment as near due when this many working days or fewer are left. */
export const NEAR_DUE_WORKING_DAYS = 5;

export type AssessmentDueState = "ON_TRACK" | "NEAR_DUE" | "OVERDUE" | "COMPLETED";

export const ASSESSMENT_DUE_LABELS: Record<AssessmentDueState, string> = {
  ON_TRACK: "On track",
  NEAR_DUE: "Near due",
  OVERDUE: "Past due",
  COMPLETED: "Completed",
};

/**
 * A working day in England. Beyond the bank-holiday table (which the calendar
 * refuses rather than miscount) it is Monday to Friday: a due date and a
 * countdown are still better than none, and a refusal would stop every
 * assessment the day the table runs out.
 */
function isAssessmentWorkingDay(date: IsoDate): boolean {
  if (date < BANK_HOLIDAYS_KNOWN_FROM || date > BANK_HOLIDAYS_KNOWN_UNTIL) return isoWeekday(date) <= 5;
  return isWorkingDay(date);
}

/**
 * When the 45 working days start: the referral, as Working Together counts
 * them, when the child's accepted referral came in on or before the work was
 * allocated; otherwise (a child recorded by the team without a referral, or a
 * referral dated after the allocation by mistake) the allocation's start.
 */
export function assessmentClockStart(allocationStart: IsoDate, referralReceivedOn: IsoDate | null): IsoDate {
  return referralReceivedOn !== null && referralReceivedOn <= allocationStart ? referralReceivedOn : allocationStart;
}

/** The due date: 45 working days after the start (the start itself not counted). */
export function assessmentDueDate(startDate: IsoDate): IsoDate {
  let date = startDate;
  for (let counted = 0; counted < ASSESSMENT_LIMIT_WORKING_DAYS;) {
    date = addDays(date, 1);
    if (isAssessmentWorkingDay(date)) counted++;
  }
  return date;
}

/** Working days in [from, to]: dates come from validated ranges, so the walk is at most a few thousand days. */
function countWorkingDays(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) if (isAssessmentWorkingDay(date)) count++;
  return count;
}

/**
 * Working days left before the due date, counting the due date but not today:
 * 0 on the due date itself, negative (working days late) once it has passed.
 */
export function workingDaysLeft(today: IsoDate, dueDate: IsoDate): number {
  if (dueDate >= today) return countWorkingDays(addDays(today, 1), dueDate);
  const late = countWorkingDays(addDays(dueDate, 1), today);
  return late === 0 ? 0 : -late;
}

export type AssessmentDue = {
  dueDate: IsoDate;
  state: AssessmentDueState;
  /** null once completed. Negative: working days late. */
  workingDaysLeft: number | null;
  /** For a completed assessment: how many working days it took, and whether within the limit. */
  workingDaysTaken: number | null;
  completedWithinLimit: boolean | null;
  /** The state in words, never the colour alone. */
  summary: string;
};

const plural = (count: number, word: string) => `${count} working ${word}${count === 1 ? "" : "s"}`;

/** Where an assessment stands on `today`. */
export function assessmentDue(input: {
  startDate: IsoDate;
  dueDate?: IsoDate;
  status: "IN_PROGRESS" | "COMPLETED";
  completedOn?: IsoDate | null;
  today: IsoDate;
}): AssessmentDue {
  const dueDate = input.dueDate ?? assessmentDueDate(input.startDate);
  if (input.status === "COMPLETED") {
    const completedOn = input.completedOn ?? null;
    const taken = completedOn ? countWorkingDays(addDays(input.startDate, 1), completedOn) : null;
    const within = completedOn ? completedOn <= dueDate : null;
    return {
      dueDate,
      state: "COMPLETED",
      workingDaysLeft: null,
      workingDaysTaken: taken,
      completedWithinLimit: within,
      summary:
        taken === null
          ? "Completed"
          : `Completed in ${plural(taken, "day")}${within ? ", within the 45-working-day limit" : `, after the 45-working-day limit`}`,
    };
  }
  const left = workingDaysLeft(input.today, dueDate);
  if (input.today > dueDate) {
    const late = -left;
    return {
      dueDate,
      state: "OVERDUE",
      workingDaysLeft: left,
      workingDaysTaken: null,
      completedWithinLimit: null,
      summary: late === 0 ? "Past its due date" : `Past due by ${plural(late, "day")}`,
    };
  }
  const state: AssessmentDueState = left <= NEAR_DUE_WORKING_DAYS ? "NEAR_DUE" : "ON_TRACK";
  const summary = left === 0 ? "Due today" : `${plural(left, "day")} left`;
  return { dueDate, state, workingDaysLeft: left, workingDaysTaken: null, completedWithinLimit: null, summary };
}
