import { execFile } from "node:child_process";
import path from "node:path";

/**
 * Fills the placement progress read model of a database written straight into
 * its tables (the demo seed, the benchmark world) by running
 * scripts/progress-read-model.ts in a child process: lib/ is server-only, so
 * it runs under `--conditions=react-server`. Asynchronous on purpose: the
 * embedded database may be served from this very process.
 */
export function backfillProgressReadModel(databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      path.join("node_modules", ".bin", "tsx"),
      ["--conditions=react-server", path.join("scripts", "progress-read-model.ts"), "rebuild"],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`The progress backfill failed:\n${stderr || error.message}`));
        else resolve(stdout.trim());
      },
    );
  });
}
