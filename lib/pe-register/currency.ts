import { addDays, addYears, type IsoDate } from "@/lib/dates";

// Is a practice educator's training current? (docs/domain.md "The practice
// educator register".) PEPS expects practice educators to keep up to date;
// the team's rule is a refresher every two years from qualifying or the last
// refresher, flagged two months ahead.

export const REFRESHER_EVERY_YEARS = 2;
export const DUE_SOON_DAYS = 60;
/** A register entry nobody has looked at for this long is flagged for checking. */
export const STALE_AFTER_DAYS = 365;

export type RefresherState = "CURRENT" | "DUE_SOON" | "OVERDUE" | "NOT_RECORDED";

export const REFRESHER_STATE_LABELS: Record<RefresherState, string> = {
  CURRENT: "Current",
  DUE_SOON: "Refresher due soon",
  OVERDUE: "Refresher overdue",
  NOT_RECORDED: "No qualification or refresher recorded",
};

export function refresherStatus(
  entry: { qualifiedOn: IsoDate | null; lastRefresherOn: IsoDate | null },
  today: IsoDate,
): { state: RefresherState; dueOn: IsoDate | null } {
  const since = [entry.qualifiedOn, entry.lastRefresherOn]
    .filter((d): d is IsoDate => d !== null)
    .sort()
    .at(-1);
  if (!since) return { state: "NOT_RECORDED", dueOn: null };
  const dueOn = addYears(since, REFRESHER_EVERY_YEARS);
  if (dueOn < today) return { state: "OVERDUE", dueOn };
  if (dueOn <= addDays(today, DUE_SOON_DAYS)) return { state: "DUE_SOON", dueOn };
  return { state: "CURRENT", dueOn };
}

/** An entry last updated more than a year ago (or never) needs checking. */
export function registerEntryStale(updatedOn: IsoDate | null, today: IsoDate): boolean {
  return updatedOn === null || updatedOn < addDays(today, -STALE_AFTER_DAYS);
}
