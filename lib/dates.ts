// Dates in this product are calendar days ("2026-11-23"), not instants. They
// are stored as PostgreSQL `date` and handled as UTC midnight, so a day never
// shifts with the server's time zone.

export type IsoDate = string; // YYYY-MM-DD

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function fromIsoDate(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** A real calendar day: "2026-02-30", "2026-13-01" and "2026-00-10" are not. */
export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = fromIsoDate(value);
  return !Number.isNaN(date.getTime()) && toIsoDate(date) === value;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const date = fromIsoDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
}

/** The same day `years` later (29 February becomes 28 February in other years). */
export function addYears(iso: IsoDate, years: number): IsoDate {
  const [year, month, day] = iso.split("-").map(Number);
  const target = new Date(Date.UTC(year + years, month - 1, 1));
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return toIsoDate(target);
}

// Built once: making an Intl.DateTimeFormat with a time zone costs far more
// than formatting with it, and todayInUk runs many times a request (it was a
// top frame in the benchmark's CPU profile, README: Benchmark).
const ukDayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today in the UK, where the team works: the day changes at UK midnight, not UTC midnight. */
export function todayInUk(now = new Date()): IsoDate {
  return ukDayFormat.format(now);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: IsoDate): number {
  const day = fromIsoDate(iso).getUTCDay();
  return day === 0 ? 7 : day;
}

const displayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "23 Nov 2026" */
export function formatDate(value: IsoDate | Date | null | undefined): string {
  if (!value) return "—";
  return displayFormat.format(typeof value === "string" ? fromIsoDate(value) : value);
}

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/London",
});

/**
 * "2 Dec 2026, 14:05" for a moment something happened. A value that is
 * exactly midnight (UTC or UK) was stored from a date with no time (a date
 * picked in a form, or the demo data): it is shown as the date alone, never
 * with a made-up "00:00" (issue 12). One way to show a date-only value: `formatDate`.
 */
export function formatDateTime(value: Date): string {
  if (isDateOnly(value)) return formatDate(todayInUk(value));
  return dateTimeFormat.format(value);
}

/** Whether an instant is exactly midnight in UTC or in the UK: a date stored without a time. */
export function isDateOnly(value: Date): boolean {
  const ms = value.getTime();
  if (ms % 86_400_000 === 0) return true;
  return ms % 60_000 === 0 && todayInUk(value) !== todayInUk(new Date(ms - 1));
}
