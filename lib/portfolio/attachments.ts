import "server-only";
import type { Readable } from "node:stream";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { evidenceVisibleTo, isStudentOf, placementOpenForPortfolio } from "@/lib/access/portfolio";
import { command, parseId } from "@/lib/core/command";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { hasBrokenCharacters } from "@/lib/validations/common";
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
import { evidenceInScope, type EvidenceInScope } from "@/lib/portfolio/portfolio-scope";
import { evidenceLockedReason } from "@/lib/portfolio/evidence-rules";

// Files attached to evidence. Who may attach is checked first; then the bytes
// stream into the attachment store under a random key, hashed and counted on
// the way, keeping only the file's first and last bytes to read its type from
// (never the whole file in memory, and never inside a database transaction).
// The type must be allowed and the name's extension must agree. The row is
// written by a command once the file is stored; if the file is refused or the
// row cannot be written, the file is removed again, so nothing is left behind.

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
  if (typeof name === "string" && hasBrokenCharacters(name.replace(/\u0000/g, "")))
    throw refuse("The file's name contains a character that cannot be stored. Rename it and try again.");
  const value = typeof name === "string" ? name.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim() : "";
  // Only the last path segment: browsers on some systems send a full path.
  const base = value.split(/[\\/]/).pop() ?? "";
  if (!base) throw refuse("The file has no name. Rename it and try again.");
  if (base.length > 200) throw refuse("The file's name is too long: shorten it to 200 characters or fewer.");
  return base;
}

const onlyTheStudent = (user: SessionUser, { placement }: EvidenceInScope) =>
  isStudentOf(user, placement) || "Only the student whose placement this is attaches and removes its files.";

/** Files change with the evidence: while the placement is open and the item is the student's to edit. */
function assertFilesMayChange({ item, placement }: EvidenceInScope) {
  if (!placementOpenForPortfolio(placement)) throw conflict("This placement has finished: its portfolio is read-only.");
  const locked = evidenceLockedReason(item.status);
  if (locked) throw conflict(locked);
}

type StoredFile = { storageKey: string; fileName: string; contentType: string; sizeBytes: number; sha256: string };

// The row for a file already in the store: the same checks again inside the
// transaction, because the item may have been submitted while the file arrived.
const recordAttachment = command({
  parse: (evidenceId: string, file: StoredFile) => ({ evidenceId: parseId(evidenceId, "That evidence"), file }),
  load: ({ tx, user }, input) => evidenceInScope(tx, user, input.evidenceId),
  allow: onlyTheStudent,
  async run({ tx, user, audit }, loaded, { file }) {
    assertFilesMayChange(loaded);
    const { item } = loaded;
    const existing = await tx.evidenceAttachment.count({ where: { evidenceId: item.id } });
    if (existing >= MAX_ATTACHMENTS_PER_ITEM)
      throw refuse(`An item of evidence can have at most ${MAX_ATTACHMENTS_PER_ITEM} attachments. Remove one first.`);
    const attachment = await tx.evidenceAttachment.create({
      data: { evidenceId: item.id, ...file, uploadedById: user.id },
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
export async function addAttachment(user: SessionUser, evidenceId: string, file: IncomingFile | null) {
  assertVerifiedUser(user);
  // Who may attach is checked before the file is looked at, so others learn nothing about it.
  const scope = await evidenceInScope(getDb(), user, parseId(evidenceId, "That evidence"));
  const allowed = onlyTheStudent(user, scope);
  if (allowed !== true) throw forbidden(allowed);
  assertFilesMayChange(scope);
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
    await store.delete(storageKey).catch(() => undefined);
    if (error instanceof AttachmentTooLargeError) throw tooLarge(max);
    if (error instanceof AttachmentStoreFullError) throw storageFull();
    throw error;
  }
  try {
    if (stored.sizeBytes === 0) throw refuse("The file is empty.");
    const checked = checkAttachment(fileName, inspected.head(), inspected.tail());
    if (!checked.ok) throw refuse(checked.reason);
    return await recordAttachment(user, evidenceId, {
      storageKey,
      fileName,
      contentType: checked.contentType,
      ...stored,
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
    where: {
      id: parseId(attachmentId, "That attachment"),
      evidenceId: parseId(evidenceId, "That evidence"),
      evidence: evidenceVisibleTo(user),
    },
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
