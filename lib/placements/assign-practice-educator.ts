import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import { canManagePlacements, placementsVisibleTo } from "@/lib/access/placements";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { assignPracticeEducatorSchema } from "@/lib/validations/placement";
import { addDays, formatDate, fromIsoDate, toIsoDate } from "@/lib/dates";
import { requireRole } from "@/lib/placements/create-placement";

/**
 * Hands a placement to a new practice educator. The old PE's spell is closed
 * the day before, never deleted: who was PE when is part of the assessment record.
 */
export const assignPracticeEducator = command({
  parse: (placementId: string, body: unknown) => ({ placementId: parseId(placementId, "That placement"), body }),
  input: assignPracticeEducatorSchema,
  async load({ tx, user }, input) {
    const placement = await tx.placement.findFirst({
      where: { AND: [placementsVisibleTo(user), { id: input.placementId }] },
      include: { practiceEducators: { where: { endDate: null } } },
    });
    if (!placement) throw notFound("That placement");
    return placement;
  },
  allow: (user: SessionUser) =>
    canManagePlacements(user) || "Only the placement coordinator can change a placement's practice educator.",
  async run({ tx, user, audit, placementChanged }, placement, data) {
    if (placement.status === "COMPLETED" || placement.status === "ENDED_EARLY") {
      throw conflict("This placement has finished: its practice educator can no longer change.");
    }
    await requireRole(
      tx,
      user,
      data.practiceEducatorId,
      "PRACTICE_EDUCATOR",
      "practiceEducatorId",
      "practice educator",
    );
    const current = placement.practiceEducators[0];
    if (current?.practiceEducatorId === data.practiceEducatorId)
      throw fieldError("practiceEducatorId", "This practice educator is already assigned");
    if (current && data.startDate <= toIsoDate(current.startDate)) {
      throw fieldError(
        "startDate",
        `The new practice educator must start after the current one did (${formatDate(toIsoDate(current.startDate))})`,
      );
    }
    if (data.startDate > toIsoDate(placement.endDate))
      throw fieldError("startDate", "The new practice educator must start before the placement ends");

    if (current) {
      const endDate = fromIsoDate(addDays(data.startDate, -1));
      await tx.practiceEducatorAssignment.update({ where: { id: current.id }, data: { endDate } });
      await audit.updated("PracticeEducatorAssignment", current.id, { endDate: null }, { endDate });
    }
    const spell = await tx.practiceEducatorAssignment.create({
      data: {
        placementId: placement.id,
        practiceEducatorId: data.practiceEducatorId,
        startDate: fromIsoDate(data.startDate),
        reason: data.reason,
      },
    });
    await audit.created("PracticeEducatorAssignment", spell);
    placementChanged(placement.id);
    return { id: spell.id };
  },
});
