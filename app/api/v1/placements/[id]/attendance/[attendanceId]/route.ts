import { apiRoute } from "@/lib/api/route";
import { removeAttendance } from "@/lib/placements/attendance";

// DELETE /api/v1/placements/:id/attendance/:attendanceId – remove a logged day
export const DELETE = apiRoute<{ id: string; attendanceId: string }>(async ({ user, params }) =>
  removeAttendance(user, params.id, params.attendanceId),
);
