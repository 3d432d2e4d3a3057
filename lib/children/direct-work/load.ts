import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { allocationsVisibleTo, canWriteChildWork } from "@/lib/access/children";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { formatDate, toIsoDate, type IsoDate } from "@/lib/dates";
import { isWithinProgramme } from "@/lib/children/direct-work/weeks";

// What the direct-work commands act on, loaded as the user may see it
// (allocationsVisibleTo: a 404 otherwise), with what their permission needs.

export const WRITERS_ONLY =
  "Only the allocated student, their practice educator and the team manager record this work.";

/** The command's `allow` for every write on a programme. */
export const mayWriteDirectWork = (
  user: SessionUser,
  target: { allocation: { studentId: string; overseeingPeId: string } },
) => canWriteChildWork(user, target.allocation) || WRITERS_ONLY;

const allocationForWrite = {
  select: {
    id: true,
    placementId: true,
    studentId: true,
    overseeingPeId: true,
    status: true,
    child: { select: { teamId: true } },
  },
} as const;

export async function loadProgramme(tx: Tx, user: SessionUser, programmeId: string) {
  const programme = await tx.directWorkProgramme.findFirst({
    where: { id: programmeId, allocation: allocationsVisibleTo(user) },
    include: { allocation: allocationForWrite },
  });
  if (!programme) throw notFound("That programme");
  return programme;
}

export async function loadSession(tx: Tx, user: SessionUser, sessionId: string) {
  const session = await tx.programmeSession.findFirst({
    where: { id: sessionId, programme: { allocation: allocationsVisibleTo(user) } },
    include: { programme: { include: { allocation: allocationForWrite } } },
  });
  if (!session) throw notFound("That session");
  return { ...session, allocation: session.programme.allocation };
}

/** A closed programme takes no more records (the child's feedback excepted). */
export function assertOpen(programme: { closedAt: Date | null }) {
  if (programme.closedAt) throw conflict("This programme has been closed: nothing more can be recorded on it.");
}

/** A session date outside the programme is a 422 on that field, saying how to go beyond the end. */
export function assertWithinProgramme(
  programme: { startDate: Date; endDate: Date },
  date: IsoDate,
  field: string,
  what: string,
) {
  const dates = { startDate: toIsoDate(programme.startDate), endDate: toIsoDate(programme.endDate) };
  if (!isWithinProgramme(date, dates))
    throw fieldError(
      field,
      `${what} must fall within the programme (${formatDate(dates.startDate)} to ${formatDate(dates.endDate)}). To go beyond the end, extend the plan first.`,
    );
}
