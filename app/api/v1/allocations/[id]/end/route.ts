import { apiRoute, readJson } from "@/lib/api/route";
import { endAllocation } from "@/lib/children/allocations";

// POST /api/v1/allocations/:id/end – end the allocation on a date (team manager or overseeing PE)
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  endAllocation(user, params.id, await readJson(request)),
);
