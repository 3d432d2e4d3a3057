import { apiRoute } from "@/lib/api/route";
import { markAllNotificationsRead } from "@/lib/notifications/notifications";

// POST /api/v1/notifications/read-all – mark all the caller's notifications read (no body)
export const POST = apiRoute(async ({ user }) => markAllNotificationsRead(user));
