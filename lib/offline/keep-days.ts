/**
 * How many days a device keeps the offline copy of a person's records without
 * connecting (OFFLINE_KEEP_DAYS, 1–90, default 14): past it the copy is deleted.
 */
export function offlineKeepDays(value = process.env.OFFLINE_KEEP_DAYS): number {
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= 90 ? days : 14;
}
