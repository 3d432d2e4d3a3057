import { z } from "zod";
import { boundedInt, id, isoDate, optionalId, optionalText, text, version } from "@/lib/validations/common";
import { statusNeedsReason } from "@/lib/placements/status-rules";
import { attendanceKinds } from "@/lib/placements/attendance-kinds";

export const placementLevels = ["FIRST", "FINAL"] as const;
export const placementStatuses = ["PLANNED", "ACTIVE", "SUSPENDED", "COMPLETED", "ENDED_EARLY"] as const;

const requiredDays = boundedInt("required days", 1, 200, {
  min: "A placement needs at least 1 day",
  max: "No placement is longer than 200 days",
});

const endNotBeforeStart = (value: { startDate: string; endDate: string }) => value.endDate >= value.startDate;
const endMessage = { message: "The end date must be on or after the start date", path: ["endDate"] };

export const createPlacementSchema = z
  .object({
    studentId: id("student"),
    setting: text("setting", 200, { min: 2, singleLine: true }),
    level: z.enum(placementLevels, { error: "Choose first or final placement" }),
    startDate: isoDate("start date"),
    endDate: isoDate("end date"),
    /** Absent: the level's default (lib/placements/placement-levels.ts). */
    requiredDays: requiredDays.optional(),
    practiceEducatorId: id("practice educator"),
    onsiteSupervisorId: optionalId("on-site supervisor"),
    tutorId: optionalId("university tutor"),
  })
  .refine(endNotBeforeStart, endMessage);

export type CreatePlacementInput = z.input<typeof createPlacementSchema>;

export const updatePlacementSchema = z
  .object({
    setting: text("setting", 200, { min: 2, singleLine: true }),
    startDate: isoDate("start date"),
    endDate: isoDate("end date"),
    requiredDays,
    status: z.enum(placementStatuses, { error: "Choose a status" }),
    statusReason: optionalText("reason", 2000),
    onsiteSupervisorId: optionalId("on-site supervisor"),
    tutorId: optionalId("university tutor"),
    /** The university's number of direct observations; absent keeps the placement's own. */
    observationsRequired: boundedInt("number of direct observations", 1, 10, {
      min: "At least 1 direct observation is required",
      max: "No university asks for more than 10 direct observations",
    }).optional(),
    version,
  })
  .refine(endNotBeforeStart, endMessage)
  .refine((value) => !statusNeedsReason(value.status) || Boolean(value.statusReason), {
    message: "Say why the placement is suspended or ended early",
    path: ["statusReason"],
  });

export type UpdatePlacementInput = z.input<typeof updatePlacementSchema>;

export const assignPracticeEducatorSchema = z.object({
  practiceEducatorId: id("practice educator"),
  startDate: isoDate("date the new practice educator starts"),
  reason: text("reason for the change", 500),
});

export type AssignPracticeEducatorInput = z.input<typeof assignPracticeEducatorSchema>;

export { attendanceKinds };

export const recordAttendanceSchema = z.object({
  date: isoDate("date"),
  kind: z.enum(attendanceKinds, { error: "Choose what kind of day it was" }),
  note: optionalText("note", 500),
});

export type RecordAttendanceInput = z.input<typeof recordAttendanceSchema>;

export const placementFiltersSchema = z.object({
  status: z.enum(placementStatuses).optional().catch(undefined),
  universityId: id("university").optional().catch(undefined),
  practiceEducatorId: id("practice educator").optional().catch(undefined),
  q: text("search", 100, { singleLine: true }).optional().catch(undefined),
});

export type PlacementFilters = z.infer<typeof placementFiltersSchema>;
