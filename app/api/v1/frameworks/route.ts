import { apiRoute } from "@/lib/api/route";
import { listFrameworks } from "@/lib/frameworks/frameworks";

// GET /api/v1/frameworks – every framework version with its items and PCF level descriptors (anyone signed in)
export const GET = apiRoute(async ({ user }) => ({ frameworks: await listFrameworks(user) }));
