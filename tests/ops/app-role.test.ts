/** @jest-environment node */
import { readFileSync } from "node:fs";
import { applyMigrations } from "../../lib/db/migrations";
import { sql, startApp, startCluster, type App, type Cluster } from "./support";

// The production database role of docs/operations.md#tamper-evident-audit-log,
// applied exactly as documented: the app writes audited changes and starts,
// but cannot change or remove audit history.

let cluster: Cluster;
let app: App | null = null;

beforeAll(async () => {
  cluster = startCluster(3464);
  await sql(cluster.url(), "CREATE DATABASE placements");
  await applyMigrations(cluster.url("placements"));
});
afterAll(async () => {
  await app?.stop();
  cluster?.destroy();
});

function documentedRoleSql(): string {
  const doc = readFileSync("docs/operations.md", "utf8");
  const block = /```sql\n(CREATE ROLE placement_app[\s\S]*?)```/.exec(doc);
  if (!block) throw new Error("docs/operations.md has no CREATE ROLE placement_app block");
  return block[1];
}

it("adds audit rows but cannot update, delete or truncate them, and runs the app", async () => {
  await sql(cluster.url("placements"), documentedRoleSql());
  const asApp = cluster.url("placements").replace("postgres@", "placement_app@");

  await sql(
    asApp,
    `INSERT INTO "AuditLog" (id, action, entity, "entityId") VALUES ('audit-by-app', 'UPDATE', 'Placement', 'p1')`,
  );
  const links = await sql<{ seq: number }>(asApp, `SELECT seq FROM "AuditChainLink" WHERE "auditId" = 'audit-by-app'`);
  expect(links).toEqual([{ seq: 1 }]);
  for (const statement of [
    `UPDATE "AuditLog" SET "entityId" = 'forged' WHERE id = 'audit-by-app'`,
    `DELETE FROM "AuditLog" WHERE id = 'audit-by-app'`,
    `TRUNCATE "AuditLog" CASCADE`,
    `UPDATE "AuditChainLink" SET hash = 'forged'`,
    `DELETE FROM "AuditChainLink"`,
  ])
    await expect(sql(asApp, statement)).rejects.toThrow(/permission denied/);

  app = await startApp({ port: 3428, env: { DATABASE_URL: asApp } });
  const ready = await fetch(`${app.baseUrl}/api/ready`);
  expect(await ready.json()).toMatchObject({ status: "ready" });
});
