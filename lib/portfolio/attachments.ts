import "server-only";
import type { Readable } from "node:stream";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { evidenceVisibleTo } from "@/lib/access/portfolio";
import { AppError, notFound } from "@/lib/errors";
import { createdFields, writeAudit } from "@/lib/audit";
import {
  ATTACHMENT_KINDS,
  checkAttachment,
  extensionOf,
  safeDownloadName,
  type FileTail,
} from "@/lib/portfolio/attachment-types";
import {
  attachmentMaxBytes,
  AttachmentStoreFullError,
  AttachmentTooLargeError,
  newStorageKey,
  streamOf,
} from "@/lib/attachments/store";
import { attachmentStore } from "@/lib/attachments/current-store";
import { evidenceForAttachments } from "@/lib/portfolio/evidence";

// Files attached to evidence. The bytes stream into the attachment store under
// a random key, hashed and counted on the way, keeping only the file's first
// and last bytes to read its type from (never the whole file in memory). The
// type must be allowed and the name's extension must agree. A file is stored
// before its row is written; if it is refused or the row cannot be written it
// is removed again, so nothing is left behind.

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

export function storageFull() {
  return new AppError(
    "unavailable",
    "Files cannot be stored at the moment: the attachment storage is full. Nothing was saved. Try again later, and tell the team manager.",
    { file: ["The file could not be stored: storage is full"] },
  );
}

const HEAD_BYTES = 64 * 1024;
// Office files list their contents at the end (the ZIP central directory).
const TAIL_BYTES = 1024 * 1024;

/** Passes a stream through, keeping its first HEAD_BYTES and last TAIL_BYTES for the type check. */
function inspectStream(source: AsyncIterable<Uint8Array>) {
  const head: Buffer[] = [];
  let headBytes = 0;
  const tail: Buffer[] = [];
  let tailBytes = 0;
  let total = 0;
  async function* stream() {
    for await (const piece of source) {
      const buffer = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      if (headBytes < HEAD_BYTES) {
        head.push(buffer.subarray(0, HEAD_BYTES - headBytes));
        headBytes += Math.min(buffer.length, HEAD_BYTES - headBytes);
      }
      tail.push(buffer);
      tailBytes += buffer.length;
      while (tail.length > 1 && tailBytes - tail[0].length >= TAIL_BYTES) tailBytes -= tail.shift()!.length;
      total += buffer.length;
      yield piece;
    }
  }
  return {
    stream: stream(),
    head: () => Buffer.concat(head),
    tail: (): FileTail => {
      const bytes = Buffer.concat(tail);
      return { bytes, start: total - bytes.length };
    },
  };
}

/** A file as the upload route passes it (streaming) or as tests and scripts hold it (bytes). */
export type IncomingFile = { name: unknown; content: AsyncIterable<Uint8Array> } | { name: unknown; bytes: Uint8Array };

function cleanFileName(name: unknown): string {
  const value = typeof name === "string" ? name.replace(/[\u0000-\u001f\u007f]/g, "").trim() : "";
  // Only the last path segment: browsers on some systems send a full path.
  const base = value.split(/[\\/]/).pop() ?? "";
  if (!base) throw refuse("The file has no name. Rename it and try again.");
  if (base.length > 200) throw refuse("The file's name is too long: shorten it to 200 characters or fewer.");
  return base;
}

/** The student attaches a file to evidence they may still edit. */
export async function addAttachment(user: SessionUser, evidenceId: string, file: IncomingFile | null) {
  assertVerifiedUser(user);
  // Who may attach is checked before the file is looked at, so others learn nothing about it.
  await evidenceForAttachments(getDb(), user, evidenceId, "change");
  if (!file) throw refuse("Choose a file to attach.");
  const max = attachmentMaxBytes();
  if ("bytes" in file && file.bytes.length > max) throw tooLarge(max);
  const fileName = cleanFileName(file.name);

  const storageKey = newStorageKey();
  const store = attachmentStore();
  const inspected = inspectStream("bytes" in file ? streamOf(file.bytes) : file.content);
  let stored: { sizeBytes: number; sha256: string };
  try {
    stored = await store.put(storageKey, inspected.stream, { maxBytes: max });
  } catch (error) {
    if (error instanceof AttachmentTooLargeError) throw tooLarge(max);
    if (error instanceof AttachmentStoreFullError) throw storageFull();
    throw error;
  }
  try {
    if (stored.sizeBytes === 0) throw refuse("The file is empty.");
    const checked = checkAttachment(fileName, inspected.head(), inspected.tail());
    if (!checked.ok) throw refuse(checked.reason);
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
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
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
  const stream: Readable | null = await attachmentStore().get(attachment.storageKey);
  if (!stream) throw notFound("That attachment's file");
  const kind = Object.values(ATTACHMENT_KINDS).find((info) => info.contentType === attachment.contentType);
  const extension = kind?.extensions.includes(extensionOf(attachment.fileName))
    ? extensionOf(attachment.fileName)
    : (kind?.extensions[0] ?? "bin");
  return {
    fileName: attachment.fileName,
    downloadName: safeDownloadName(attachment.fileName, extension),
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    stream,
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
