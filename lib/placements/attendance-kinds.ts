// The kinds of attendance day and their names, without zod: the attendance
// form shows them at first load, and its schema (lib/validations/placement.ts)
// is loaded only when it is submitted (components/form/use-action-form.ts).

export const attendanceKinds = ["PLACEMENT_DAY", "SKILLS_DAY", "SICK", "ABSENT"] as const;

export const ATTENDANCE_KIND_LABELS: Record<(typeof attendanceKinds)[number], string> = {
  PLACEMENT_DAY: "Placement day",
  SKILLS_DAY: "Skills day",
  SICK: "Sick",
  ABSENT: "Absent (leave or other)",
};
