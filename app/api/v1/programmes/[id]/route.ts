import { apiRoute } from "@/lib/api/route";
import { getDirectWorkProgramme } from "@/lib/children/direct-work/reads";

// GET /api/v1/programmes/:id – the direct-work programme with its sessions, feedback, goals and progress; the child named only to those allowed (audited)
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => ({
  programme: await getDirectWorkProgramme(user, params.id),
}));
