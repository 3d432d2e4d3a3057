import { apiRoute } from "@/lib/api/route";
import { getConcern } from "@/lib/portfolio/concerns";

// GET /api/v1/concerns/:id – a cause for concern with its timeline and action plan
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => getConcern(user, params.id));
