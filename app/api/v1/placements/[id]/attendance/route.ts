import { apiRoute, json, readJson } from "@/lib/api/route";
import { listAttendance, recordAttendance } from "@/lib/placements/attendance";

// GET /api/v1/placements/:id/attendance – days logged, oldest first
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => ({
  attendance: await listAttendance(user, params.id),
}));

// POST /api/v1/placements/:id/attendance – log one day (admin, current PE, on-site supervisor, the student)
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  json(await recordAttendance(user, params.id, await readJson(request)), 201),
);
