import { getDb } from "../../lib/db";
import { AppError, toAppError } from "../../lib/errors";
import { addDays } from "../../lib/dates";
import type { World } from "./world";

// Shared by the supervision database tests: a valid session body, and the
// check that a refused write is a user-facing error that wrote nothing.

/** What a supervision write could have changed: every one of these must be unchanged after a refusal. */
export async function supervisionRows() {
  const db = getDb();
  const [records, actions, addenda, attendees, audit, latest, placements] = await Promise.all([
    db.supervisionRecord.count(),
    db.supervisionAction.count(),
    db.supervisionAddendum.count(),
    db.supervisionAttendee.count(),
    db.auditLog.count(),
    db.supervisionRecord.findFirst({ orderBy: { updatedAt: "desc" }, select: { id: true, updatedAt: true } }),
    db.placement.findMany({
      orderBy: { id: "asc" },
      select: { id: true, version: true, supervisionEveryWeeks: true, supervisionMinMinutes: true },
    }),
  ]);
  return { records, actions, addenda, attendees, audit, latest, placements };
}

/** Runs a write that must be refused: returns its error (a 4xx, never a 500) and checks nothing was written. */
export async function rejected(write: () => Promise<unknown>): Promise<AppError> {
  const before = await supervisionRows();
  const error = await write().then(
    () => null,
    (caught: unknown) => {
      const appError = toAppError(caught);
      if (!appError) throw caught;
      return appError;
    },
  );
  if (!error) throw new Error("Expected the write to be refused");
  expect(error.status).toBeGreaterThanOrEqual(400);
  expect(error.status).toBeLessThan(500);
  expect(await supervisionRows()).toEqual(before);
  return error;
}

/** The HTTP status a call would be answered with. */
export async function statusOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

/** A valid body for recording a session on placement A a week ago, with two agreed actions. */
export const sessionOf = (world: World, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  heldOn: addDays(world.today, -7),
  startTime: "14:00",
  durationMinutes: 90,
  type: "FORMAL",
  attendedPracticeEducator: true,
  attendedOnsiteSupervisor: true,
  attendedStudent: true,
  otherAttendees: "Dr A Tutor (tutor)\n",
  agenda: "Caseload; reflective log; wellbeing",
  caseDiscussion: "Discussed C-1001's plan.",
  reflectionAndLearning: "Use of self in direct work.",
  wellbeingAndWorkload: "Manageable.",
  pcfDomains: ["PROFESSIONALISM", "CRITICAL_REFLECTION_AND_ANALYSIS"],
  actions: [
    { description: "Write up the home visit", owner: "STUDENT", dueDate: world.today },
    { description: "Book the direct observation", owner: "PRACTICE_EDUCATOR", dueDate: addDays(world.today, 7) },
  ],
  ...overrides,
});
