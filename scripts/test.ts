// The whole test suite: `npm test`.
//   1. unit and database tests (Jest): pure rules, components in jsdom, lib/
//      against a fresh PGlite per test file — or against the PostgreSQL named
//      by TEST_POSTGRES_URL, a fresh database per test file;
//   2. a production build;
//   3. end-to-end tests (Playwright) in Debian's headless Chromium.
// Set SKIP_E2E=1 to run step 1 only. Ends with one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const bin = (name: string) => path.join("node_modules", ".bin", name);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  // PGlite imports `fs` dynamically, which Jest's VM refuses without this flag.
  NODE_OPTIONS: "--experimental-vm-modules --disable-warning=ExperimentalWarning",
};
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
}

/** Debian's Chromium: Playwright must never download a browser (no internet here). */
function ensureChromium() {
  if (existsSync(chromium)) return;
  if (process.getuid?.() !== 0)
    throw new Error(`Chromium is missing: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  console.log("Installing Debian's chromium for the end-to-end tests…");
  if (run("apt-get", ["update", "-qq"]) !== 0 || run("apt-get", ["install", "-y", "-qq", "chromium"]) !== 0)
    throw new Error("Could not install chromium");
}

type Totals = { passed: number; failed: number; skipped: number };

function jestTotals(file: string): Totals {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: report.numPendingTests,
  };
}

function playwrightTotals(file: string): Totals {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: stats.expected + (stats.flaky ?? 0), failed: stats.unexpected, skipped: stats.skipped };
}

function main() {
  rmSync("test-results", { recursive: true, force: true });
  mkdirSync("test-results", { recursive: true });
  const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
  const add = (part: Totals) => {
    totals.passed += part.passed;
    totals.failed += part.failed;
    totals.skipped += part.skipped;
  };

  run(bin("jest"), ["--json", "--outputFile=test-results/jest.json"]);
  add(jestTotals("test-results/jest.json"));

  if (!process.env.SKIP_E2E) {
    ensureChromium();
    if (run(bin("next"), ["build"], { DATABASE_URL: "" }) !== 0) add({ passed: 0, failed: 1, skipped: 0 });
    else {
      run(bin("playwright"), ["test"], { NODE_OPTIONS: "" });
      add(playwrightTotals("test-results/playwright.json"));
    }
  }

  console.log(
    `\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
  );
  // A skipped test proves nothing: the run fails until it is fixed or deleted.
  if (totals.skipped > 0) console.log("Skipped tests fail the run: fix them or delete them.");
  process.exit(totals.failed === 0 && totals.skipped === 0 && totals.passed > 0 ? 0 : 1);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
