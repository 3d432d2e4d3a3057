import { addWorkingDays } from "@/lib/calendar/working-days";
import { addDays, type IsoDate } from "@/lib/dates";

// Required days are placement days, not calendar days (docs/domain.md
// "Placements"). Days lost to sickness or absence are made up at the end,
// which is why they push the projected end date out.

export type AttendanceKindName = "PLACEMENT_DAY" | "SKILLS_DAY" | "SICK" | "ABSENT";

export type DaysSummary = {
  required: number;
  completed: number; // placement days attended
  skillsDays: number; // logged separately: delivered by the university
  absences: number; // sick or absent
  remaining: number;
  percentComplete: number;
  /** The working day the last required day falls on, if every working day from now on is attended. */
  projectedEndDate: IsoDate | null;
  /** Projected end after the planned end date. */
  projectedLate: boolean;
};

export function summariseDays(input: {
  requiredDays: number;
  startDate: IsoDate;
  endDate: IsoDate;
  attendance: ReadonlyArray<{ date: IsoDate; kind: AttendanceKindName }>;
  today: IsoDate;
}): DaysSummary {
  const counts = { PLACEMENT_DAY: 0, SKILLS_DAY: 0, SICK: 0, ABSENT: 0 };
  let lastLogged: IsoDate | null = null;
  let lastPlacementDay: IsoDate | null = null;
  for (const day of input.attendance) {
    counts[day.kind]++;
    if (lastLogged === null || day.date > lastLogged) lastLogged = day.date;
    if (day.kind === "PLACEMENT_DAY" && (lastPlacementDay === null || day.date > lastPlacementDay))
      lastPlacementDay = day.date;
  }
  return summariseDayCounts({ ...input, counts, lastLogged, lastPlacementDay });
}

/**
 * The same summary from counts per kind and the two dates it needs, as a
 * database aggregate gives them: dashboards summarise thousands of placements
 * without loading every logged day.
 */
export function summariseDayCounts(input: {
  requiredDays: number;
  startDate: IsoDate;
  endDate: IsoDate;
  counts: Record<AttendanceKindName, number>;
  lastLogged: IsoDate | null;
  lastPlacementDay: IsoDate | null;
  today: IsoDate;
}): DaysSummary {
  const completed = input.counts.PLACEMENT_DAY;
  const remaining = Math.max(0, input.requiredDays - completed);

  let projectedEndDate: IsoDate | null;
  if (remaining === 0) {
    projectedEndDate = input.lastPlacementDay;
  } else {
    // Count forward from the latest of: the day before the start, yesterday
    // (today is still available), the last logged day.
    const dayBeforeStart = addDays(input.startDate, -1);
    const from = [dayBeforeStart, addDays(input.today, -1), input.lastLogged ?? dayBeforeStart].sort().at(-1)!;
    projectedEndDate = addWorkingDaysSafely(from, remaining);
  }

  return {
    required: input.requiredDays,
    completed,
    skillsDays: input.counts.SKILLS_DAY,
    absences: input.counts.SICK + input.counts.ABSENT,
    remaining,
    percentComplete: input.requiredDays > 0 ? Math.min(100, Math.round((completed / input.requiredDays) * 100)) : 0,
    projectedEndDate,
    projectedLate: projectedEndDate !== null && projectedEndDate > input.endDate,
  };
}

function addWorkingDaysSafely(from: IsoDate, count: number): IsoDate | null {
  try {
    return addWorkingDays(from, count);
  } catch {
    return null; // beyond the bank-holiday table: better no projection than a wrong one
  }
}
