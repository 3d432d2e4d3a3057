import { apiRoute } from "@/lib/api/route";
import { getLifeStoryWork } from "@/lib/children/life-story";

// GET /api/v1/life-story/:id – one piece of life story work: its six stages, the PE's sign-off, the child (name only where allowed; audited) and what the caller may do
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => getLifeStoryWork(user, params.id));
