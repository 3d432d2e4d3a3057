import { apiRoute } from "@/lib/api/route";
import { getProgramme } from "@/lib/children/programmes";

// GET /api/v1/programmes/:id – the programme with its sessions, feedback, goals and progress; the child named only to those allowed (audited)
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => ({
  programme: await getProgramme(user, params.id),
}));
