// Words for supervision states and amounts: every state is written out, never shown by colour alone.
import type { CadencePeriod } from "@/lib/supervision/cadence";

/** "90 minutes", "2 hours", "1 hour 30 minutes" */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 1 ? "1 hour" : `${hours} hours`;
  const m = rest === 1 ? "1 minute" : `${rest} minutes`;
  if (minutes < 120 && rest !== 0) return `${minutes} minutes`;
  return rest === 0 ? h : `${h} ${m}`;
}

/** Total hours to one decimal place: "22.5". */
export function formatHours(totalMinutes: number): string {
  return (Math.round((totalMinutes / 60) * 10) / 10).toFixed(1);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function cadenceStateLabel(period: Pick<CadencePeriod, "state" | "availableDays">, everyWeeks: number): string {
  switch (period.state) {
    case "MET":
      return "Met";
    case "SHORT":
      return "Short";
    case "MISSED":
      return "Missed";
    case "EXCUSED":
      return period.availableDays === 0 ? "Excused (no available days)" : "Excused (only 1 available day)";
    case "CURRENT":
      return everyWeeks === 1 ? "This week" : "This period";
  }
}

export const ACTION_STATUS_LABELS = { OPEN: "Open", DONE: "Done", DROPPED: "Dropped" } as const;
export type ActionStatusName = keyof typeof ACTION_STATUS_LABELS;

const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

/** "14:05", UK time: for "Draft saved at …". */
export function formatClockTime(date: Date): string {
  return timeFormat.format(date);
}

/**
 * The attendees of a session, in words. Other students come named or, where
 * the reader may not see them, as their role (lib/supervision/supervision-record-dto.ts).
 */
export function attendeeNames(
  record: {
    attendedPracticeEducator: boolean;
    attendedOnsiteSupervisor: boolean;
    attendedStudent: boolean;
    otherStudents: Array<{ id: string | null; name: string }>;
    otherAttendees: string[];
  },
  names: { student: string; practiceEducator?: string | null; onsiteSupervisor?: string | null },
): string[] {
  const list: string[] = [];
  if (record.attendedStudent) list.push(`${names.student} (student)`);
  if (record.attendedPracticeEducator)
    list.push(names.practiceEducator ? `${names.practiceEducator} (practice educator)` : "Practice educator");
  if (record.attendedOnsiteSupervisor)
    list.push(names.onsiteSupervisor ? `${names.onsiteSupervisor} (on-site supervisor)` : "On-site supervisor");
  for (const other of record.otherStudents) list.push(other.id ? `${other.name} (student)` : other.name);
  return [...list, ...record.otherAttendees];
}
