import type pg from "pg";

// Checks the audit log's hash chains (docs/operations.md#tamper-evident-audit-log).
// The links are written by a database trigger (prisma/migrations/*_operations);
// here each link's hash is recomputed by the same SQL function, each link's
// previous hash compared with the link before it, and every entry must have a
// link. Read in pages, so a long log is never whole in memory.

export type ChainReport = { chain: string; entries: number; head: string };
export type BrokenLink = {
  chain: string;
  seq: number;
  auditId: string;
  problem: "hash does not match the entry" | "previous hash does not match" | "sequence gap" | "entry missing";
};
export type VerifyResult = { ok: boolean; chains: ChainReport[]; broken: BrokenLink[]; unlinkedEntries: string[] };

const PAGE = 5_000;
const GENESIS = "0".repeat(64);

type Row = {
  chain: string;
  seq: number;
  auditId: string;
  prevHash: string;
  hash: string;
  recomputed: string | null;
};

export async function verifyAuditChain(pool: pg.Pool): Promise<VerifyResult> {
  const chains = new Map<string, ChainReport>();
  const broken: BrokenLink[] = [];
  const brokenChains = new Set<string>();
  let last = { chain: "", seq: -1 };
  let previous: { chain: string; seq: number; hash: string } | null = null;
  for (;;) {
    const { rows } = await pool.query<Row>(
      `SELECT l.chain, l.seq, l."auditId", l."prevHash", l.hash,
              CASE WHEN a.id IS NULL THEN NULL ELSE audit_entry_digest(a, l."prevHash") END AS recomputed
         FROM "AuditChainLink" l LEFT JOIN "AuditLog" a ON a.id = l."auditId"
        WHERE (l.chain, l.seq) > ($1, $2)
        ORDER BY l.chain, l.seq
        LIMIT ${PAGE}`,
      [last.chain, last.seq],
    );
    for (const row of rows) {
      const report = chains.get(row.chain) ?? { chain: row.chain, entries: 0, head: GENESIS };
      chains.set(row.chain, report);
      report.entries++;
      report.head = row.hash;
      const before = previous?.chain === row.chain ? previous : null;
      const expectedSeq = before ? before.seq + 1 : 1;
      const expectedPrev = before ? before.hash : GENESIS;
      const problem: BrokenLink["problem"] | null =
        row.recomputed === null
          ? "entry missing"
          : row.seq !== expectedSeq
            ? "sequence gap"
            : row.prevHash !== expectedPrev
              ? "previous hash does not match"
              : row.recomputed !== row.hash
                ? "hash does not match the entry"
                : null;
      // The first broken link of each chain: what follows it cannot be trusted either.
      if (problem && !brokenChains.has(row.chain)) {
        brokenChains.add(row.chain);
        broken.push({ chain: row.chain, seq: row.seq, auditId: row.auditId, problem });
      }
      previous = { chain: row.chain, seq: row.seq, hash: row.hash };
    }
    if (rows.length < PAGE) break;
    last = { chain: rows[rows.length - 1].chain, seq: rows[rows.length - 1].seq };
  }
  const { rows: unlinked } = await pool.query<{ id: string }>(
    `SELECT a.id FROM "AuditLog" a LEFT JOIN "AuditChainLink" l ON l."auditId" = a.id WHERE l."auditId" IS NULL ORDER BY a.at, a.id LIMIT 100`,
  );
  return {
    ok: broken.length === 0 && unlinked.length === 0,
    chains: [...chains.values()],
    broken,
    unlinkedEntries: unlinked.map((row) => row.id),
  };
}
