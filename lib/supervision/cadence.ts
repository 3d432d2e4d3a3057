import { addDays, isoWeekday, type IsoDate } from "@/lib/dates";
import { isWorkingDay } from "@/lib/calendar/working-days";

// Supervision cadence: students receive formal supervision weekly by default
// (about 90 minutes; university handbooks), or every N weeks where agreed.
// The midpoint review asks for the dates of supervision and an explanation
// where the frequency was not as expected, so every period is accounted for.
//
// Rules, in words (docs/domain.md, "Supervision", Cadence):
// - Periods are calendar weeks (Monday to Sunday), grouped in N-week blocks
//   from the week the placement starts.
// - Formal and group supervision count; review meetings and direct-observation
//   feedback are recorded but are not supervision.
// - A period is excused when the student had fewer than 2 working days in it:
//   outside the placement's dates, bank holidays, or logged sickness or absence.
// - A period that has ended with no session is missed; one with sessions
//   shorter in total than the minimum is short.

export const COUNTED_SUPERVISION_TYPES = ["FORMAL", "GROUP"] as const;

export type CadenceSession = { heldOn: IsoDate; durationMinutes: number; type: string };

export type CadencePeriodState = "MET" | "SHORT" | "MISSED" | "EXCUSED" | "CURRENT";

export type CadencePeriod = {
  start: IsoDate; // a Monday
  end: IsoDate; // a Sunday
  sessions: number;
  minutes: number;
  availableDays: number;
  state: CadencePeriodState;
};

export type CadenceSummary = {
  everyWeeks: number;
  minMinutes: number;
  periods: CadencePeriod[];
  sessions: number;
  totalMinutes: number;
  met: number;
  missed: number;
  short: number;
  excused: number;
  lastSessionOn: IsoDate | null;
  /** More than one expected interval has passed since the last session (or since the start). */
  overdue: boolean;
};

export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

function safeIsWorkingDay(date: IsoDate): boolean {
  try {
    return isWorkingDay(date);
  } catch {
    return isoWeekday(date) <= 5; // beyond the bank-holiday table: weekdays only
  }
}

export function supervisionCadence(input: {
  startDate: IsoDate;
  endDate: IsoDate;
  today: IsoDate;
  everyWeeks: number;
  minMinutes: number;
  sessions: readonly CadenceSession[];
  absences: readonly IsoDate[];
  /** Whether the placement is running now (active): only then can supervision be overdue. */
  active: boolean;
  /** For a suspended, completed or ended-early placement: the last day the student was there; later weeks are not expected. */
  stoppedOn?: IsoDate | null;
}): CadenceSummary {
  const everyWeeks = Math.max(1, input.everyWeeks);
  const counted = input.sessions.filter((session) => COUNTED_SUPERVISION_TYPES.some((type) => type === session.type));
  const absent = new Set(input.absences);
  const lastDay = [input.endDate, input.today, input.stoppedOn ?? input.today].sort()[0];

  const periods: CadencePeriod[] = [];
  for (let start = mondayOf(input.startDate); start <= lastDay; start = addDays(start, 7 * everyWeeks)) {
    const end = addDays(start, 7 * everyWeeks - 1);
    let availableDays = 0;
    for (let day = start; day <= end; day = addDays(day, 1)) {
      if (day >= input.startDate && day <= input.endDate && safeIsWorkingDay(day) && !absent.has(day)) availableDays++;
    }
    const inPeriod = counted.filter((session) => session.heldOn >= start && session.heldOn <= end);
    const minutes = inPeriod.reduce((sum, session) => sum + session.durationMinutes, 0);
    const ended = end < input.today;
    let state: CadencePeriodState;
    if (inPeriod.length > 0) state = minutes >= input.minMinutes ? "MET" : ended ? "SHORT" : "CURRENT";
    else if (availableDays < 2) state = "EXCUSED";
    else state = ended ? "MISSED" : "CURRENT";
    periods.push({ start, end, sessions: inPeriod.length, minutes, availableDays, state });
  }

  const lastSessionOn =
    counted
      .map((session) => session.heldOn)
      .sort()
      .at(-1) ?? null;
  const since = lastSessionOn ?? addDays(input.startDate, -1);
  const overdue = input.active && input.startDate <= input.today && addDays(since, 7 * everyWeeks) < input.today;
  const count = (state: CadencePeriodState) => periods.filter((period) => period.state === state).length;

  return {
    everyWeeks,
    minMinutes: input.minMinutes,
    periods,
    sessions: counted.length,
    totalMinutes: counted.reduce((sum, session) => sum + session.durationMinutes, 0),
    met: count("MET"),
    missed: count("MISSED"),
    short: count("SHORT"),
    excused: count("EXCUSED"),
    lastSessionOn,
    overdue,
  };
}

/** The last day a placement that is no longer running was attended (null while it runs): where its cadence stops. */
export function stoppedOnFor(status: string, lastAttendedOn: IsoDate | null, startDate: IsoDate): IsoDate | null {
  if (status === "ACTIVE" || status === "PLANNED") return null;
  return lastAttendedOn ?? startDate;
}
