import type pg from "pg";
import { pipeline } from "node:stream/promises";
import { createHash } from "node:crypto";
import type { AttachmentStore } from "@/lib/attachments/store";

// Moves every evidence attachment's bytes from one store to another and
// verifies each against the checksum recorded when it was uploaded
// (`npm run attachments:migrate`, docs/operations.md#attachments). Safe to run
// again: a file already in the target with the right checksum is skipped. The
// source is left as it was; delete it yourself once the app runs on the target.

export type MigrationReport = {
  copied: number;
  alreadyThere: number;
  missingInSource: string[];
  checksumMismatch: string[];
};

async function sha256Of(store: AttachmentStore, key: string): Promise<string | null> {
  const stream = await store.get(key);
  if (!stream) return null;
  const hash = createHash("sha256");
  await pipeline(stream, async function (pieces: AsyncIterable<Uint8Array>) {
    for await (const piece of pieces) hash.update(piece);
  });
  return hash.digest("hex");
}

export async function migrateAttachments(
  pool: pg.Pool,
  from: AttachmentStore,
  to: AttachmentStore,
  log: (line: string) => void = () => {},
): Promise<MigrationReport> {
  const report: MigrationReport = { copied: 0, alreadyThere: 0, missingInSource: [], checksumMismatch: [] };
  let after = "";
  for (;;) {
    const { rows } = await pool.query<{ storageKey: string; sha256: string }>(
      `SELECT "storageKey", sha256 FROM "EvidenceAttachment" WHERE "storageKey" > $1 ORDER BY "storageKey" LIMIT 500`,
      [after],
    );
    if (!rows.length) break;
    for (const { storageKey, sha256 } of rows) {
      const existing = await sha256Of(to, storageKey);
      if (existing === sha256) {
        report.alreadyThere++;
        continue;
      }
      if (existing !== null) await to.delete(storageKey);
      const source = await from.get(storageKey);
      if (!source) {
        report.missingInSource.push(storageKey);
        continue;
      }
      const stored = await to.put(storageKey, source);
      // Read back from the target, not trusted from the write.
      if (stored.sha256 !== sha256 || (await sha256Of(to, storageKey)) !== sha256) {
        await to.delete(storageKey);
        report.checksumMismatch.push(storageKey);
        continue;
      }
      report.copied++;
      if (report.copied % 100 === 0) log(`${report.copied} copied…`);
    }
    after = rows[rows.length - 1].storageKey;
  }
  return report;
}
