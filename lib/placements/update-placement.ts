import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canManagePlacements, placementsVisibleTo } from "@/lib/access/placements";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { changedFields, writeAudit } from "@/lib/audit";
import { updatePlacementSchema } from "@/lib/validations/placement";
import { fromIsoDate, toIsoDate } from "@/lib/dates";
import { canChangeStatus, PLACEMENT_STATUS_LABELS, statusNeedsReason } from "@/lib/placements/status-rules";
import { assertNoOverlap, requireRole } from "@/lib/placements/create-placement";

/**
 * Edits a placement's details and status. The caller names the version they
 * started from; if someone else saved first, nothing is written and the 409
 * says which fields now differ, instead of silently overwriting their change.
 */
export async function updatePlacement(user: SessionUser, placementId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = updatePlacementSchema.parse(input);

  return getDb().$transaction(async (tx) => {
    const before = await tx.placement.findFirst({ where: { AND: [placementsVisibleTo(user), { id: placementId }] } });
    if (!before) throw notFound("That placement");
    if (!canManagePlacements(user)) throw forbidden("Only the placement coordinator can change a placement.");

    const next = {
      setting: data.setting,
      startDate: fromIsoDate(data.startDate),
      endDate: fromIsoDate(data.endDate),
      requiredDays: data.requiredDays,
      status: data.status,
      statusReason: statusNeedsReason(data.status) ? data.statusReason : null,
      onsiteSupervisorId: data.onsiteSupervisorId,
      tutorId: data.tutorId,
      observationsRequired: data.observationsRequired ?? before.observationsRequired,
    };

    if (before.version !== data.version) {
      const differing = changedFields(before, next);
      throw conflict(
        "Someone else changed this placement after you opened it. Nothing was saved: reload to see their changes, then make yours again.",
        { currentVersion: before.version, fieldsNowDifferent: Object.keys(differing) },
      );
    }
    if (!canChangeStatus(before.status, data.status)) {
      throw new AppError(400, "Check the highlighted fields.", {
        status: [
          `A placement that is ${PLACEMENT_STATUS_LABELS[before.status].toLowerCase()} cannot become ${PLACEMENT_STATUS_LABELS[data.status].toLowerCase()}`,
        ],
      });
    }
    if (data.onsiteSupervisorId && data.onsiteSupervisorId !== before.onsiteSupervisorId) {
      await requireRole(tx, data.onsiteSupervisorId, "ONSITE_SUPERVISOR", "onsiteSupervisorId", "on-site supervisor");
    }
    if (data.tutorId && data.tutorId !== before.tutorId) {
      const tutor = await requireRole(tx, data.tutorId, "UNIVERSITY_TUTOR", "tutorId", "university tutor");
      const profile = await tx.studentProfile.findUnique({
        where: { userId: before.studentId },
        select: { universityId: true },
      });
      if (profile && profile.universityId !== tutor.organisationId) {
        throw new AppError(400, "Check the highlighted fields.", {
          tutorId: ["Choose a tutor from the student's own university"],
        });
      }
    }
    if (data.startDate !== toIsoDate(before.startDate) || data.endDate !== toIsoDate(before.endDate)) {
      await assertNoOverlap(tx, {
        studentId: before.studentId,
        startDate: data.startDate,
        endDate: data.endDate,
        exceptId: before.id,
      });
    }

    // The version in the where clause makes the check and the write one atomic step.
    const { count } = await tx.placement.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict(
        "Someone else changed this placement at the same moment. Nothing was saved: reload and try again.",
      );
    const changes = changedFields(before, next);
    await writeAudit(tx, user, { action: "UPDATE", entity: "Placement", entityId: before.id, changes });
    return { id: before.id, version: data.version + 1, changed: Object.keys(changes) };
  });
}
