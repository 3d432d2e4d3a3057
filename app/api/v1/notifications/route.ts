import { apiRoute, searchParamsOf } from "@/lib/api/route";
import { listNotifications } from "@/lib/notifications/notifications";

// GET /api/v1/notifications – the caller's own notifications, newest first, with the unread count (?unread=1 for unread only, ?take= up to 500)
export const GET = apiRoute(async ({ user, request }) => {
  const query = searchParamsOf(request);
  const take = Number.parseInt(query.take ?? "", 10);
  return listNotifications(user, {
    unreadOnly: query.unread === "1" || query.unread === "true",
    take: Number.isFinite(take) ? take : undefined,
  });
});
