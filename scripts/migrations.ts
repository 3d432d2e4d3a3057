// Migrations from the command line.
//   npm run db:migrate                 apply pending migrations to DATABASE_URL (production)
//   npm run db:new-migration -- NAME   write prisma/migrations/<timestamp>_NAME from a schema change
//   npm run db:check-drift             fail unless the migrations produce exactly prisma/schema.prisma
//
// The last two apply the migrations to a scratch database on a real PostgreSQL
// (MIGRATION_SCRATCH_URL, default the local server at 127.0.0.1:5432), read
// the result back with `prisma db pull` and diff it against schema.prisma.
// A real server, not PGlite: the wasm schema engine crashes introspecting PGlite.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, MIGRATIONS_DIR } from "../lib/db/migrations";
import { Client } from "pg";

// Asynchronous on purpose: the embedded database is served from this process,
// so a synchronous child would block the very server it talks to.
function prisma(
  args: string[],
  databaseUrl: string,
  allowExitCodes: number[] = [0],
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      path.join("node_modules", ".bin", "prisma"),
      args,
      {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          PRISMA_CLI_DATABASE_URL: databaseUrl,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
          CHECKPOINT_DISABLE: "1",
          NODE_OPTIONS: `--require ${path.resolve("prisma/unref-long-timers.cjs")}`,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        if (allowExitCodes.includes(code)) resolve({ code, stdout });
        else reject(new Error(`prisma ${args.join(" ")} failed (${code}):\n${stderr}`));
      },
    );
    child.stdin?.end();
  });
}

/** The SQL that takes the migrated schema to schema.prisma ("" when they match). */
async function diffMigrationsToSchema(exitCode: boolean): Promise<{ code: number; sql: string }> {
  const serverUrl = process.env.MIGRATION_SCRATCH_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const scratchName = `pt_migration_scratch_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratchName}`);
  const scratch = new URL(serverUrl);
  scratch.pathname = `/${scratchName}`;
  const db = { url: scratch.toString() };
  try {
    const applied = await applyMigrations(db.url);
    // Introspecting an empty database crashes the wasm schema engine: start from empty instead.
    const from = ["--from-empty"];
    if (applied.length > 0) {
      // Prisma does not model triggers, and a constraint trigger (the audit hash chain's, which runs at
      // commit) crashes its introspection: drop them from the scratch copy before reading it back.
      const scratchClient = new Client({ connectionString: db.url });
      await scratchClient.connect();
      try {
        const { rows } = await scratchClient.query<{ table: string; name: string }>(
          `SELECT c.relname AS table, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND n.nspname = 'public'`,
        );
        for (const row of rows) await scratchClient.query(`DROP TRIGGER "${row.name}" ON "${row.table}"`);
      } finally {
        await scratchClient.end();
      }
      const pulled = (await prisma(["db", "pull", "--print"], db.url)).stdout;
      const migratedSchema = path.join(mkdtempSync(path.join(os.tmpdir(), "pt-migrations-")), "migrated.prisma");
      // `db pull --print` prefixes a warning about the datasource url: keep the schema only.
      writeFileSync(migratedSchema, pulled.slice(Math.max(0, pulled.search(/^(generator|datasource) /m))));
      from.splice(0, 1, "--from-schema-datamodel", migratedSchema);
    }
    const args = ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"];
    if (exitCode) args.push("--exit-code");
    const { code, stdout } = await prisma(args, db.url, [0, 2]);
    return { code, sql: stdout };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratchName} WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === "deploy") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("Set DATABASE_URL to the PostgreSQL database to migrate.");
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
  } else if (command === "new") {
    if (!name || !/^[a-z0-9_]+$/.test(name))
      throw new Error("Give the migration a name in snake_case: npm run db:new-migration -- add_supervision");
    const { code, sql } = await diffMigrationsToSchema(true);
    if (code === 0) {
      console.log("schema.prisma matches the migrations: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — read it before committing.`);
  } else if (command === "check") {
    const { code, sql } = await diffMigrationsToSchema(true);
    if (code === 0) {
      console.log("Migrations produce exactly prisma/schema.prisma.");
      return;
    }
    console.error("prisma/migrations does not produce prisma/schema.prisma. Missing SQL:\n" + sql);
    console.error("Run: npm run db:new-migration -- <name>");
    process.exitCode = 1;
  } else {
    throw new Error("Usage: tsx scripts/migrations.ts deploy | new NAME | check");
  }
}

main().then(
  () => process.exit(),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
