import { apiRoute, readJson } from "@/lib/api/route";
import { updateSupervisionSettings } from "@/lib/supervision/update-supervision-settings";

// PUT /api/v1/placements/:id/supervision-settings – how often and how long supervision is expected (admin or current PE)
export const PUT = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  updateSupervisionSettings(user, params.id, await readJson(request)),
);
