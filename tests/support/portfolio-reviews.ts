import { getDb } from "../../lib/db";
import { toAppError, type AppError } from "../../lib/errors";

/** Rows the observations, reviews and concerns write: bad input must leave every one unchanged. */
export async function reviewRows() {
  const db = getDb();
  const [
    observations,
    observationDomains,
    milestones,
    concerns,
    concernEvents,
    concernActions,
    audit,
    notifications,
    placementVersions,
  ] = await Promise.all([
    db.directObservation.count(),
    db.observationDomain.count(),
    db.placementMilestone.count(),
    db.causeForConcern.count(),
    db.concernEvent.count(),
    db.concernAction.count(),
    db.auditLog.count(),
    db.notification.count(),
    db.directObservation.aggregate({ _sum: { version: true } }),
  ]);
  return {
    observations,
    observationDomains,
    milestones,
    concerns,
    concernEvents,
    concernActions,
    audit,
    notifications,
    observationVersions: placementVersions._sum.version ?? 0,
  };
}

/** Runs a write expected to fail; returns the user-facing error, having checked that nothing changed. */
export async function rejected(write: () => Promise<unknown>): Promise<AppError> {
  const before = await reviewRows();
  let caught: unknown;
  try {
    await write();
  } catch (error) {
    caught = error;
  }
  const appError = toAppError(caught);
  if (!appError) throw new Error(`Expected a user-facing error, got ${String(caught)}`);
  expect(await reviewRows()).toEqual(before);
  return appError;
}

/** The HTTP status a call would answer with: 200 when it succeeds. */
export async function statusOf(call: () => Promise<unknown>): Promise<number> {
  try {
    await call();
    return 200;
  } catch (error) {
    const appError = toAppError(error);
    if (!appError) throw error;
    return appError.status;
  }
}
