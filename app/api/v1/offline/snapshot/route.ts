import { apiRoute } from "@/lib/api/route";
import { offlineSnapshotFor } from "@/lib/offline/snapshot";

// GET /api/v1/offline/snapshot – what the device keeps for offline forms: the caller's own open direct-work sessions (children by code only) and, for a PE, the placements they can draft supervision on
export const GET = apiRoute(async ({ user }) => offlineSnapshotFor(user));
