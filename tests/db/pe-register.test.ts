/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { listRegister, updateRegisterEntry } from "@/lib/pe-register/register";
import { toAppError } from "@/lib/errors";
import { addDays, addYears } from "@/lib/dates";

const { db } = useTestDatabase();
let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

async function statusOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (error) {
    const appError = toAppError(error);
    if (!appError) throw error;
    return appError.status;
  }
}

const entry = (version: number, extra: object = {}) => ({
  pepsStage: "STAGE_2",
  qualifiedOn: addYears(world.today, -5),
  lastRefresherOn: addDays(addYears(world.today, -2), -1),
  capacity: "2",
  notes: "",
  version,
  ...extra,
});

describe("the practice educator register", () => {
  it("is kept by the team manager only; bad dates change nothing", async () => {
    expect(await statusOf(updateRegisterEntry(world.users.peA, world.users.peA.id, entry(0)))).toBe(403);
    expect(await statusOf(updateRegisterEntry(world.users.tutorA, world.users.peA.id, entry(0)))).toBe(403);
    expect(await statusOf(updateRegisterEntry(world.users.otherAdmin, world.users.peA.id, entry(0)))).toBe(404);
    expect(
      await statusOf(
        updateRegisterEntry(world.users.admin, world.users.peA.id, entry(0, { qualifiedOn: "2026-02-30" })),
      ),
    ).toBe(422);
    expect(
      await statusOf(
        updateRegisterEntry(
          world.users.admin,
          world.users.peA.id,
          entry(0, { lastRefresherOn: addYears(world.today, -6) }),
        ),
      ),
    ).toBe(422);
    expect(await db().practiceEducatorRecord.count()).toBe(0);
  });

  it("flags a lapsed refresher with its due date, and counts the students supervised", async () => {
    await updateRegisterEntry(world.users.admin, world.users.peA.id, entry(0));
    const peA = (await listRegister(world.users.admin, world.today)).find((row) => row.id === world.users.peA.id)!;
    expect(peA.refresher).toEqual({ state: "OVERDUE", dueOn: addDays(world.today, -1) });
    expect(peA).toMatchObject({ capacity: 2, currentStudents: 1, pastStudents: 0, stale: false, version: 1 });
    expect(
      await db().auditLog.count({ where: { entity: "PracticeEducatorRecord", entityId: world.users.peA.id } }),
    ).toBe(1);

    await updateRegisterEntry(world.users.admin, world.users.peA.id, entry(1, { lastRefresherOn: world.today }));
    const renewed = (await listRegister(world.users.admin, world.today)).find((row) => row.id === world.users.peA.id)!;
    expect(renewed.refresher).toEqual({ state: "CURRENT", dueOn: addYears(world.today, 2) });
    // A save from a stale page is refused.
    expect(await statusOf(updateRegisterEntry(world.users.admin, world.users.peA.id, entry(1)))).toBe(409);
  });

  it("shows a PE their own entry and a tutor the PEs of their university's students only", async () => {
    expect((await listRegister(world.users.peA)).map((row) => row.id)).toEqual([world.users.peA.id]);
    const forTutorA = (await listRegister(world.users.tutorA)).map((row) => row.name).sort();
    expect(forTutorA).toEqual(["Test peA", "Test pePast"]);
    expect((await listRegister(world.users.tutorB)).map((row) => row.name)).toEqual(["Test peB"]);
    expect(await listRegister(world.users.studentA)).toEqual([]);
  });
});
