"use server";
// Server actions are public POST endpoints: each one resolves the signed-in
// user itself and goes through lib/, which checks that user is the admin.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { createUser, updateUser } from "@/lib/users/users";
import { importPeople, previewImport } from "@/lib/users/import-people";
import { badRequest } from "@/lib/errors";
import {
  endSessionsOfPerson,
  resendInvitation,
  resetTwoFactorOfPerson,
  revokeInvitation,
} from "@/lib/users/invitations";
import type { CreateUserInput, UpdateUserInput } from "@/lib/validations/user";

export async function createUserAction(input: CreateUserInput) {
  const user = await requireUser();
  const result = await runAction(() => createUser(user, input));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function updateUserAction(userId: string, input: UpdateUserInput) {
  const user = await requireUser();
  const result = await runAction(() => updateUser(user, userId, input));
  if (result.ok) {
    revalidatePath("/admin/users");
    revalidatePath(`/admin/users/${userId}`);
  }
  return result;
}

export async function resendInvitationAction(userId: string) {
  const user = await requireUser();
  const result = await runAction(() => resendInvitation(user, userId));
  if (result.ok) revalidatePath(`/admin/users/${userId}`);
  return result;
}

export async function revokeInvitationAction(userId: string) {
  const user = await requireUser();
  const result = await runAction(() => revokeInvitation(user, userId));
  if (result.ok) revalidatePath(`/admin/users/${userId}`);
  return result;
}

export async function endSessionsOfPersonAction(userId: string) {
  const user = await requireUser();
  const result = await runAction(() => endSessionsOfPerson(user, userId));
  if (result.ok) revalidatePath(`/admin/users/${userId}`);
  return result;
}

export async function resetTwoFactorAction(userId: string) {
  const user = await requireUser();
  const result = await runAction(() => resetTwoFactorOfPerson(user, userId));
  if (result.ok) revalidatePath(`/admin/users/${userId}`);
  return result;
}

/** The uploaded file's bytes (the file itself is checked by lib/users/import-rules.ts). */
async function uploaded(formData: FormData): Promise<Uint8Array> {
  const file = formData.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw badRequest("Choose a CSV file to upload.");
  return new Uint8Array(await file.arrayBuffer());
}

export async function previewImportAction(formData: FormData) {
  const user = await requireUser();
  return runAction(async () => previewImport(user, await uploaded(formData)));
}

export async function importPeopleAction(formData: FormData) {
  const user = await requireUser();
  const result = await runAction(async () => importPeople(user, await uploaded(formData)));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}
