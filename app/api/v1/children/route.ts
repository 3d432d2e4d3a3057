import { apiRoute, json, readJson, searchParamsOf } from "@/lib/api/route";
import { listChildren } from "@/lib/children/children";
import { createChild } from "@/lib/children/child-records";

// GET /api/v1/children – children the caller may see (?q= code, or name among those they may identify); names only where allowed
export const GET = apiRoute(async ({ user, request }) => ({
  children: await listChildren(user, { q: searchParamsOf(request).q?.slice(0, 100) }),
}));

// POST /api/v1/children – record a child (team manager); returns the pseudonymous code
export const POST = apiRoute(async ({ user, request }) => json(await createChild(user, await readJson(request)), 201));
