import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canRecordAttendance, placementsVisibleTo } from "@/lib/access/placements";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { createdFields, writeAudit } from "@/lib/audit";
import { recordAttendanceSchema } from "@/lib/validations/placement";
import { formatDate, fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";

async function placementForAttendance(tx: Tx, user: SessionUser, placementId: string) {
  const placement = await tx.placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id: placementId }] },
    include: { practiceEducators: { where: { endDate: null }, select: { practiceEducatorId: true } } },
  });
  if (!placement) throw notFound("That placement");
  const allowed = canRecordAttendance(user, {
    studentId: placement.studentId,
    onsiteSupervisorId: placement.onsiteSupervisorId,
    currentPracticeEducatorId: placement.practiceEducators[0]?.practiceEducatorId ?? null,
  });
  if (!allowed) throw forbidden("You can read this placement's attendance but not change it.");
  return placement;
}

export async function listAttendance(user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  const placement = await getDb().placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id: placementId }] },
    select: { id: true },
  });
  if (!placement) throw notFound("That placement");
  const days = await getDb().attendanceDay.findMany({ where: { placementId }, orderBy: { date: "asc" } });
  return days.map((day) => ({ id: day.id, date: toIsoDate(day.date), kind: day.kind, note: day.note }));
}

export async function recordAttendance(user: SessionUser, placementId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = recordAttendanceSchema.parse(input);

  return getDb().$transaction(async (tx) => {
    const placement = await placementForAttendance(tx, user, placementId);
    if (placement.status !== "ACTIVE") throw conflict("Days can only be logged while the placement is active.");
    if (data.date < toIsoDate(placement.startDate)) {
      throw new AppError(400, "Check the highlighted fields.", {
        date: [`The placement starts on ${formatDate(toIsoDate(placement.startDate))}`],
      });
    }
    if (data.date > todayInUk())
      throw new AppError(400, "Check the highlighted fields.", {
        date: ["Days can only be logged once they have happened"],
      });

    try {
      const day = await tx.attendanceDay.create({
        data: { placementId, date: fromIsoDate(data.date), kind: data.kind, note: data.note, recordedById: user.id },
      });
      await writeAudit(tx, user, {
        action: "CREATE",
        entity: "AttendanceDay",
        entityId: day.id,
        changes: createdFields(day),
      });
      return { id: day.id };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError(409, `${formatDate(data.date)} is already logged. Remove that entry first to change it.`, {
          date: ["Already logged"],
        });
      }
      throw error;
    }
  });
}

export async function removeAttendance(user: SessionUser, placementId: string, attendanceId: string) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const placement = await placementForAttendance(tx, user, placementId);
    // A finished or suspended placement's days are part of the record the university relies on.
    if (placement.status !== "ACTIVE") throw conflict("Days can only be changed while the placement is active.");
    const day = await tx.attendanceDay.findFirst({ where: { id: attendanceId, placementId: placement.id } });
    if (!day) throw notFound("That attendance entry");
    await tx.attendanceDay.delete({ where: { id: day.id } });
    await writeAudit(tx, user, {
      action: "DELETE",
      entity: "AttendanceDay",
      entityId: day.id,
      changes: createdFields(day),
    });
    return { id: day.id };
  });
}
