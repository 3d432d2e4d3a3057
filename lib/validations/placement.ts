import { z } from "zod";
import { id, isoDate, optionalId, optionalText, text, version } from "@/lib/validations/common";
import { statusNeedsReason } from "@/lib/placements/status-rules";

export const placementLevels = ["FIRST", "FINAL"] as const;
export const placementStatuses = ["PLANNED", "ACTIVE", "SUSPENDED", "COMPLETED", "ENDED_EARLY"] as const;

const requiredDays = z
  .number({ error: "Enter the required days as a number" })
  .int("Enter a whole number of days")
  .min(1, "A placement needs at least 1 day")
  .max(200, "No placement is longer than 200 days");

const endNotBeforeStart = (value: { startDate: string; endDate: string }) => value.endDate >= value.startDate;
const endMessage = { message: "The end date must be on or after the start date", path: ["endDate"] };

export const createPlacementSchema = z
  .object({
    studentId: id("student"),
    setting: text("setting", 200, 2),
    level: z.enum(placementLevels, { error: "Choose first or final placement" }),
    startDate: isoDate("start date"),
    endDate: isoDate("end date"),
    requiredDays,
    practiceEducatorId: id("practice educator"),
    onsiteSupervisorId: optionalId("on-site supervisor"),
    tutorId: optionalId("university tutor"),
  })
  .refine(endNotBeforeStart, endMessage);

export type CreatePlacementInput = z.input<typeof createPlacementSchema>;

export const updatePlacementSchema = z
  .object({
    setting: text("setting", 200, 2),
    startDate: isoDate("start date"),
    endDate: isoDate("end date"),
    requiredDays,
    status: z.enum(placementStatuses, { error: "Choose a status" }),
    statusReason: optionalText("reason", 2000),
    onsiteSupervisorId: optionalId("on-site supervisor"),
    tutorId: optionalId("university tutor"),
    /** The university's number of direct observations; absent keeps the placement's own. */
    observationsRequired: z
      .number({ error: "Enter the number of direct observations as a number" })
      .int("Enter a whole number of observations")
      .min(1, "At least 1 direct observation is required")
      .max(10, "No university asks for more than 10 direct observations")
      .optional(),
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

export const attendanceKinds = ["PLACEMENT_DAY", "SKILLS_DAY", "SICK", "ABSENT"] as const;

export const ATTENDANCE_KIND_LABELS: Record<(typeof attendanceKinds)[number], string> = {
  PLACEMENT_DAY: "Placement day",
  SKILLS_DAY: "Skills day",
  SICK: "Sick",
  ABSENT: "Absent (leave or other)",
};

export const recordAttendanceSchema = z.object({
  date: isoDate("date"),
  kind: z.enum(attendanceKinds, { error: "Choose what kind of day it was" }),
  note: optionalText("note", 500),
});

export type RecordAttendanceInput = z.input<typeof recordAttendanceSchema>;

export const placementFiltersSchema = z.object({
  status: z.enum(placementStatuses).optional().catch(undefined),
  universityId: z.string().max(64).optional().catch(undefined),
  practiceEducatorId: z.string().max(64).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

export type PlacementFilters = z.infer<typeof placementFiltersSchema>;
