import { addDays, type IsoDate } from "@/lib/dates";
import { SCHOOL_HOLIDAYS, schoolHolidayOn, type SchoolHoliday } from "@/lib/calendar/school-holidays";
import { MAX_PLANNED_SESSIONS } from "@/lib/validations/direct-work";

// A direct-work programme runs in school weeks (docs/domain.md, "Children's
// work"): session n is planned on the same weekday as the first, a week after
// session n − 1, skipping any week whose day falls in a school holiday (the
// pupil is not in school), and the programme ends on the last day of the last
// session's week. Pure: the plan, its extension, the form's preview and the
// default date of an added session all count weeks here.

/** The first of `date`, a week later, two weeks later… that is not in a school holiday. */
function termDayFrom(date: IsoDate, holidays: readonly SchoolHoliday[]): IsoDate {
  let day = date;
  while (schoolHolidayOn(day, holidays)) day = addDays(day, 7);
  return day;
}

/** The planned date of each of `count` weekly sessions from `firstSession`, holidays skipped; refuses a count no plan can have. */
export function weeklySessionDates(
  firstSession: IsoDate,
  count: number,
  holidays: readonly SchoolHoliday[] = SCHOOL_HOLIDAYS,
): IsoDate[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_PLANNED_SESSIONS)
    throw new RangeError(`A plan has 0 to ${MAX_PLANNED_SESSIONS} weekly sessions, not ${count}`);
  const dates: IsoDate[] = [];
  let day = firstSession;
  for (let index = 0; index < count; index++) {
    day = termDayFrom(index === 0 ? day : addDays(day, 7), holidays);
    dates.push(day);
  }
  return dates;
}

/** The last day of a programme of `sessions` weekly sessions from `firstSession`: six days after the last session. */
export function programmeEndDate(
  firstSession: IsoDate,
  sessions: number,
  holidays: readonly SchoolHoliday[] = SCHOOL_HOLIDAYS,
): IsoDate {
  if (sessions === 0) return addDays(firstSession, -1);
  return addDays(weeklySessionDates(firstSession, sessions, holidays).at(-1)!, 6);
}

/** The end after adding `added` weekly sessions: the last day of the week of the last added one, holidays skipped. */
export function extendedEndDate(
  endDate: IsoDate,
  added: number,
  holidays: readonly SchoolHoliday[] = SCHOOL_HOLIDAYS,
): IsoDate {
  return programmeEndDate(addDays(endDate, 1), added, holidays);
}

/** Whether a date falls within the programme, both ends included. */
export function isWithinProgramme(date: IsoDate, programme: { startDate: IsoDate; endDate: IsoDate }): boolean {
  return date >= programme.startDate && date <= programme.endDate;
}

/** Where a session added to the plan falls by default: the next school week after the last one, never after the programme's end. */
export function nextSessionDate(
  lastPlanned: IsoDate | null,
  programme: { startDate: IsoDate; endDate: IsoDate },
  holidays: readonly SchoolHoliday[] = SCHOOL_HOLIDAYS,
): IsoDate {
  if (!lastPlanned) return programme.startDate;
  const weekLater = termDayFrom(addDays(lastPlanned, 7), holidays);
  return weekLater < programme.endDate ? weekLater : programme.endDate;
}
