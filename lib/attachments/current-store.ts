import path from "node:path";
import { getPool } from "@/lib/db/pool";
import { FilesystemAttachmentStore } from "@/lib/attachments/filesystem-store";
import { PostgresAttachmentStore } from "@/lib/attachments/postgres-store";
import { S3AttachmentStore, s3ConfigFromEnv } from "@/lib/attachments/s3-store";
import type { AttachmentStore } from "@/lib/attachments/store";

// Which store the app uses (docs/operations.md#attachments): ATTACHMENT_STORE
// = "postgres", "filesystem" or "s3" (S3_* variables). Unset, scripts/start.ts picks postgres when
// DATABASE_URL names a PostgreSQL server and filesystem for the embedded database.

export type StoreKind = "postgres" | "filesystem" | "s3";

export function configuredStoreKind(): StoreKind {
  const configured = process.env.ATTACHMENT_STORE?.trim().toLowerCase();
  if (configured === "postgres" || configured === "filesystem" || configured === "s3") return configured;
  if (configured) throw new Error(`ATTACHMENT_STORE must be "postgres", "filesystem" or "s3", not "${configured}".`);
  return "filesystem";
}

export function attachmentDir(): string {
  return path.resolve(process.env.ATTACHMENT_DIR?.trim() || "./data/attachments");
}

export function createAttachmentStore(kind: StoreKind = configuredStoreKind()): AttachmentStore {
  if (kind === "s3") return new S3AttachmentStore(s3ConfigFromEnv());
  return kind === "postgres" ? new PostgresAttachmentStore(getPool) : new FilesystemAttachmentStore(attachmentDir());
}

const globalForStore = globalThis as unknown as { placementTrackerAttachmentStore?: AttachmentStore | null };

export function attachmentStore(): AttachmentStore {
  return (globalForStore.placementTrackerAttachmentStore ??= createAttachmentStore());
}

/** For tests: use another store (or the configured one again with null). */
export function setAttachmentStore(next: AttachmentStore | null) {
  globalForStore.placementTrackerAttachmentStore = next;
}
