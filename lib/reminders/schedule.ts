// When the built-in daily timer (scripts/start.ts) runs the reminders job:
// REMINDERS_AT="HH:MM", UK local time (07:00 by default), or "off".

import { todayInUk } from "@/lib/dates";

export type DailyTime = { hour: number; minute: number };

export const DEFAULT_REMINDERS_AT = "07:00";

/** null means switched off. A value that is neither "off" nor HH:MM is refused, so a typo does not silently disable reminders. */
export function parseRemindersAt(value: string | undefined): DailyTime | null {
  const text = (value ?? "").trim() || DEFAULT_REMINDERS_AT;
  if (/^(off|false|no|none|0)$/i.test(text)) return null;
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new Error(`REMINDERS_AT must be a UK time like "07:00", or "off" (got "${value}").`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

const ukParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** Minutes the UK is ahead of UTC at this instant (0 in winter, 60 in summer). */
function ukOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(ukParts.formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant the UK clock shows `time` on the UK calendar day `isoDay`. */
function ukInstant(isoDay: string, time: DailyTime): Date {
  const [year, month, day] = isoDay.split("-").map(Number);
  const naive = Date.UTC(year, month - 1, day, time.hour, time.minute);
  // The offset at the naive instant is right except within an hour of a clock change; a second pass settles it.
  let instant = naive - ukOffsetMinutes(new Date(naive)) * 60_000;
  instant = naive - ukOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

const ukDayOf = (instant: Date) => todayInUk(instant);

/** The next instant, strictly after `now`, at which the UK clock shows `time`. */
export function nextRunAfter(now: Date, time: DailyTime): Date {
  let day = ukDayOf(now);
  for (let attempt = 0; attempt < 3; attempt++) {
    const candidate = ukInstant(day, time);
    if (candidate.getTime() > now.getTime()) return candidate;
    const next = new Date(`${day}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
  }
  throw new Error("Could not work out the next reminders run.");
}
