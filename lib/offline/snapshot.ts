import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { allocationsVisibleTo, canWriteChildWorkNow } from "@/lib/access/children";
import { placementsVisibleTo } from "@/lib/access/placements";
import { addDays, fromIsoDate, toIsoDate, todayInUk } from "@/lib/dates";
import type { OfflineSnapshot } from "@/lib/offline/types";

// What a device keeps to open the offline forms (docs/decisions/0015-offline.md):
// the minimum, and only the signed-in user's own work. Children appear by their
// pseudonymous code alone — no name, address, school or contact — so nothing
// identifiable is kept on a phone. The student's own allocated children's open
// programmes (planned and recorded sessions, to record them), and for a PE the
// active placements they are the current PE of (to draft supervision).

const RECENT_DAYS = 28;

export async function offlineSnapshotFor(user: SessionUser): Promise<OfflineSnapshot> {
  assertVerifiedUser(user);
  const db = getDb();
  const sessions = await db.programmeSession.findMany({
    where: {
      // Minimum data: the sessions still to record, and those of the last four weeks (to correct a record).
      OR: [{ status: "PLANNED" }, { plannedOn: { gte: fromIsoDate(addDays(todayInUk(), -RECENT_DAYS)) } }],
      programme: {
        closedAt: null,
        allocation: {
          AND: [allocationsVisibleTo(user), { OR: [{ studentId: user.id }, { overseeingPeId: user.id }] }],
        },
      },
    },
    orderBy: [{ plannedOn: "asc" }, { number: "asc" }],
    select: {
      id: true,
      number: true,
      theme: true,
      plannedOn: true,
      status: true,
      heldOn: true,
      cancelledBy: true,
      whatWasDone: true,
      childsWords: true,
      childsWordsShareable: true,
      studentReflection: true,
      childRating: true,
      version: true,
      programme: {
        select: {
          id: true,
          startDate: true,
          endDate: true,
          allocation: {
            select: { studentId: true, overseeingPeId: true, status: true, child: { select: { code: true } } },
          },
        },
      },
    },
  });
  const placements =
    user.role === "PRACTICE_EDUCATOR"
      ? await db.placement.findMany({
          where: {
            AND: [
              placementsVisibleTo(user),
              { status: "ACTIVE", practiceEducators: { some: { practiceEducatorId: user.id, endDate: null } } },
            ],
          },
          orderBy: { startDate: "asc" },
          select: { id: true, startDate: true, endDate: true, student: { select: { name: true } } },
        })
      : [];
  return {
    userId: user.id,
    sessions: sessions
      .filter((session) => canWriteChildWorkNow(user, session.programme.allocation))
      .map((session) => ({
        id: session.id,
        programmeId: session.programme.id,
        childCode: session.programme.allocation.child.code,
        number: session.number,
        theme: session.theme,
        plannedOn: toIsoDate(session.plannedOn),
        programmeStart: toIsoDate(session.programme.startDate),
        programmeEnd: toIsoDate(session.programme.endDate),
        values: {
          status: session.status,
          heldOn: session.heldOn ? toIsoDate(session.heldOn) : "",
          cancelledBy: session.cancelledBy ?? "",
          whatWasDone: session.whatWasDone,
          childsWords: session.childsWords,
          childsWordsShareable: session.childsWordsShareable,
          studentReflection: session.studentReflection,
          childRating: session.childRating === null ? "" : String(session.childRating),
          version: session.version,
        },
      })),
    placements: placements.map((placement) => ({
      id: placement.id,
      studentName: placement.student.name,
      startDate: toIsoDate(placement.startDate),
      endDate: toIsoDate(placement.endDate),
    })),
  };
}
