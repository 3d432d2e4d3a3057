// Moves evidence attachments from one store to another, verifying every checksum:
//
//   DATABASE_URL=… ATTACHMENT_DIR=/srv/attachments npm run attachments:migrate -- --from filesystem --to postgres
//
// Run it with the app stopped, or run it twice: files uploaded meanwhile are
// copied by the second run, and files already copied are skipped. Then start
// the app with ATTACHMENT_STORE set to the target (docs/operations.md#attachments).
import { parseArgs } from "node:util";
import { createAttachmentStore, type StoreKind } from "../lib/attachments/current-store";
import { migrateAttachments } from "../lib/attachments/migrate";
import { closePool, getPool } from "../lib/db/pool";
import { withAppDatabase } from "./ops/open-database";

const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
const kinds = ["filesystem", "postgres"];

async function main() {
  if (
    !values.from ||
    !values.to ||
    !kinds.includes(values.from) ||
    !kinds.includes(values.to) ||
    values.from === values.to
  )
    throw new Error("Usage: npm run attachments:migrate -- --from filesystem|postgres --to postgres|filesystem");
  const report = await withAppDatabase(async () => {
    try {
      return await migrateAttachments(
        getPool(),
        createAttachmentStore(values.from as StoreKind),
        createAttachmentStore(values.to as StoreKind),
        (line) => console.log(line),
      );
    } finally {
      await closePool();
    }
  });
  console.log(
    `Copied ${report.copied}, already there ${report.alreadyThere}, missing in the source ${report.missingInSource.length}, checksum mismatches ${report.checksumMismatch.length}.`,
  );
  for (const key of report.missingInSource) console.log(`missing in ${values.from}: ${key}`);
  for (const key of report.checksumMismatch) console.log(`checksum mismatch, not copied: ${key}`);
  process.exit(report.missingInSource.length || report.checksumMismatch.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
