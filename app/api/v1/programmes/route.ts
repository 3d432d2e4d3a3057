import { apiRoute, json, readJson } from "@/lib/api/route";
import { fieldError } from "@/lib/errors";
import { createDirectWorkProgramme } from "@/lib/children/direct-work/plans";

// The /programmes URLs are a child's direct-work programmes (not a university's degree programmes); they keep their names for compatibility.

// POST /api/v1/programmes – agree a plan of weekly sessions on a direct-work allocation (allocated student, overseeing PE, admin)
export const POST = apiRoute(async ({ user, request }) => {
  const body = await readJson(request);
  const allocationId = body && typeof body === "object" ? (body as { allocationId?: unknown }).allocationId : undefined;
  if (typeof allocationId !== "string" || !allocationId) throw fieldError("allocationId", "Choose the allocation");
  return json(await createDirectWorkProgramme(user, allocationId, body), 201);
});
