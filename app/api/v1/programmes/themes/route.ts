import { apiRoute, json, readJson, searchParamsOf } from "@/lib/api/route";
import { addTheme, listThemes, themesForAllocation } from "@/lib/children/direct-work/themes";

// GET /api/v1/programmes/themes – the team's direct-work session themes (?allocationId= for the themes a plan on that allocation can use)
export const GET = apiRoute(async ({ user, request }) => {
  const { allocationId } = searchParamsOf(request);
  return { themes: allocationId ? await themesForAllocation(user, allocationId) : await listThemes(user) };
});

// POST /api/v1/programmes/themes – add a theme to the team's list (admin)
export const POST = apiRoute(async ({ user, request }) => json(await addTheme(user, await readJson(request)), 201));
