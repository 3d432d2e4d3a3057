"use server";
// Server actions for supervision. Each resolves the signed-in user itself and
// calls the same command as the route handler (lib/supervision), which checks
// what that user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { recordSupervision } from "@/lib/supervision/record-supervision";
import { updateSupervisionNotes } from "@/lib/supervision/update-supervision-notes";
import { saveStudentReflection } from "@/lib/supervision/save-student-reflection";
import { signSupervisionRecord } from "@/lib/supervision/sign-supervision-record";
import { addSupervisionAddendum } from "@/lib/supervision/add-supervision-addendum";
import { setSupervisionActionStatus } from "@/lib/supervision/set-supervision-action-status";
import { updateSupervisionSettings } from "@/lib/supervision/update-supervision-settings";
import type {
  ActionStatusInput,
  AddendumInput,
  StudentReflectionInput,
  StudentSignInput,
  SupervisionNotesInput,
  SupervisionSettingsInput,
  UpdateSupervisionInput,
} from "@/lib/validations/supervision";

/** Every page that shows supervision: the logs, the records and the placement pages' summaries. */
function revalidateSupervision(recordId?: string) {
  if (recordId) revalidatePath(`/supervision/${recordId}`);
  revalidatePath("/supervision/[recordId]", "page");
  revalidatePath("/placements/[id]/supervision", "page");
  revalidatePath("/placements/[id]", "page");
  revalidatePath("/");
}

export async function recordSupervisionAction(placementId: string, input: SupervisionNotesInput) {
  const user = await requireUser();
  const result = await runAction(() => recordSupervision(user, placementId, input));
  if (result.ok) revalidateSupervision(result.data.id);
  return result;
}

/** Also the autosave: called with the version the page last saw. */
export async function updateSupervisionNotesAction(recordId: string, input: UpdateSupervisionInput) {
  const user = await requireUser();
  const result = await runAction(() => updateSupervisionNotes(user, recordId, input));
  if (result.ok) revalidatePath(`/supervision/${recordId}`);
  return result;
}

export async function saveStudentReflectionAction(recordId: string, input: StudentReflectionInput) {
  const user = await requireUser();
  const result = await runAction(() => saveStudentReflection(user, recordId, input));
  if (result.ok) revalidatePath(`/supervision/${recordId}`);
  return result;
}

export async function signSupervisionRecordAction(recordId: string, input: StudentSignInput = {}) {
  const user = await requireUser();
  const result = await runAction(() => signSupervisionRecord(user, recordId, input));
  if (result.ok) revalidateSupervision(recordId);
  return result;
}

export async function addSupervisionAddendumAction(recordId: string, input: AddendumInput) {
  const user = await requireUser();
  const result = await runAction(() => addSupervisionAddendum(user, recordId, input));
  if (result.ok) revalidateSupervision(recordId);
  return result;
}

export async function setSupervisionActionStatusAction(actionId: string, input: ActionStatusInput) {
  const user = await requireUser();
  const result = await runAction(() => setSupervisionActionStatus(user, actionId, input));
  if (result.ok) revalidateSupervision();
  return result;
}

export async function updateSupervisionSettingsAction(placementId: string, input: SupervisionSettingsInput) {
  const user = await requireUser();
  const result = await runAction(() => updateSupervisionSettings(user, placementId, input));
  if (result.ok) revalidateSupervision();
  return result;
}
