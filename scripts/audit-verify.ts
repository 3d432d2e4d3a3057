// Checks the audit log's hash chains and reports the first broken link of each:
//
//   DATABASE_URL=postgresql://… npm run audit:verify
//   npm run audit:verify                 (the embedded database, with the app stopped)
//
// Exit code 0 when every chain is intact, 1 when one is broken. Prints each
// chain's head hash: keep a copy outside the database (docs/operations.md#tamper-evident-audit-log).
import { verifyAuditChain } from "../lib/audit-chain";
import { closePool, getPool } from "../lib/db/pool";
import { withAppDatabase } from "./ops/open-database";

async function main() {
  const result = await withAppDatabase(async () => {
    try {
      return await verifyAuditChain(getPool());
    } finally {
      await closePool();
    }
  });
  for (const chain of result.chains) console.log(`chain ${chain.chain}: ${chain.entries} entries, head ${chain.head}`);
  for (const link of result.broken)
    console.log(`BROKEN chain ${link.chain} at entry ${link.seq} (audit id ${link.auditId}): ${link.problem}`);
  if (result.unlinkedEntries.length)
    console.log(`BROKEN ${result.unlinkedEntries.length} entries have no link, first: ${result.unlinkedEntries[0]}`);
  console.log(result.ok ? "The audit log is intact." : "The audit log has been altered: see above.");
  process.exit(result.ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
