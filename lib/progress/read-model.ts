import "server-only";
import { isDeepStrictEqual } from "node:util";
import { getDb, type Tx } from "@/lib/db";
import { todayInUk, type IsoDate } from "@/lib/dates";
import { computeProgressDetails } from "@/lib/progress/placement-progress";
import { fromStored, storeProgress } from "@/lib/progress/progress-store";

// The placement progress read model (docs/decisions/0013-progress-read-model.md):
// one PlacementProgress row per placement holding what the rules in
// lib/progress, lib/placements, lib/supervision and lib/portfolio computed.
// The rules stay the single source of truth: this module only runs them
// (computeProgressDetails) and stores their output.
//
// - Every write that changes a placement's progress marks it
//   (ctx.placementChanged) and lib/core/command.ts calls
//   refreshPlacementReadModel in the same transaction.
// - The rules read today's date (overdue, due soon, projected end), so a row
//   holds the day it was computed for (`asOf`). A read that finds a row of an
//   earlier day recomputes it (lib/progress/placement-progress.ts), and the
//   daily job (refreshStaleProgress, run with the reminders) recomputes every
//   row once a day, so reads rarely have to.
// - rebuildReadModel recomputes everything (a repair); checkReadModel
//   compares every stored row with a fresh computation.

/** Placements per batch in the daily job and the repair: one transaction and about ten queries each. */
const BATCH = 500;

/**
 * Recomputes the given placements' progress inside the caller's transaction.
 * It first locks the placement rows (FOR NO KEY UPDATE, in id order, so two
 * writes never deadlock; it does not block inserts of attendance, evidence…),
 * so of two concurrent writes to one placement the second computes after the
 * first commits and sees both changes.
 */
export async function refreshPlacementReadModel(
  tx: Tx,
  placementIds: string[],
  today: IsoDate = todayInUk(),
): Promise<void> {
  const ids = [...new Set(placementIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Placement" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR NO KEY UPDATE`;
  await storeProgress(tx, await computeProgressDetails(tx, ids, today), today, "always");
}

/** Every row becomes stale (a change that affects all placements: a new PCF version, a renamed domain). */
export async function markAllProgressStale(tx: Tx): Promise<void> {
  await tx.$executeRaw`UPDATE "PlacementProgress" SET "asOf" = DATE '1970-01-01'`;
}

/**
 * The daily recompute: every placement whose row is missing or was computed
 * before `today`, in batches. Returns how many were recomputed.
 */
export async function refreshStaleProgress(today: IsoDate = todayInUk()): Promise<number> {
  let done = 0;
  for (;;) {
    const stale = await getDb().$queryRaw<Array<{ id: string }>>`
      SELECT p.id FROM "Placement" p LEFT JOIN "PlacementProgress" pp ON pp."placementId" = p.id
      WHERE pp."asOf" IS NULL OR pp."asOf" < ${today}::date
      ORDER BY p.id LIMIT ${BATCH}`;
    if (stale.length === 0) return done;
    await refreshInTransaction(
      stale.map((row) => row.id),
      today,
    );
    done += stale.length;
  }
}

/** The repair: recomputes every placement's row, in batches by id. Returns how many. */
export async function rebuildReadModel(today: IsoDate = todayInUk()): Promise<number> {
  let done = 0;
  for (let after = ""; ;) {
    const ids = await nextIds(after);
    if (ids.length === 0) return done;
    await refreshInTransaction(ids, today);
    done += ids.length;
    after = ids[ids.length - 1];
  }
}

export type ReadModelDifference = { placementId: string; problem: "missing" | "stale" | "different" };

/**
 * Compares every stored row with a fresh computation as of `today` (which
 * should be the day the rows were computed for). Returns the differences;
 * none means the read model is exactly what the rules say.
 */
export async function checkReadModel(today: IsoDate = todayInUk()): Promise<ReadModelDifference[]> {
  const db = getDb();
  const differences: ReadModelDifference[] = [];
  for (let after = ""; ;) {
    const ids = await nextIds(after);
    if (ids.length === 0) return differences;
    const [fresh, stored] = await Promise.all([
      computeProgressDetails(db, ids, today),
      db.placementProgress.findMany({ where: { placementId: { in: ids } } }),
    ]);
    const storedBy = new Map(stored.map((row) => [row.placementId, row]));
    for (const [placementId, detail] of fresh) {
      const row = storedBy.get(placementId);
      if (!row) differences.push({ placementId, problem: "missing" });
      else if (row.asOf.toISOString().slice(0, 10) !== today) differences.push({ placementId, problem: "stale" });
      else if (
        !isDeepStrictEqual(fromStored(row), JSON.parse(JSON.stringify(detail))) ||
        row.ragStatus !== detail.progress.rag.status ||
        row.percentComplete !== detail.progress.days.percentComplete
      )
        differences.push({ placementId, problem: "different" });
    }
    after = ids[ids.length - 1];
  }
}

async function nextIds(after: string): Promise<string[]> {
  const rows = await getDb().placement.findMany({
    where: { id: { gt: after } },
    orderBy: { id: "asc" },
    take: BATCH,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

function refreshInTransaction(ids: string[], today: IsoDate) {
  return getDb().$transaction((tx) => refreshPlacementReadModel(tx, ids, today), { timeout: 120_000 });
}
