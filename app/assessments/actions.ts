"use server";
// Server actions for child and family assessments. Each resolves the signed-in
// user itself; lib/children/assessments checks what that user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { updateAssessment } from "@/lib/children/assessments";
import type { UpdateAssessmentInput } from "@/lib/validations/child-work";

export async function updateAssessmentAction(assessmentId: string, input: UpdateAssessmentInput) {
  const user = await requireUser();
  const result = await runAction(() => updateAssessment(user, assessmentId, input));
  if (result.ok) revalidatePath(`/assessments/${assessmentId}`);
  return result;
}
