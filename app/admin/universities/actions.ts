"use server";
// Server actions are public POST endpoints: each one resolves the signed-in
// user itself and goes through lib/, which checks that user is the admin.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { createCohort, createDegreeProgramme, createUniversity } from "@/lib/universities/universities";
import type {
  CreateCohortInput,
  CreateDegreeProgrammeInput,
  CreateUniversityInput,
} from "@/lib/validations/university";

export async function createUniversityAction(input: CreateUniversityInput) {
  const user = await requireUser();
  const result = await runAction(() => createUniversity(user, input));
  if (result.ok) revalidatePath("/admin/universities");
  return result;
}

export async function createDegreeProgrammeAction(input: CreateDegreeProgrammeInput) {
  const user = await requireUser();
  const result = await runAction(() => createDegreeProgramme(user, input));
  if (result.ok) revalidatePath("/admin/universities");
  return result;
}

export async function createCohortAction(input: CreateCohortInput) {
  const user = await requireUser();
  const result = await runAction(() => createCohort(user, input));
  if (result.ok) revalidatePath("/admin/universities");
  return result;
}
