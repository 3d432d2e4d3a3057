/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { getPool } from "@/lib/db/pool";
import { writeAudit } from "@/lib/audit";
import { verifyAuditChain } from "@/lib/audit-chain";

// The audit log's hash chain (docs/operations.md#tamper-evident-audit-log),
// written by the database as transactions commit and checked by audit:verify.

const { db } = useTestDatabase();
let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

const audit = (actor: World["users"][keyof World["users"]] | null, entityId: string, changes?: object) =>
  db().$transaction((tx) =>
    writeAudit(tx, actor, { action: "UPDATE", entity: "Placement", entityId, changes: changes as never }),
  );

it("links each organisation's entries in order, and a rolled-back entry never joins", async () => {
  await audit(world.users.peA, "p1", { notes: { from: "a", to: "b" } });
  await audit(world.users.studentA, "p1");
  await audit(null, "job");
  await expect(
    db().$transaction(async (tx) => {
      await writeAudit(tx, world.users.peA, { action: "UPDATE", entity: "Placement", entityId: "rolled-back" });
      throw new Error("changed my mind");
    }),
  ).rejects.toThrow("changed my mind");
  await audit(world.users.peA, "p2");

  const links = await db().auditChainLink.findMany({
    orderBy: [{ chain: "asc" }, { seq: "asc" }],
    include: { audit: true },
  });
  const team = links.filter((link) => link.chain === world.users.peA.organisationId);
  expect(team.map((link) => [link.seq, link.audit.entityId])).toEqual([
    [1, "p1"],
    [2, "p2"],
  ]);
  expect(team[0].prevHash).toBe("0".repeat(64));
  expect(team[1].prevHash).toBe(team[0].hash);
  expect(links.find((link) => link.audit.entityId === "job")?.chain).toBe("system");
  expect(links.some((link) => link.audit.entityId === "rolled-back")).toBe(false);
  const result = await verifyAuditChain(getPool());
  expect(result).toMatchObject({ ok: true, broken: [], unlinkedEntries: [] });
  expect(result.chains.map((chain) => chain.chain).sort()).toEqual(
    [world.users.peA.organisationId, world.users.studentA.organisationId, "system"].sort(),
  );
});

it("concurrent writers in one organisation get one unbroken chain, quickly and without deadlock", async () => {
  const writers = 40;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: writers }, (_, index) =>
      db().$transaction(async (tx) => {
        await writeAudit(tx, world.users.peB, { action: "UPDATE", entity: "Placement", entityId: `c${index}-a` });
        // Another row lock between the two entries: the chain lock is only taken at commit.
        await tx.placement.update({ where: { id: world.placementB.id }, data: { updatedAt: new Date() } });
        await writeAudit(tx, world.users.peB, { action: "UPDATE", entity: "Placement", entityId: `c${index}-b` });
      }),
    ),
  );
  const elapsed = Date.now() - started;
  const seqs = (
    await db().auditChainLink.findMany({ where: { chain: world.users.peB.organisationId }, orderBy: { seq: "asc" } })
  ).map((link) => link.seq);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
  expect(seqs.length).toBeGreaterThanOrEqual(writers * 2);
  expect(await verifyAuditChain(getPool())).toMatchObject({ ok: true });
  // 80 audited writes in 40 transactions; measured around 1 s on PGlite, less on PostgreSQL.
  expect(elapsed).toBeLessThan(15_000);
});

it("refuses to change or remove an entry, and audit:verify finds the first broken link after tampering", async () => {
  const target = await db().auditLog.findFirstOrThrow({ where: { entityId: "p1", actorId: world.users.peA.id } });
  await expect(db().auditLog.update({ where: { id: target.id }, data: { entityId: "forged" } })).rejects.toThrow(
    /append-only/,
  );
  await expect(db().auditLog.delete({ where: { id: target.id } })).rejects.toThrow();
  await expect(getPool().query(`TRUNCATE "AuditLog" CASCADE`)).rejects.toThrow(/append-only/);

  // Someone with the owner's rights switches the guard off and edits history.
  const pool = getPool();
  await pool.query(`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`);
  await pool.query(`UPDATE "AuditLog" SET changes = '{"notes":{"from":"a","to":"forged"}}' WHERE id = $1`, [target.id]);
  await pool.query(`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"`);

  const result = await verifyAuditChain(pool);
  expect(result.ok).toBe(false);
  expect(result.broken).toEqual([
    { chain: world.users.peA.organisationId, seq: 1, auditId: target.id, problem: "hash does not match the entry" },
  ]);
});
