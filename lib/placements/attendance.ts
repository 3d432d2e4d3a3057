import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canRecordAttendance, placementsVisibleTo } from "@/lib/access/placements";
import { command, parseId } from "@/lib/core/command";
import { AppError, conflict, fieldError, notFound } from "@/lib/errors";
import { recordAttendanceSchema } from "@/lib/validations/placement";
import { formatDate, fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";

async function placementForAttendance(tx: Tx, user: SessionUser, placementId: string) {
  const placement = await tx.placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id: placementId }] },
    include: { practiceEducators: { where: { endDate: null }, select: { practiceEducatorId: true } } },
  });
  if (!placement) throw notFound("That placement");
  return {
    ...placement,
    currentPracticeEducatorId: placement.practiceEducators[0]?.practiceEducatorId ?? null,
  };
}

type AttendancePlacement = Awaited<ReturnType<typeof placementForAttendance>>;

const mayRecord = (user: SessionUser, placement: AttendancePlacement) =>
  canRecordAttendance(user, placement) || "You can read this placement's attendance but not change it.";

export async function listAttendance(user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  const placement = await getDb().placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id: parseId(placementId, "That placement") }] },
    select: { id: true },
  });
  if (!placement) throw notFound("That placement");
  const days = await getDb().attendanceDay.findMany({ where: { placementId }, orderBy: { date: "asc" } });
  return days.map((day) => ({ id: day.id, date: toIsoDate(day.date), kind: day.kind, note: day.note }));
}

export const recordAttendance = command({
  parse: (placementId: string, body: unknown) => ({ placementId: parseId(placementId, "That placement"), body }),
  input: recordAttendanceSchema,
  load: ({ tx, user }, input) => placementForAttendance(tx, user, input.placementId),
  allow: mayRecord,
  async run({ tx, user, audit, placementChanged }, placement, data) {
    if (placement.status !== "ACTIVE") throw conflict("Days can only be logged while the placement is active.");
    if (data.date < toIsoDate(placement.startDate))
      throw fieldError("date", `The placement starts on ${formatDate(toIsoDate(placement.startDate))}`);
    if (data.date > todayInUk()) throw fieldError("date", "Days can only be logged once they have happened");
    try {
      const day = await tx.attendanceDay.create({
        data: {
          placementId: placement.id,
          date: fromIsoDate(data.date),
          kind: data.kind,
          note: data.note,
          recordedById: user.id,
        },
      });
      await audit.created("AttendanceDay", day);
      placementChanged(placement.id);
      return { id: day.id };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError(
          "conflict",
          `${formatDate(data.date)} is already logged. Remove that entry first to change it.`,
          {
            date: ["Already logged"],
          },
        );
      }
      throw error;
    }
  },
});

export const removeAttendance = command({
  parse: (placementId: string, attendanceId: string) => ({
    placementId: parseId(placementId, "That placement"),
    attendanceId: parseId(attendanceId, "That attendance entry"),
  }),
  load: ({ tx, user }, input) => placementForAttendance(tx, user, input.placementId),
  allow: mayRecord,
  async run({ tx, audit, placementChanged }, placement, input) {
    // A finished or suspended placement's days are part of the record the university relies on.
    if (placement.status !== "ACTIVE") throw conflict("Days can only be changed while the placement is active.");
    const day = await tx.attendanceDay.findFirst({ where: { id: input.attendanceId, placementId: placement.id } });
    if (!day) throw notFound("That attendance entry");
    await tx.attendanceDay.delete({ where: { id: day.id } });
    await audit.deleted("AttendanceDay", day);
    placementChanged(placement.id);
    return { id: day.id };
  },
});
