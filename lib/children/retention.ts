import { z } from "zod";
import type { IsoDate } from "@/lib/dates";

// How long a child's record is kept, by the kind of work recorded, counted
// from the child's date of birth. Defaults follow common local-authority
// retention schedules (children's social care records to the 25th birthday;
// looked-after and permanence records, which life story work belongs to, to
// the 75th). A council sets its own in CHILD_RETENTION_YEARS, e.g.
// CHILD_RETENTION_YEARS='{"DIRECT_WORK":25,"ASSESSMENT":25,"LIFE_STORY":75}'.
export type RecordKind = "DIRECT_WORK" | "ASSESSMENT" | "LIFE_STORY";

const DEFAULT_RETENTION_YEARS: Record<RecordKind, number> = { DIRECT_WORK: 25, ASSESSMENT: 25, LIFE_STORY: 75 };

const years = z.number().int().min(1).max(150);
const retentionSetting = z.strictObject({
  DIRECT_WORK: years.optional(),
  ASSESSMENT: years.optional(),
  LIFE_STORY: years.optional(),
});

/**
 * CHILD_RETENTION_YEARS read and checked. A wrong setting is an error, not a
 * fallback to the defaults: a council that set its own schedule must not have
 * records kept or anonymised on another one. The server checks it at start-up
 * (scripts/start.ts), so a mistake stops the start rather than failing requests.
 */
export function retentionYears(
  env: string | undefined = process.env.CHILD_RETENTION_YEARS,
): Record<RecordKind, number> {
  if (!env?.trim()) return DEFAULT_RETENTION_YEARS;
  let json: unknown;
  try {
    json = JSON.parse(env);
  } catch {
    throw new Error(
      `CHILD_RETENTION_YEARS is not JSON: expected e.g. {"DIRECT_WORK":25,"ASSESSMENT":25,"LIFE_STORY":75}`,
    );
  }
  const parsed = retentionSetting.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `CHILD_RETENTION_YEARS is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")}`,
    );
  return { ...DEFAULT_RETENTION_YEARS, ...parsed.data };
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
