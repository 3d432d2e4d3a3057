import { apiRoute, readJson } from "@/lib/api/route";
import { getChild } from "@/lib/children/children";
import { updateChild } from "@/lib/children/child-records";

// GET /api/v1/children/:id – one child's record (identity and contacts only for those allowed; the read is audited)
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => getChild(user, params.id));

// PATCH /api/v1/children/:id – correct the child's details (team manager or PE working with the child; version required)
export const PATCH = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  updateChild(user, params.id, await readJson(request)),
);
