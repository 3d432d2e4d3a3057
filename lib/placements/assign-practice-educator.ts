import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canManagePlacements, placementsVisibleTo } from "@/lib/access/placements";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { createdFields, writeAudit } from "@/lib/audit";
import { assignPracticeEducatorSchema } from "@/lib/validations/placement";
import { addDays, formatDate, fromIsoDate, toIsoDate } from "@/lib/dates";
import { requireRole } from "@/lib/placements/create-placement";

/**
 * Hands a placement to a new practice educator. The old PE's spell is closed
 * the day before, never deleted: who was PE when is part of the assessment record.
 */
export async function assignPracticeEducator(user: SessionUser, placementId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = assignPracticeEducatorSchema.parse(input);

  return getDb().$transaction(async (tx) => {
    const placement = await tx.placement.findFirst({
      where: { AND: [placementsVisibleTo(user), { id: placementId }] },
      include: { practiceEducators: { where: { endDate: null } } },
    });
    if (!placement) throw notFound("That placement");
    if (!canManagePlacements(user))
      throw forbidden("Only the placement coordinator can change a placement's practice educator.");
    if (placement.status === "COMPLETED" || placement.status === "ENDED_EARLY") {
      throw new AppError(409, "This placement has finished: its practice educator can no longer change.");
    }
    await requireRole(tx, data.practiceEducatorId, "PRACTICE_EDUCATOR", "practiceEducatorId", "practice educator");

    const current = placement.practiceEducators[0];
    const fieldError = (message: string) =>
      new AppError(400, "Check the highlighted fields.", { startDate: [message] });
    if (current?.practiceEducatorId === data.practiceEducatorId) {
      throw new AppError(400, "Check the highlighted fields.", {
        practiceEducatorId: ["This practice educator is already assigned"],
      });
    }
    if (current && data.startDate <= toIsoDate(current.startDate)) {
      throw fieldError(
        `The new practice educator must start after the current one did (${formatDate(toIsoDate(current.startDate))})`,
      );
    }
    if (data.startDate > toIsoDate(placement.endDate))
      throw fieldError("The new practice educator must start before the placement ends");

    if (current) {
      const endDate = fromIsoDate(addDays(data.startDate, -1));
      await tx.practiceEducatorAssignment.update({ where: { id: current.id }, data: { endDate } });
      await writeAudit(tx, user, {
        action: "UPDATE",
        entity: "PracticeEducatorAssignment",
        entityId: current.id,
        changes: { endDate: { from: null, to: endDate } },
      });
    }
    const spell = await tx.practiceEducatorAssignment.create({
      data: {
        placementId: placement.id,
        practiceEducatorId: data.practiceEducatorId,
        startDate: fromIsoDate(data.startDate),
        reason: data.reason,
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "PracticeEducatorAssignment",
      entityId: spell.id,
      changes: createdFields(spell),
    });
    return { id: spell.id };
  });
}
