import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import { canManagePlacements, placementsVisibleTo } from "@/lib/access/placements";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { updatePlacementSchema } from "@/lib/validations/placement";
import { fromIsoDate, toIsoDate } from "@/lib/dates";
import { canChangeStatus, PLACEMENT_STATUS_LABELS, statusNeedsReason } from "@/lib/placements/status-rules";
import { assertNoOverlap, requireRole, requireTutorOfStudent } from "@/lib/placements/create-placement";

const mayManage = (user: SessionUser) =>
  canManagePlacements(user) || "Only the placement coordinator can change a placement.";

const FIELD_LABELS: Record<string, string> = {
  setting: "setting",
  startDate: "start date",
  endDate: "end date",
  requiredDays: "required days",
  status: "status",
  statusReason: "reason",
  onsiteSupervisorId: "on-site supervisor",
  tutorId: "tutor",
  observationsRequired: "number of direct observations",
};

/**
 * Edits a placement's details and status. The caller names the version they
 * started from; if someone else saved first, nothing is written and the 409
 * says who changed which fields, instead of silently overwriting their change.
 */
export const updatePlacement = command({
  parse: (placementId: string, body: unknown) => ({ placementId: parseId(placementId, "That placement"), body }),
  input: updatePlacementSchema,
  async load({ tx, user }, input) {
    const placement = await tx.placement.findFirst({
      where: { AND: [placementsVisibleTo(user), { id: input.placementId }] },
    });
    if (!placement) throw notFound("That placement");
    return placement;
  },
  allow: mayManage,
  version: (before, data) => ({
    entity: "Placement",
    id: before.id,
    current: before.version,
    expected: data.version,
    what: "this placement",
    labels: FIELD_LABELS,
  }),
  async run({ tx, user, audit, placementChanged }, before, data) {
    if (!canChangeStatus(before.status, data.status)) {
      throw fieldError(
        "status",
        `A placement that is ${PLACEMENT_STATUS_LABELS[before.status].toLowerCase()} cannot become ${PLACEMENT_STATUS_LABELS[data.status].toLowerCase()}`,
      );
    }
    if (data.onsiteSupervisorId && data.onsiteSupervisorId !== before.onsiteSupervisorId) {
      await requireRole(
        tx,
        user,
        data.onsiteSupervisorId,
        "ONSITE_SUPERVISOR",
        "onsiteSupervisorId",
        "on-site supervisor",
      );
    }
    if (data.tutorId && data.tutorId !== before.tutorId)
      await requireTutorOfStudent(tx, user, data.tutorId, before.studentId);
    if (data.startDate !== toIsoDate(before.startDate) || data.endDate !== toIsoDate(before.endDate)) {
      await assertNoOverlap(tx, {
        studentId: before.studentId,
        startDate: data.startDate,
        endDate: data.endDate,
        exceptId: before.id,
      });
    }

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
    // The version in the where clause makes the check and the write one atomic step.
    const { count } = await tx.placement.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict(
        "Someone else changed this placement at the same moment. Nothing was saved: reload and try again.",
      );
    const changes = await audit.updated("Placement", before.id, before, next, {
      from: data.version,
      to: data.version + 1,
    });
    placementChanged(before.id);
    return {
      id: before.id,
      version: data.version + 1,
      changed: Object.keys(changes).filter((field) => field !== "version"),
    };
  },
});
