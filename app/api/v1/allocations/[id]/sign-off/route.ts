import { apiRoute } from "@/lib/api/route";
import { signOffLifeStoryAllocation } from "@/lib/children/allocations";

// POST /api/v1/allocations/:id/sign-off – the overseeing PE agrees to a student's life story work before it starts
export const POST = apiRoute<{ id: string }>(async ({ user, params }) => signOffLifeStoryAllocation(user, params.id));
