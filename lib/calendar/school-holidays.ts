import type { IsoDate } from "@/lib/dates";

// School holidays: weeks when the partner schools are closed, so no direct-work
// session with a pupil is planned then (docs/domain.md, "Children's work").
// The default is the local authority's usual pattern for the 2026/27 school
// year (Worcestershire: autumn half term, Christmas, spring half term, Easter,
// May half term, summer), inclusive of the closure days either side. Schools
// may differ by a training day: check each year against the authority's
// published term dates and extend the table here, as lib/calendar/bank-holidays.ts
// is extended. Outside the table no week is skipped (a plan is never refused
// for want of dates).

export type SchoolHoliday = { name: string; from: IsoDate; to: IsoDate };

export const SCHOOL_HOLIDAYS: readonly SchoolHoliday[] = [
  { name: "the summer holiday", from: "2026-07-22", to: "2026-09-02" },
  { name: "the autumn half term", from: "2026-10-24", to: "2026-11-01" },
  { name: "the Christmas holiday", from: "2026-12-19", to: "2027-01-04" },
  { name: "the spring half term", from: "2027-02-13", to: "2027-02-21" },
  { name: "the Easter holiday", from: "2027-03-27", to: "2027-04-11" },
  { name: "the May half term", from: "2027-05-29", to: "2027-06-06" },
  { name: "the summer holiday", from: "2027-07-22", to: "2027-09-01" },
];

/** The school holiday a date falls in (both ends included), or null in term time or beyond the table. */
export function schoolHolidayOn(
  date: IsoDate,
  holidays: readonly SchoolHoliday[] = SCHOOL_HOLIDAYS,
): SchoolHoliday | null {
  return holidays.find((holiday) => date >= holiday.from && date <= holiday.to) ?? null;
}
