"use server";
// Server actions for portfolio evidence. Each resolves the signed-in user
// itself; the commands in lib/portfolio check what that user may do. Files are
// uploaded to the JSON API's attachment route instead: server actions cap
// their bodies well below the attachment limit.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import { createEvidence, submitEvidence, updateEvidence } from "@/lib/portfolio/write-evidence";
import { addEvidenceAddendum, reviewEvidence } from "@/lib/portfolio/review-evidence";
import { deleteAttachment } from "@/lib/portfolio/attachments";
import type {
  EvidenceAddendumInput,
  EvidenceInput,
  ReviewEvidenceInput,
  SubmitEvidenceInput,
  UpdateEvidenceInput,
} from "@/lib/validations/evidence";

function revalidateEvidence(evidenceId?: string) {
  if (evidenceId) revalidatePath(`/evidence/${evidenceId}`);
  revalidatePath("/placements/[id]/portfolio", "page");
  revalidatePath("/");
}

export async function createEvidenceAction(placementId: string, input: EvidenceInput) {
  const user = await requireUser();
  const result = await runAction(() => createEvidence(user, placementId, input));
  if (result.ok) revalidateEvidence(result.data.id);
  return result;
}

export async function updateEvidenceAction(evidenceId: string, input: UpdateEvidenceInput) {
  const user = await requireUser();
  const result = await runAction(() => updateEvidence(user, evidenceId, input));
  if (result.ok) revalidateEvidence(evidenceId);
  return result;
}

export async function submitEvidenceAction(evidenceId: string, input: SubmitEvidenceInput) {
  const user = await requireUser();
  const result = await runAction(() => submitEvidence(user, evidenceId, input));
  if (result.ok) revalidateEvidence(evidenceId);
  return result;
}

export async function reviewEvidenceAction(evidenceId: string, input: ReviewEvidenceInput) {
  const user = await requireUser();
  const result = await runAction(() => reviewEvidence(user, evidenceId, input));
  if (result.ok) revalidateEvidence(evidenceId);
  return result;
}

export async function addEvidenceAddendumAction(evidenceId: string, input: EvidenceAddendumInput) {
  const user = await requireUser();
  const result = await runAction(() => addEvidenceAddendum(user, evidenceId, input));
  if (result.ok) revalidateEvidence(evidenceId);
  return result;
}

export async function deleteAttachmentAction(evidenceId: string, attachmentId: string) {
  const user = await requireUser();
  const result = await runAction(() => deleteAttachment(user, evidenceId, attachmentId));
  if (result.ok) revalidateEvidence(evidenceId);
  return result;
}
