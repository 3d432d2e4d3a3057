/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import {
  addFrameworkVersion,
  frameworkInForce,
  getFrameworkForAdmin,
  listFrameworks,
  updateFrameworkItem,
  updateLevelDescriptor,
} from "@/lib/frameworks/frameworks";
import { toAppError } from "@/lib/errors";
import { addDays, fromIsoDate, todayInUk } from "@/lib/dates";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

async function snapshot() {
  const [frameworks, items, descriptors, audit] = await Promise.all([
    db().framework.findMany({ orderBy: { id: "asc" } }),
    db().frameworkItem.findMany({ orderBy: { id: "asc" } }),
    db().frameworkLevelDescriptor.findMany({ orderBy: { id: "asc" } }),
    db().auditLog.count(),
  ]);
  return { frameworks, items, descriptors, audit };
}

async function statusOf(write: () => Promise<unknown>) {
  const before = await snapshot();
  const error = await write().then(
    () => null,
    (caught) => toAppError(caught),
  );
  if (!error) throw new Error("Expected a user-facing error");
  expect(await snapshot()).toEqual(before);
  return error.status;
}

const DESCRIPTOR = "fi_pcf_2018_5_end_of_first_placement";

describe("frameworks", () => {
  it("are readable by everyone signed in, with items and descriptors", async () => {
    for (const user of Object.values(world.users)) {
      const frameworks = await listFrameworks(user);
      const pcf = frameworks.find((framework) => framework.id === "fw_pcf_2018")!;
      expect(pcf.inForce).toBe(true);
      expect(pcf.items).toHaveLength(9);
      expect(pcf.items[4].levelDescriptors.map((descriptor) => descriptor.level)).toEqual([
        "READINESS_FOR_DIRECT_PRACTICE",
        "END_OF_FIRST_PLACEMENT",
        "END_OF_LAST_PLACEMENT",
      ]);
    }
    expect((await getFrameworkForAdmin(world.users.admin, "fw_swe_2019")).items).toHaveLength(6);
  });

  it("are edited by the admin only, audited, with a version check", async () => {
    const { users } = world;
    for (const user of [users.peA, users.studentA, users.tutorA, users.onsiteA]) {
      expect(
        await statusOf(() =>
          updateFrameworkItem(user, "fi_pcf_2018_5", { version: 1, name: "Knowing", description: "" }),
        ),
      ).toBe(403);
      expect(await statusOf(() => updateLevelDescriptor(user, DESCRIPTOR, { version: 1, text: "Mine" }))).toBe(403);
      expect(
        await statusOf(() =>
          addFrameworkVersion(user, "fw_pcf_2018", { version: "2030", effectiveFrom: "2030-09-01" }),
        ),
      ).toBe(403);
      expect(await statusOf(() => getFrameworkForAdmin(user, "fw_pcf_2018"))).toBe(404);
    }
    expect(
      await statusOf(() =>
        updateFrameworkItem(users.admin, "fi_pcf_2018_5", { version: 1, name: "", description: "" }),
      ),
    ).toBe(422);
    expect(
      await statusOf(() =>
        updateFrameworkItem(users.admin, "no-such-item", { version: 1, name: "X", description: "" }),
      ),
    ).toBe(404);
    expect(await statusOf(() => updateLevelDescriptor(users.admin, DESCRIPTOR, { version: 1, text: "   " }))).toBe(422);

    const item = await updateFrameworkItem(users.admin, "fi_pcf_2018_5", {
      version: 1,
      name: "Knowledge",
      description: "Corrected description.",
    });
    expect(item.version).toBe(2);
    expect(
      await statusOf(() =>
        updateFrameworkItem(users.admin, "fi_pcf_2018_5", { version: 1, name: "Stale", description: "" }),
      ),
    ).toBe(409);
    const descriptor = await updateLevelDescriptor(users.admin, DESCRIPTOR, {
      version: 1,
      text: "Corrected descriptor.",
    });
    expect(descriptor.version).toBe(2);
    expect(await statusOf(() => updateLevelDescriptor(users.admin, DESCRIPTOR, { version: 1, text: "Stale" }))).toBe(
      409,
    );

    const audits = await db().auditLog.findMany({
      where: { actorId: users.admin.id, entityId: { in: ["fi_pcf_2018_5", DESCRIPTOR] } },
    });
    expect(audits).toHaveLength(2);
    expect(audits.find((entry) => entry.entity === "FrameworkItem")?.changes).toMatchObject({
      description: { to: "Corrected description." },
    });
    expect(audits.find((entry) => entry.entity === "FrameworkLevelDescriptor")?.changes).toMatchObject({
      text: { to: "Corrected descriptor." },
    });
  });

  it("gain a new version that copies the items and leaves the old ones untouched", async () => {
    const { users, placementA } = world;
    const evidence = await db().evidenceItem.create({
      data: {
        placementId: placementA.id,
        authorId: users.studentA.id,
        title: "Old evidence",
        type: "REFLECTIVE_LOG",
        occurredOn: fromIsoDate(world.today),
        links: { create: [{ frameworkItemId: "fi_pcf_2018_5" }] },
      },
    });
    const oldItems = await db().frameworkItem.findMany({
      where: { frameworkId: "fw_pcf_2018" },
      orderBy: { number: "asc" },
    });

    expect(
      await statusOf(() =>
        addFrameworkVersion(users.admin, "fw_pcf_2018", { version: "2018", effectiveFrom: "2031-01-01" }),
      ),
    ).toBe(422);
    expect(
      await statusOf(() =>
        addFrameworkVersion(users.admin, "fw_pcf_2018", { version: "2015", effectiveFrom: "2015-01-01" }),
      ),
    ).toBe(422);
    expect(
      await statusOf(() =>
        addFrameworkVersion(users.admin, "fw_pcf_2018", { version: "2030", effectiveFrom: "not a date" }),
      ),
    ).toBe(422);

    const from = addDays(todayInUk(), 30);
    const created = await addFrameworkVersion(users.admin, "fw_pcf_2018", { version: "2030", effectiveFrom: from });
    const copy = await db().framework.findUniqueOrThrow({
      where: { id: created.id },
      include: { items: { orderBy: { number: "asc" }, include: { levelDescriptors: true } } },
    });
    expect(copy.items.map((item) => item.code)).toEqual(oldItems.map((item) => item.code));
    expect(copy.items[4].description).toBe("Corrected description.");
    expect(copy.items[4].levelDescriptors).toHaveLength(3);
    expect(copy.items.every((item) => !oldItems.some((old) => old.id === item.id))).toBe(true);

    const old = await db().framework.findUniqueOrThrow({ where: { id: "fw_pcf_2018" } });
    expect(old.effectiveTo?.toISOString().slice(0, 10)).toBe(from);
    expect(
      await db().frameworkItem.findMany({ where: { frameworkId: "fw_pcf_2018" }, orderBy: { number: "asc" } }),
    ).toEqual(oldItems);
    expect((await db().evidenceLink.findFirstOrThrow({ where: { evidenceId: evidence.id } })).frameworkItemId).toBe(
      "fi_pcf_2018_5",
    );

    // The old version is in force until the new one starts.
    expect((await frameworkInForce(db(), "PCF"))?.id).toBe("fw_pcf_2018");
    expect((await frameworkInForce(db(), "PCF", from))?.id).toBe(created.id);
    expect(await db().auditLog.count({ where: { entity: "Framework", actorId: users.admin.id } })).toBe(2);

    // Only the latest version can be revised.
    expect(
      await statusOf(() =>
        addFrameworkVersion(users.admin, "fw_pcf_2018", { version: "2031", effectiveFrom: addDays(from, 400) }),
      ),
    ).toBe(409);
    expect((await getFrameworkForAdmin(users.admin, "fw_pcf_2018")).isLatest).toBe(false);
  });
});
