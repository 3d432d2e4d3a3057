import { apiRoute, readJson } from "@/lib/api/route";
import { updateLevelDescriptor } from "@/lib/frameworks/frameworks";

// PATCH /api/v1/framework-descriptors/:descriptorId – admin: { version, text }
export const PATCH = apiRoute<{ descriptorId: string }>(async ({ user, request, params }) =>
  updateLevelDescriptor(user, params.descriptorId, await readJson(request)),
);
