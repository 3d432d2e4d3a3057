import type { IsoDate } from "@/lib/dates";

// How long a child's record is kept, by the kind of work recorded, counted
// from the child's date of birth. Defaults follow common local-authority
// retention schedules (children's social care records to the 25th birthday;
// looked-after and permanence records, which life story work belongs to, to
// the 75th). A council sets its own in CHILD_RETENTION_YEARS, e.g.
// CHILD_RETENTION_YEARS='{"DIRECT_WORK":25,"ASSESSMENT":25,"LIFE_STORY":75}'.
export type RecordKind = "DIRECT_WORK" | "ASSESSMENT" | "LIFE_STORY";

const DEFAULT_RETENTION_YEARS: Record<RecordKind, number> = { DIRECT_WORK: 25, ASSESSMENT: 25, LIFE_STORY: 75 };

function retentionYears(env: string | undefined = process.env.CHILD_RETENTION_YEARS): Record<RecordKind, number> {
  if (!env) return DEFAULT_RETENTION_YEARS;
  const parsed = JSON.parse(env) as Partial<Record<RecordKind, number>>;
  return { ...DEFAULT_RETENTION_YEARS, ...parsed };
}

/** The day after which the record may be anonymised: the longest period of any kind of work recorded. */
export function retainUntil(dateOfBirth: IsoDate, kinds: readonly RecordKind[], years = retentionYears()): IsoDate {
  const longest = Math.max(years.DIRECT_WORK, ...kinds.map((kind) => years[kind]));
  const [y, m, d] = dateOfBirth.split("-").map(Number);
  // 29 February births: the anniversary in a common year is 1 March.
  return new Date(Date.UTC(y + longest, m - 1, d)).toISOString().slice(0, 10);
}

export function mayAnonymise(retainUntilDate: IsoDate | null, today: IsoDate): boolean {
  return retainUntilDate !== null && retainUntilDate < today;
}
