import { addDays, isoWeekday, type IsoDate } from "@/lib/dates";
import {
  BANK_HOLIDAYS_KNOWN_FROM,
  BANK_HOLIDAYS_KNOWN_UNTIL,
  ENGLAND_BANK_HOLIDAYS,
} from "@/lib/calendar/bank-holidays";

function assertKnown(date: IsoDate) {
  if (date < BANK_HOLIDAYS_KNOWN_FROM || date > BANK_HOLIDAYS_KNOWN_UNTIL) {
    throw new RangeError(`No bank-holiday table for ${date}: extend lib/calendar/bank-holidays.ts.`);
  }
}

/** Monday to Friday and not a bank holiday in England. */
export function isWorkingDay(date: IsoDate): boolean {
  assertKnown(date);
  return isoWeekday(date) <= 5 && !ENGLAND_BANK_HOLIDAYS.has(date);
}

/** The date `count` working days after `from` (from itself not counted); count 0 gives `from`. */
export function addWorkingDays(from: IsoDate, count: number): IsoDate {
  let date = from;
  let remaining = count;
  while (remaining > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) remaining--;
  }
  return date;
}

/** Working days in the inclusive range [from, to]; 0 when to is before from. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) if (isWorkingDay(date)) count++;
  return count;
}
