import { addDays, type IsoDate } from "@/lib/dates";
import { MAX_PLANNED_SESSIONS } from "@/lib/validations/direct-work";

// A direct-work programme runs in weeks (docs/domain.md, "Children's work"):
// session n is planned n − 1 weeks after the first, and the programme ends on
// the last day of the last week. Pure: the plan, its extension, the form's
// preview and the default date of an added session all count weeks here.

/** The planned date of each of `count` weekly sessions from `firstSession`; refuses a count no plan can have. */
export function weeklySessionDates(firstSession: IsoDate, count: number): IsoDate[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_PLANNED_SESSIONS)
    throw new RangeError(`A plan has 0 to ${MAX_PLANNED_SESSIONS} weekly sessions, not ${count}`);
  return Array.from({ length: count }, (_, index) => addDays(firstSession, 7 * index));
}

/** The last day of a programme of `sessions` weeks starting on `firstSession`: the day before the week after the last. */
export function programmeEndDate(firstSession: IsoDate, sessions: number): IsoDate {
  return addDays(firstSession, 7 * sessions - 1);
}

/** The end after adding `added` weekly sessions: a week later for each. */
export function extendedEndDate(endDate: IsoDate, added: number): IsoDate {
  return addDays(endDate, 7 * added);
}

/** Whether a date falls within the programme, both ends included. */
export function isWithinProgramme(date: IsoDate, programme: { startDate: IsoDate; endDate: IsoDate }): boolean {
  return date >= programme.startDate && date <= programme.endDate;
}

/** Where a session added to the plan falls by default: a week after the last one, but never after the programme's end. */
export function nextSessionDate(
  lastPlanned: IsoDate | null,
  programme: { startDate: IsoDate; endDate: IsoDate },
): IsoDate {
  if (!lastPlanned) return programme.startDate;
  const weekLater = addDays(lastPlanned, 7);
  return weekLater < programme.endDate ? weekLater : programme.endDate;
}
