import { apiRoute, readJson } from "@/lib/api/route";
import { updateFrameworkItem } from "@/lib/frameworks/frameworks";

// PATCH /api/v1/framework-items/:itemId – admin: { version, name, description }
export const PATCH = apiRoute<{ itemId: string }>(async ({ user, request, params }) =>
  updateFrameworkItem(user, params.itemId, await readJson(request)),
);
