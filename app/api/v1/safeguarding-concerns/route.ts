import { apiRoute, json, readJson } from "@/lib/api/route";
import { listOpenSafeguardingConcerns, raiseSafeguardingConcern } from "@/lib/children/safeguarding";

// GET /api/v1/safeguarding-concerns – the open concerns the caller handles (admin: the team's; PE: children whose work they oversee; anyone else: none), oldest first
export const GET = apiRoute(async ({ user }) => ({ concerns: await listOpenSafeguardingConcerns(user) }));

// POST /api/v1/safeguarding-concerns – raise a concern about a child the caller can see; the overseeing PE(s) and the team's admins are notified at once
export const POST = apiRoute(async ({ user, request }) =>
  json(await raiseSafeguardingConcern(user, await readJson(request)), 201),
);
