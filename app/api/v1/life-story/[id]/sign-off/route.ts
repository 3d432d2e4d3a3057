import { apiRoute } from "@/lib/api/route";
import { signOffLifeStoryWork } from "@/lib/children/life-story";

// POST /api/v1/life-story/:id/sign-off – the overseeing PE agrees to the work (no body); anyone else who can see it gets a 403, a second sign-off a 409
export const POST = apiRoute<{ id: string }>(async ({ user, params }) => signOffLifeStoryWork(user, params.id));
