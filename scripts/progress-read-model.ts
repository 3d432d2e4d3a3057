// The placement progress read model from the command line
// (lib/progress/read-model.ts, docs/decisions/0013-progress-read-model.md):
//
//   DATABASE_URL=postgresql://… npm run progress -- rebuild   recompute every placement's row (the backfill and the repair)
//   DATABASE_URL=postgresql://… npm run progress -- refresh   recompute rows missing or of an earlier day (the daily job's part)
//   DATABASE_URL=postgresql://… npm run progress -- check     compare every row with a fresh computation; exit 1 on a difference
//   DATABASE_URL=postgresql://… npm run progress -- time <placementId> [times]
//                                  what keeping one placement's row up to date adds to a write: the
//                                  lock and the recompute, in a transaction, `times` times (the benchmark runs it)
//
// Safe while the app runs: each batch locks its placements as a write does.
// Run with `tsx --conditions=react-server` (as the npm script does): lib/
// marks its modules server-only, and this is the server side.
import {
  checkReadModel,
  rebuildReadModel,
  refreshPlacementReadModel,
  refreshStaleProgress,
} from "../lib/progress/read-model";
import { disconnectDb, getDb } from "../lib/db";

process.env.CHECKPOINT_DISABLE = "1";
process.env.PRISMA_HIDE_UPDATE_MESSAGE = "1";

/** Times the read model's part of a write for one placement; prints {"samples":[ms…]} on the last line. */
async function timeRefresh(placementId: string | undefined, times: number): Promise<number> {
  if (!placementId) throw new Error("Say which placement: time <placementId> [times]");
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await getDb().$transaction((tx) => refreshPlacementReadModel(tx, [placementId]));
    samples.push(Math.round((performance.now() - started) * 10) / 10);
  }
  console.log(JSON.stringify({ samples }));
  return 0;
}

async function main(action: string | undefined): Promise<number> {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the app's PostgreSQL.");
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  if (action === "rebuild") {
    console.log(`Recomputed the progress of ${await rebuildReadModel()} placements in ${seconds()} s`);
    return 0;
  }
  if (action === "refresh") {
    console.log(`Brought ${await refreshStaleProgress()} placements' progress up to today in ${seconds()} s`);
    return 0;
  }
  if (action === "check") {
    const differences = await checkReadModel();
    for (const difference of differences.slice(0, 50)) console.log(`${difference.placementId}: ${difference.problem}`);
    console.log(
      differences.length === 0
        ? `Every placement's stored progress equals a fresh computation (${seconds()} s)`
        : `${differences.length} placements differ: run \`npm run progress -- rebuild\``,
    );
    return differences.length === 0 ? 0 : 1;
  }
  if (action === "time") {
    const [, placementId, times] = process.argv.slice(2).filter((arg) => arg !== "--");
    return timeRefresh(placementId, Number(times ?? 50));
  }
  throw new Error("Say what to do: rebuild, refresh, check or time");
}

main(process.argv.slice(2).find((arg) => arg !== "--"))
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await disconnectDb();
    process.exit(1);
  });
