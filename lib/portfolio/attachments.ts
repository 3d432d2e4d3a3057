import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { evidenceVisibleTo } from "@/lib/access/portfolio";
import { AppError, notFound } from "@/lib/errors";
import { createdFields, writeAudit } from "@/lib/audit";
import { ATTACHMENT_KINDS, checkAttachment, extensionOf, safeDownloadName } from "@/lib/portfolio/attachment-types";
import { attachmentMaxBytes, attachmentStore, newStorageKey } from "@/lib/portfolio/attachment-store";
import { evidenceForAttachments } from "@/lib/portfolio/evidence";

// Files attached to evidence. The type is read from the content, the name's
// extension must agree, and the bytes go to the attachment store under a
// random key. A file is stored before its row is written; if the row cannot
// be written the file is removed again, so nothing is left behind.

export const MAX_ATTACHMENTS_PER_ITEM = 20;

export function formatBytes(size: number): string {
  if (size >= 1024 * 1024) return `${(size / (1024 * 1024)).toFixed(size % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (size >= 1024) return `${Math.round(size / 1024)} KB`;
  return `${size} bytes`;
}

export function tooLarge(max = attachmentMaxBytes()) {
  return new AppError(
    "too_large",
    `The file is larger than ${formatBytes(max)}, the most that can be attached. Make it smaller (for example, save a PDF at a lower quality) and try again.`,
    {
      file: [`The file must be ${formatBytes(max)} or smaller`],
    },
  );
}

const refuse = (message: string) => new AppError("validation", message, { file: [message] });

function cleanFileName(name: unknown): string {
  const value = typeof name === "string" ? name.replace(/[\u0000-\u001f\u007f]/g, "").trim() : "";
  // Only the last path segment: browsers on some systems send a full path.
  const base = value.split(/[\\/]/).pop() ?? "";
  if (!base) throw refuse("The file has no name. Rename it and try again.");
  if (base.length > 200) throw refuse("The file's name is too long: shorten it to 200 characters or fewer.");
  return base;
}

/** The student attaches a file to evidence they may still edit. */
export async function addAttachment(
  user: SessionUser,
  evidenceId: string,
  file: { name: unknown; bytes: Uint8Array } | null,
) {
  assertVerifiedUser(user);
  // Who may attach is checked before the file is looked at, so others learn nothing about it.
  await evidenceForAttachments(getDb(), user, evidenceId, "change");
  if (!file) throw refuse("Choose a file to attach.");
  const max = attachmentMaxBytes();
  if (file.bytes.length > max) throw tooLarge(max);
  if (file.bytes.length === 0) throw refuse("The file is empty.");
  const fileName = cleanFileName(file.name);
  const checked = checkAttachment(fileName, file.bytes);
  if (!checked.ok) throw refuse(checked.reason);

  const storageKey = newStorageKey();
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const store = attachmentStore();
  await store.put(storageKey, file.bytes);
  try {
    return await getDb().$transaction(async (tx) => {
      // Again inside the transaction: the item may have been submitted meanwhile.
      const { item } = await evidenceForAttachments(tx, user, evidenceId, "change");
      const existing = await tx.evidenceAttachment.count({ where: { evidenceId: item.id } });
      if (existing >= MAX_ATTACHMENTS_PER_ITEM)
        throw refuse(`An item of evidence can have at most ${MAX_ATTACHMENTS_PER_ITEM} attachments. Remove one first.`);
      const attachment = await tx.evidenceAttachment.create({
        data: {
          evidenceId: item.id,
          fileName,
          contentType: checked.contentType,
          sizeBytes: file.bytes.length,
          sha256,
          storageKey,
          uploadedById: user.id,
        },
      });
      await writeAudit(tx, user, {
        action: "CREATE",
        entity: "EvidenceAttachment",
        entityId: attachment.id,
        changes: createdFields(attachment),
      });
      return {
        id: attachment.id,
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        sizeBytes: attachment.sizeBytes,
        sha256: attachment.sha256,
        url: `/api/v1/evidence/${item.id}/attachments/${attachment.id}`,
      };
    });
  } catch (error) {
    await store
      .delete(storageKey)
      .catch((cleanupError) =>
        console.error(`Attachment ${storageKey} could not be removed after a failed save`, cleanupError),
      );
    throw error;
  }
}

/** A file for download, to anyone who may read the evidence it belongs to. */
export async function getAttachment(user: SessionUser, evidenceId: string, attachmentId: string) {
  assertVerifiedUser(user);
  const attachment = await getDb().evidenceAttachment.findFirst({
    where: { id: String(attachmentId), evidenceId: String(evidenceId), evidence: evidenceVisibleTo(user) },
  });
  if (!attachment) throw notFound("That attachment");
  const bytes = await attachmentStore().get(attachment.storageKey);
  if (!bytes) throw notFound("That attachment's file");
  const kind = Object.values(ATTACHMENT_KINDS).find((info) => info.contentType === attachment.contentType);
  const extension = kind?.extensions.includes(extensionOf(attachment.fileName))
    ? extensionOf(attachment.fileName)
    : (kind?.extensions[0] ?? "bin");
  return {
    fileName: attachment.fileName,
    downloadName: safeDownloadName(attachment.fileName, extension),
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    bytes,
  };
}

/** The student removes a file while the evidence is still theirs to edit. */
export async function deleteAttachment(user: SessionUser, evidenceId: string, attachmentId: string) {
  assertVerifiedUser(user);
  const removed = await getDb().$transaction(async (tx) => {
    const attachment = await tx.evidenceAttachment.findFirst({
      where: { id: String(attachmentId), evidenceId: String(evidenceId), evidence: evidenceVisibleTo(user) },
    });
    if (!attachment) throw notFound("That attachment");
    await evidenceForAttachments(tx, user, evidenceId, "change");
    await tx.evidenceAttachment.delete({ where: { id: attachment.id } });
    await writeAudit(tx, user, {
      action: "DELETE",
      entity: "EvidenceAttachment",
      entityId: attachment.id,
      changes: createdFields(attachment),
    });
    return attachment;
  });
  // After the commit: if removing the file fails, the row is already gone and the orphan is harmless.
  await attachmentStore()
    .delete(removed.storageKey)
    .catch((error) => console.error(`Attachment file ${removed.storageKey} could not be removed`, error));
  return { id: removed.id };
}
