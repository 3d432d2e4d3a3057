/** @jest-environment node */
// Idempotency keys on the command path (lib/core/idempotency.ts): the outbox's
// retries never write twice. apiRoute opens the key's scope exactly as here.
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { sessionOf, statusOf } from "../support/supervision";
import { recordSupervision } from "@/lib/supervision/record-supervision";
import { updateSupervisionNotes } from "@/lib/supervision/update-supervision-notes";
import { recordAttendance } from "@/lib/placements/attendance";
import { REUSED_KEY_MESSAGE, withIdempotencyKey } from "@/lib/core/idempotency";
import { toAppError } from "@/lib/errors";
import { addDays } from "@/lib/dates";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const POST_SUPERVISION = () => `POST /api/v1/placements/${world.placementA.id}/supervision`;

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return toAppError(error);
  }
  throw new Error("expected the write to be refused");
}

describe("a write sent with an idempotency key", () => {
  it("is done once however often it is retried: the retry gets the first response and writes nothing", async () => {
    const body = sessionOf(world, { agenda: "Retried from the car park" });
    const recordsBefore = await db().supervisionRecord.count();
    const auditBefore = await db().auditLog.count();

    const first = await withIdempotencyKey("key-supervision-0001", POST_SUPERVISION(), () =>
      recordSupervision(world.users.peA, world.placementA.id, body),
    );
    const auditAfterFirst = await db().auditLog.count();
    const retry = await withIdempotencyKey("key-supervision-0001", POST_SUPERVISION(), () =>
      recordSupervision(world.users.peA, world.placementA.id, { ...body }),
    );

    expect(first.replayed).toBe(false);
    expect(retry.replayed).toBe(true);
    expect(retry.value).toEqual(JSON.parse(JSON.stringify(first.value)));
    expect(await db().supervisionRecord.count()).toBe(recordsBefore + 1);
    expect(await db().supervisionRecord.count({ where: { agenda: "Retried from the car park" } })).toBe(1);
    expect(auditAfterFirst).toBeGreaterThan(auditBefore);
    expect(await db().auditLog.count()).toBe(auditAfterFirst);
  });

  it("a retry of a versioned update replays its answer instead of a 409 for its own change", async () => {
    const created = await recordSupervision(world.users.peA, world.placementA.id, sessionOf(world));
    const path = `PATCH /api/v1/supervision/${created.id}`;
    const notes = sessionOf(world, { agenda: "Edited offline", version: 1 });
    const first = await withIdempotencyKey("key-notes-0001", path, () =>
      updateSupervisionNotes(world.users.peA, created.id, notes),
    );
    const retry = await withIdempotencyKey("key-notes-0001", path, () =>
      updateSupervisionNotes(world.users.peA, created.id, notes),
    );
    expect(retry.replayed).toBe(true);
    expect(retry.value).toEqual(JSON.parse(JSON.stringify(first.value)));
    const row = await db().supervisionRecord.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ agenda: "Edited offline", version: 2 });

    // Without the key the same stale request is the ordinary conflict, naming the current version.
    const stale = await errorOf(updateSupervisionNotes(world.users.peA, created.id, notes));
    expect(stale?.status).toBe(409);
    expect(stale?.details).toMatchObject({ currentVersion: 2 });
  });

  it("the same key with a different body, or sent to another route, is a 422 and writes nothing", async () => {
    const date = addDays(world.today, -3);
    const path = `POST /api/v1/placements/${world.placementA.id}/attendance`;
    await withIdempotencyKey("key-attendance-01", path, () =>
      recordAttendance(world.users.studentA, world.placementA.id, { date, kind: "PLACEMENT_DAY" }),
    );
    const days = await db().attendanceDay.count();

    const changed = await errorOf(
      withIdempotencyKey("key-attendance-01", path, () =>
        recordAttendance(world.users.studentA, world.placementA.id, { date, kind: "SICK" }),
      ),
    );
    expect(changed).toMatchObject({ status: 422, message: REUSED_KEY_MESSAGE });

    const elsewhere = await errorOf(
      withIdempotencyKey("key-attendance-01", `POST /api/v1/placements/${world.placementB.id}/attendance`, () =>
        recordAttendance(world.users.studentA, world.placementA.id, { date, kind: "PLACEMENT_DAY" }),
      ),
    );
    expect(elsewhere?.status).toBe(422);
    expect(await db().attendanceDay.count()).toBe(days);
  });

  it("keys belong to one person: another user's identical key is a separate request", async () => {
    const date = addDays(world.today, -4);
    const path = `POST /api/v1/placements/${world.placementA.id}/attendance`;
    await withIdempotencyKey("key-shared-000001", path, () =>
      recordAttendance(world.users.studentA, world.placementA.id, { date, kind: "PLACEMENT_DAY" }),
    );
    // The PE logs the next day with the same key: not a replay of the student's request.
    const pe = await withIdempotencyKey("key-shared-000001", path, () =>
      recordAttendance(world.users.peA, world.placementA.id, { date: addDays(date, -1), kind: "PLACEMENT_DAY" }),
    );
    expect(pe.replayed).toBe(false);
    expect(await db().idempotencyKey.count({ where: { key: "key-shared-000001" } })).toBe(2);
  });

  it("a refused request stores nothing, so the corrected request may use the key", async () => {
    const path = `POST /api/v1/placements/${world.placementA.id}/attendance`;
    const future = addDays(world.today, 400);
    expect(
      await statusOf(
        withIdempotencyKey("key-refused-00001", path, () =>
          recordAttendance(world.users.studentA, world.placementA.id, { date: future, kind: "NOPE" }),
        ),
      ),
    ).toBe(422);
    expect(await db().idempotencyKey.count({ where: { key: "key-refused-00001" } })).toBe(0);
  });

  it("two requests with the same key at the same moment make one write", async () => {
    const body = sessionOf(world, { agenda: "Sent twice at once" });
    const both = await Promise.all(
      [1, 2].map(() =>
        withIdempotencyKey("key-concurrent-01", POST_SUPERVISION(), () =>
          recordSupervision(world.users.peA, world.placementA.id, body),
        ),
      ),
    );
    expect(both.map((result) => result.replayed).sort()).toEqual([false, true]);
    expect(JSON.parse(JSON.stringify(both[0].value))).toEqual(JSON.parse(JSON.stringify(both[1].value)));
    expect(await db().supervisionRecord.count({ where: { agenda: "Sent twice at once" } })).toBe(1);
  });

  it("without a key, writes are unchanged: two identical requests are two writes", async () => {
    const body = sessionOf(world, { agenda: "No key" });
    await recordSupervision(world.users.peA, world.placementA.id, body);
    await recordSupervision(world.users.peA, world.placementA.id, body);
    expect(await db().supervisionRecord.count({ where: { agenda: "No key" } })).toBe(2);
  });
});
