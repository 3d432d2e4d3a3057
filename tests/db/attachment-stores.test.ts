/** @jest-environment node */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { tinyPdf } from "../support/files";
import { getPool } from "@/lib/db/pool";
import { FilesystemAttachmentStore } from "@/lib/attachments/filesystem-store";
import { CHUNK_BYTES, PostgresAttachmentStore } from "@/lib/attachments/postgres-store";
import { S3AttachmentStore } from "@/lib/attachments/s3-store";
import { setAttachmentStore } from "@/lib/attachments/current-store";
import { migrateAttachments } from "@/lib/attachments/migrate";
import { AttachmentTooLargeError, newStorageKey, readAll, type AttachmentStore } from "@/lib/attachments/store";
import { addAttachment, getAttachment } from "@/lib/portfolio/attachments";
import { createEvidence } from "@/lib/portfolio/write-evidence";
import { addDays } from "@/lib/dates";

// Both stores behind one interface, against a real database and a real disk.

const { db } = useTestDatabase();
let dir: string;
// An S3-compatible server from npm that checks request signatures, in this process.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require("s3rver");
let s3server: { run(): Promise<{ port: number }>; close(): Promise<void> };
let s3endpoint: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "attachment-stores-"));
  s3server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: path.join(dir, "s3"),
    configureBuckets: [{ name: "attachments" }],
  });
  const { port } = await s3server.run();
  s3endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  setAttachmentStore(null);
  await s3server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const s3 = (secretAccessKey = "S3RVER") =>
  new S3AttachmentStore({
    endpoint: s3endpoint,
    region: "us-east-1",
    bucket: "attachments",
    accessKeyId: "S3RVER",
    secretAccessKey,
  });

/** A stream of `total` random bytes in pieces of `piece`, as an upload arrives. */
function upload(total: number, piece = 64 * 1024) {
  const content = randomBytes(total);
  async function* pieces() {
    for (let at = 0; at < total; at += piece) yield content.subarray(at, at + piece);
  }
  return { content, pieces: pieces() };
}

const stores: Array<[string, () => AttachmentStore]> = [
  ["filesystem", () => new FilesystemAttachmentStore(path.join(dir, "files"))],
  ["postgres", () => new PostgresAttachmentStore(getPool)],
  ["s3", () => s3()],
];

describe.each(stores)("the %s store", (_kind, make) => {
  it("streams a multi-chunk file in and out with its size and sha256", async () => {
    const store = make();
    const key = newStorageKey();
    const { content, pieces } = upload(CHUNK_BYTES * 2 + 1234);
    const stored = await store.put(key, pieces, { maxBytes: 10 * 1024 * 1024 });
    expect(stored).toEqual({
      sizeBytes: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
    });
    const stream = await store.get(key);
    const pieceSizes: number[] = [];
    const parts: Buffer[] = [];
    for await (const part of stream!) {
      pieceSizes.push(part.length);
      parts.push(part);
    }
    expect(Buffer.concat(parts).equals(content)).toBe(true);
    // Read back in pieces, never as one buffer.
    expect(Math.max(...pieceSizes)).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(pieceSizes.length).toBeGreaterThanOrEqual(3);
    const keys: string[] = [];
    for await (const held of store.keys()) keys.push(held);
    expect(keys).toContain(key);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key); // removing a missing key is not an error
  });

  it("refuses a file over the limit part-way and keeps nothing", async () => {
    const store = make();
    const key = newStorageKey();
    await expect(store.put(key, upload(CHUNK_BYTES * 3).pieces, { maxBytes: CHUNK_BYTES })).rejects.toBeInstanceOf(
      AttachmentTooLargeError,
    );
    expect(await store.get(key)).toBeNull();
    const keys: string[] = [];
    for await (const held of store.keys()) keys.push(held);
    expect(keys).not.toContain(key);
  });

  it("refuses a key that is not one of its own", async () => {
    await expect(make().get("../../etc/passwd")).rejects.toThrow("Invalid attachment storage key");
  });
});

describe("the s3 store", () => {
  it("streams a file larger than one 5 MiB part (a multipart upload of two parts)", async () => {
    const key = newStorageKey();
    const { content, pieces } = upload(5 * 1024 * 1024 + 4321);
    const stored = await s3().put(key, pieces);
    expect(stored.sha256).toBe(createHash("sha256").update(content).digest("hex"));
    expect((await readAll((await s3().get(key))!)).equals(content)).toBe(true);
    await s3().delete(key);
  });
});

describe("the postgres store", () => {
  it("keeps chunks of 256 KiB and never serves an upload that died half-way", async () => {
    const store = new PostgresAttachmentStore(getPool);
    const key = newStorageKey();
    await store.put(key, upload(CHUNK_BYTES + 10).pieces);
    const chunks = await db().attachmentChunk.findMany({ where: { storageKey: key }, orderBy: { seq: "asc" } });
    expect(chunks.map((chunk) => chunk.data.length)).toEqual([CHUNK_BYTES, 10]);

    // A put that stopped after its first chunk (the process was killed): invisible, then swept.
    const dead = newStorageKey();
    await db().attachmentBlob.create({
      data: {
        storageKey: dead,
        createdAt: new Date(Date.now() - 2 * 3600_000),
        parts: { create: { seq: 0, data: Buffer.from("x") } },
      },
    });
    expect(await store.get(dead)).toBeNull();
    expect(await store.sweepIncomplete()).toBe(1);
    expect(await db().attachmentChunk.count({ where: { storageKey: dead } })).toBe(0);
    expect(await db().attachmentBlob.count({ where: { storageKey: key } })).toBe(1);
  });
});

describe("evidence attachments on the postgres store, and moving them between stores", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  it("uploads through lib/ into PostgreSQL, downloads, and migrates to disk and back with every checksum verified", async () => {
    const postgres = new PostgresAttachmentStore(getPool);
    setAttachmentStore(postgres);
    const { id: itemId } = await createEvidence(world.users.studentA, world.placementA.id, {
      title: "Stored in the database",
      occurredOn: addDays(world.today, -1),
      type: "REFLECTIVE_LOG",
      body: "A reflection with a file.",
      childCode: null,
      links: [{ frameworkItemId: "fi_pcf_2018_6", note: "Critical reflection." }],
    });
    const pdf = Buffer.concat([tinyPdf("in postgres"), randomBytes(CHUNK_BYTES)]);
    const added = await addAttachment(world.users.studentA, itemId, { name: "big.pdf", bytes: pdf });
    expect(added.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    const file = await getAttachment(world.users.studentA, itemId, added.id);
    expect((await readAll(file.stream)).equals(pdf)).toBe(true);

    const disk = new FilesystemAttachmentStore(path.join(dir, "migrated"));
    const toDisk = await migrateAttachments(getPool(), postgres, disk);
    expect(toDisk).toMatchObject({ copied: 1, alreadyThere: 0, missingInSource: [], checksumMismatch: [] });
    expect(readdirSync(path.join(dir, "migrated"), { recursive: true }).length).toBeGreaterThan(0);
    // Again: nothing to do.
    expect(await migrateAttachments(getPool(), postgres, disk)).toMatchObject({ copied: 0, alreadyThere: 1 });

    // Back, after losing the database copy: restored from disk, checksum verified.
    await postgres.delete((await db().evidenceAttachment.findUniqueOrThrow({ where: { id: added.id } })).storageKey);
    expect(await migrateAttachments(getPool(), disk, postgres)).toMatchObject({ copied: 1, checksumMismatch: [] });
    expect((await readAll((await getAttachment(world.users.studentA, itemId, added.id)).stream)).equals(pdf)).toBe(
      true,
    );
  });
});
