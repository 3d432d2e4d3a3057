import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { evidenceVisibleTo, isStudentOf, placementOpenForPortfolio } from "@/lib/access/portfolio";
import { command, parseId } from "@/lib/core/command";
import { AppError, conflict, notFound } from "@/lib/errors";
import { hasBrokenCharacters } from "@/lib/validations/common";
import { ATTACHMENT_KINDS, checkAttachment, extensionOf, safeDownloadName } from "@/lib/portfolio/attachment-types";
import { attachmentMaxBytes, attachmentStore, newStorageKey } from "@/lib/portfolio/attachment-store";
import { evidenceInScope, type EvidenceInScope } from "@/lib/portfolio/portfolio-scope";
import { evidenceLockedReason } from "@/lib/portfolio/evidence-rules";

// Files attached to evidence. The type is read from the content, the name's
// extension must agree, and the bytes go to the attachment store under a
// random key. A file is stored just before its row is written; if the row
// cannot be written the file is removed again, so nothing is left behind.

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
  if (typeof name === "string" && hasBrokenCharacters(name.replace(/\u0000/g, "")))
    throw refuse("The file's name contains a character that cannot be stored. Rename it and try again.");
  const value = typeof name === "string" ? name.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim() : "";
  // Only the last path segment: browsers on some systems send a full path.
  const base = value.split(/[\\/]/).pop() ?? "";
  if (!base) throw refuse("The file has no name. Rename it and try again.");
  if (base.length > 200) throw refuse("The file's name is too long: shorten it to 200 characters or fewer.");
  return base;
}

/** A file as it arrives: its name and bytes (null when the request held no file). */
export type Upload = { name: unknown; bytes: Uint8Array } | null;

/** Refuses a file before anything is stored: missing, too large, empty, badly named or of a refused type. */
function checkUpload(file: Upload) {
  if (!file) throw refuse("Choose a file to attach.");
  const max = attachmentMaxBytes();
  if (file.bytes.length > max) throw tooLarge(max);
  if (file.bytes.length === 0) throw refuse("The file is empty.");
  const fileName = cleanFileName(file.name);
  const checked = checkAttachment(fileName, file.bytes);
  if (!checked.ok) throw refuse(checked.reason);
  return { fileName, contentType: checked.contentType, bytes: file.bytes };
}

const onlyTheStudent = (user: SessionUser, { placement }: EvidenceInScope) =>
  isStudentOf(user, placement) || "Only the student whose placement this is attaches and removes its files.";

/** Files change with the evidence: while the placement is open and the item is the student's to edit. */
function assertFilesMayChange({ item, placement }: EvidenceInScope) {
  if (!placementOpenForPortfolio(placement)) throw conflict("This placement has finished: its portfolio is read-only.");
  const locked = evidenceLockedReason(item.status);
  if (locked) throw conflict(locked);
}

// The bytes are stored inside the transaction, once the user may attach and
// the file passes its checks; addAttachment removes them again if the
// transaction does not commit.
const attachFile = command({
  parse: (evidenceId: string, upload: Upload, storageKey: string) => ({
    evidenceId: parseId(evidenceId, "That evidence"),
    upload,
    storageKey,
  }),
  load: ({ tx, user }, input) => evidenceInScope(tx, user, input.evidenceId),
  allow: onlyTheStudent,
  async run({ tx, user, audit }, loaded, { upload, storageKey }) {
    // The file is looked at once the user may attach: a stranger learns nothing from a refusal about it.
    const file = { ...checkUpload(upload), storageKey };
    assertFilesMayChange(loaded);
    const { item } = loaded;
    const existing = await tx.evidenceAttachment.count({ where: { evidenceId: item.id } });
    if (existing >= MAX_ATTACHMENTS_PER_ITEM)
      throw refuse(`An item of evidence can have at most ${MAX_ATTACHMENTS_PER_ITEM} attachments. Remove one first.`);
    await attachmentStore().put(file.storageKey, file.bytes);
    const attachment = await tx.evidenceAttachment.create({
      data: {
        evidenceId: item.id,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.bytes.length,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        storageKey: file.storageKey,
        uploadedById: user.id,
      },
    });
    await audit.created("EvidenceAttachment", attachment);
    return {
      id: attachment.id,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      sizeBytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      url: `/api/v1/evidence/${item.id}/attachments/${attachment.id}`,
    };
  },
});

/** The student attaches a file to evidence they may still edit; nothing is left behind if it is refused. */
export async function addAttachment(user: SessionUser, evidenceId: string, file: Upload) {
  const storageKey = newStorageKey();
  try {
    return await attachFile(user, evidenceId, file, storageKey);
  } catch (error) {
    // Removing a key that was never written is not an error.
    await attachmentStore()
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
    where: {
      id: parseId(attachmentId, "That attachment"),
      evidenceId: parseId(evidenceId, "That evidence"),
      evidence: evidenceVisibleTo(user),
    },
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
export const deleteAttachment = command({
  parse: (evidenceId: string, attachmentId: string) => ({
    evidenceId: parseId(evidenceId, "That evidence"),
    attachmentId: parseId(attachmentId, "That attachment"),
  }),
  load: ({ tx, user }, input) => evidenceInScope(tx, user, input.evidenceId),
  allow: onlyTheStudent,
  async run({ tx, audit, afterCommit }, loaded, input) {
    const { item } = loaded;
    const attachment = await tx.evidenceAttachment.findFirst({
      where: { id: input.attachmentId, evidenceId: item.id },
    });
    if (!attachment) throw notFound("That attachment");
    assertFilesMayChange(loaded);
    await tx.evidenceAttachment.delete({ where: { id: attachment.id } });
    await audit.deleted("EvidenceAttachment", attachment);
    // If removing the file fails, the row is already gone and the orphan is harmless.
    afterCommit(() => attachmentStore().delete(attachment.storageKey));
    return { id: attachment.id };
  },
});
