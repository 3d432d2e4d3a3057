import { apiRoute, readJson } from "@/lib/api/route";
import { decideReferral } from "@/lib/children/referrals";

// POST /api/v1/referrals/:id/decision – accept (needs consent and the child's agreement), signpost or decline (team manager)
export const POST = apiRoute<{ id: string }>(async ({ user, request, params }) =>
  decideReferral(user, params.id, await readJson(request)),
);
