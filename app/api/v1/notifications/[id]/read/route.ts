import { apiRoute } from "@/lib/api/route";
import { markNotificationRead } from "@/lib/notifications/notifications";

// POST /api/v1/notifications/:id/read – mark one of the caller's own notifications read (no body); anyone else's is a 404
export const POST = apiRoute<{ id: string }>(async ({ user, params }) => markNotificationRead(user, params.id));
