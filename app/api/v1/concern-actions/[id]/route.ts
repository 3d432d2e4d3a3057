import { apiRoute, readJson } from "@/lib/api/route";
import { setConcernActionDone } from "@/lib/portfolio/concerns";

// PATCH /api/v1/concern-actions/:id – mark an action plan item done or not done ({ "done": true })
export const PATCH = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  setConcernActionDone(user, params.id, await readJson(request)),
);
