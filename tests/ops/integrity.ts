import pg from "pg";
import { verifyAuditChain } from "../../lib/audit-chain";
import { startEmbeddedDatabase } from "../../lib/db/embedded-database";

// What "nothing half-written" means for an evidence item, checked in SQL on
// the database the app used: each item has its capability link and its audit
// entry (one transaction wrote all three), and the audit chain is unbroken.

export type Integrity = { items: string[]; itemsWithoutLink: number; itemsWithoutAudit: number; chainOk: boolean };

async function check(url: string, titlePrefix: string): Promise<Integrity> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const items = await pool.query<{ id: string }>(`SELECT id FROM "EvidenceItem" WHERE title LIKE $1`, [
      `${titlePrefix}%`,
    ]);
    const [{ count: withoutLink }] = (
      await pool.query<{ count: string }>(
        `SELECT count(*) FROM "EvidenceItem" e WHERE e.title LIKE $1 AND NOT EXISTS (SELECT 1 FROM "EvidenceLink" l WHERE l."evidenceId" = e.id)`,
        [`${titlePrefix}%`],
      )
    ).rows;
    const [{ count: withoutAudit }] = (
      await pool.query<{ count: string }>(
        `SELECT count(*) FROM "EvidenceItem" e WHERE e.title LIKE $1 AND NOT EXISTS (SELECT 1 FROM "AuditLog" a WHERE a."entityId" = e.id AND a.action = 'CREATE')`,
        [`${titlePrefix}%`],
      )
    ).rows;
    const chain = await verifyAuditChain(pool);
    return {
      items: items.rows.map((row) => row.id),
      itemsWithoutLink: Number(withoutLink),
      itemsWithoutAudit: Number(withoutAudit),
      chainOk: chain.ok,
    };
  } finally {
    await pool.end();
  }
}

export function integrityOfPostgres(url: string, titlePrefix: string) {
  return check(url, titlePrefix);
}

/** Opens the embedded data directory itself (the app must be stopped: one process per directory). */
export async function integrityOfEmbedded(dataDir: string, titlePrefix: string) {
  const db = await startEmbeddedDatabase({ dataDir });
  try {
    return await check(db.url, titlePrefix);
  } finally {
    await db.stop();
  }
}
