import { apiRoute } from "@/lib/api/route";
import { listChildViewers } from "@/lib/children/data-protection";

// GET /api/v1/children/:id/viewers – who viewed or exported the child's identifiable record (team manager)
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => ({
  viewers: await listChildViewers(user, params.id),
}));
