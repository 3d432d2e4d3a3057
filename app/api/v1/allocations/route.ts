import { apiRoute, json, readJson, searchParamsOf } from "@/lib/api/route";
import { allocateChildren, listCaseload } from "@/lib/children/allocations";

// GET /api/v1/allocations – the caller's caseload view (?status=ACTIVE|ENDED), with RAG status and reasons
export const GET = apiRoute(async ({ user, request }) => {
  const status = searchParamsOf(request).status === "ENDED" ? "ENDED" : "ACTIVE";
  return { allocations: await listCaseload(user, { status }) };
});

// POST /api/v1/allocations – allocate one child or a group to a student on an active placement (team manager, or the student's PE)
export const POST = apiRoute(async ({ user, request }) =>
  json(await allocateChildren(user, await readJson(request)), 201),
);
