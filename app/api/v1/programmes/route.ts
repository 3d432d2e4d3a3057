import { apiRoute, json, readJson } from "@/lib/api/route";
import { createDirectWorkProgramme } from "@/lib/children/direct-work/plans";
import { idInBody } from "@/lib/children/located";

// The /programmes URLs are a child's direct-work programmes (not a university's degree programmes); they keep their names for compatibility.

// POST /api/v1/programmes – agree a plan of weekly sessions on a direct-work allocation (allocated student, overseeing PE, admin)
export const POST = apiRoute(async ({ user, request }) => {
  const body = await readJson(request);
  return json(await createDirectWorkProgramme(user, idInBody(body, "allocationId", "That allocation"), body), 201);
});
