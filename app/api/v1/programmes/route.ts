import { apiRoute, json, readJson } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { createProgramme } from "@/lib/children/programmes";

// POST /api/v1/programmes – agree a plan of weekly sessions on a direct-work allocation (allocated student, overseeing PE, admin)
export const POST = apiRoute(async ({ user, request }) => {
  const body = await readJson(request);
  const allocationId = body && typeof body === "object" ? (body as { allocationId?: unknown }).allocationId : undefined;
  if (typeof allocationId !== "string" || !allocationId)
    throw new AppError("validation", "Check the highlighted fields.", { allocationId: ["Choose the allocation"] });
  return json(await createProgramme(user, allocationId, body), 201);
});
