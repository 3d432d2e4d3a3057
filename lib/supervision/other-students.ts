import "server-only";
import type { Tx } from "@/lib/db";
import { fieldError } from "@/lib/errors";
import { fromIsoDate, type IsoDate } from "@/lib/dates";

// Other students at a session (group supervision): students placed with the
// same team, named by account so that each reader sees their names or only
// their role (lib/access/people.ts; docs/domain.md, "Supervision").

type HostPlacement = { teamId: string; studentId: string; startDate: Date; endDate: Date };

/** Placements that had started: a planned one has no student on site yet. */
const UNDER_WAY = { not: "PLANNED" } as const;

/** The students a practice educator may name at a session of this placement: others placed with the team during it. */
export async function otherStudentChoices(tx: Tx, placement: HostPlacement) {
  const rows = await tx.placement.findMany({
    where: {
      teamId: placement.teamId,
      studentId: { not: placement.studentId },
      status: UNDER_WAY,
      startDate: { lte: placement.endDate },
      endDate: { gte: placement.startDate },
    },
    select: { student: { select: { id: true, name: true } } },
    orderBy: { student: { name: "asc" } },
  });
  const byId = new Map(rows.map((row) => [row.student.id, row.student]));
  return [...byId.values()];
}

/** Refuses anyone who was not a student placed with the team on the day of the session (another user's id included). */
export async function checkOtherStudents(tx: Tx, placement: HostPlacement, heldOn: IsoDate, studentIds: string[]) {
  if (studentIds.length === 0) return;
  if (studentIds.includes(placement.studentId))
    throw fieldError("otherStudentIds", "This placement's own student is recorded by the Student box above");
  const day = fromIsoDate(heldOn);
  const placed = await tx.placement.findMany({
    where: {
      teamId: placement.teamId,
      studentId: { in: studentIds },
      status: UNDER_WAY,
      startDate: { lte: day },
      endDate: { gte: day },
    },
    select: { studentId: true },
  });
  const known = new Set(placed.map((row) => row.studentId));
  if (studentIds.some((id) => !known.has(id)))
    throw fieldError("otherStudentIds", "Choose only students on placement with the team on the day of the session");
}

/** Makes the session's other students match the list. */
export async function syncOtherStudents(tx: Tx, recordId: string, studentIds: string[]) {
  await tx.supervisionAttendee.deleteMany({ where: { recordId, userId: { notIn: studentIds } } });
  await tx.supervisionAttendee.createMany({
    data: studentIds.map((userId) => ({ recordId, userId })),
    skipDuplicates: true,
  });
}
