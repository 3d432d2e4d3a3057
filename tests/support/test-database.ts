import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../lib/db/embedded-database";
import { disconnectDb, getDb } from "../../lib/db";
import { postgresTemplateName, readPgliteTemplate, withDatabase } from "./template";

/**
 * Gives this test file its own freshly migrated database and points lib/db at
 * it: PGlite by default, a new database on TEST_POSTGRES_URL when set.
 * Call at the top of a test file.
 */
export function useTestDatabase() {
  let embedded: EmbeddedDatabase | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    const serverUrl = process.env.TEST_POSTGRES_URL;
    if (serverUrl) {
      const name = `pt_test_${randomBytes(6).toString("hex")}`;
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName()}`);
      await admin.end();
      process.env.DATABASE_URL = withDatabase(serverUrl, name);
      dropDatabase = async () => {
        const client = new Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      };
    } else {
      embedded = await startEmbeddedDatabase({ dataDir: null, loadDataDir: readPgliteTemplate() });
      process.env.DATABASE_URL = embedded.url;
    }
    // One connection on PGlite, as the app uses it (scripts/start.ts); a real server takes a pool.
    process.env.DATABASE_POOL_SIZE = serverUrl ? "4" : "1";
    // Tests that queue many transactions on one connection (the audit chain's 40 writers) must not fail on a
    // loaded machine for waiting: the production timeout is tested in tests/ops/database-outage.test.ts.
    process.env.DATABASE_CONNECT_TIMEOUT_MS ??= "60000";
    await disconnectDb();
  });

  afterAll(async () => {
    await disconnectDb();
    await embedded?.stop();
    await dropDatabase?.();
  });

  return { db: () => getDb() };
}
