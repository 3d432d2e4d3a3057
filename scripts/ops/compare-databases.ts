import { Client } from "pg";

// Compares two databases row for row: for every table, the number of rows and
// a digest of all of them (each row's text, hashed, sorted, hashed again), so
// the order rows happen to be stored in does not matter. Used to prove a
// restore (tests/ops/backup-restore.test.ts; docs/operations.md#backup-and-restore).

export type TableDigest = { rows: number; digest: string };

export async function tableDigests(url: string): Promise<Record<string, TableDigest>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const digests: Record<string, TableDigest> = {};
    for (const { tablename } of tables) {
      const quoted = `"${tablename.replace(/"/g, '""')}"`;
      const { rows } = await client.query<{ rows: string; digest: string | null }>(
        `SELECT count(*) AS rows, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS digest
           FROM (SELECT md5(t::text) AS h FROM ${quoted} t) hashed`,
      );
      digests[tablename] = { rows: Number(rows[0].rows), digest: rows[0].digest ?? "" };
    }
    return digests;
  } finally {
    await client.end();
  }
}
