import { apiRoute, readJson } from "@/lib/api/route";
import { updateLifeStoryStage } from "@/lib/children/life-story";

// PUT /api/v1/life-story/:id/stages/:stage – record one stage's dates and notes (allocated student, overseeing PE, admin); 409 until the PE has signed the work off
export const PUT = apiRoute<{ id: string; stage: string }>(async ({ user, request, params }) =>
  updateLifeStoryStage(user, params.id, params.stage, await readJson(request)),
);
