"use server";
// Server actions are public POST endpoints: each one resolves the signed-in
// user itself and goes through lib/, which checks what that user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { createPlacement } from "@/lib/placements/create-placement";
import { updatePlacement } from "@/lib/placements/update-placement";
import { assignPracticeEducator } from "@/lib/placements/assign-practice-educator";
import { recordAttendance, removeAttendance } from "@/lib/placements/attendance";
import type {
  AssignPracticeEducatorInput,
  CreatePlacementInput,
  RecordAttendanceInput,
  UpdatePlacementInput,
} from "@/lib/validations/placement";

export async function createPlacementAction(input: CreatePlacementInput) {
  const user = await requireUser();
  const result = await runAction(() => createPlacement(user, input));
  if (result.ok) revalidatePath("/placements");
  return result;
}

export async function updatePlacementAction(placementId: string, input: UpdatePlacementInput) {
  const user = await requireUser();
  const result = await runAction(() => updatePlacement(user, placementId, input));
  if (result.ok) revalidatePath(`/placements/${placementId}`);
  return result;
}

export async function assignPracticeEducatorAction(placementId: string, input: AssignPracticeEducatorInput) {
  const user = await requireUser();
  const result = await runAction(() => assignPracticeEducator(user, placementId, input));
  if (result.ok) revalidatePath(`/placements/${placementId}`);
  return result;
}

export async function recordAttendanceAction(placementId: string, input: RecordAttendanceInput) {
  const user = await requireUser();
  const result = await runAction(() => recordAttendance(user, placementId, input));
  if (result.ok) revalidatePath(`/placements/${placementId}`);
  return result;
}

export async function removeAttendanceAction(placementId: string, attendanceId: string) {
  const user = await requireUser();
  const result = await runAction(() => removeAttendance(user, placementId, attendanceId));
  if (result.ok) revalidatePath(`/placements/${placementId}`);
  return result;
}
