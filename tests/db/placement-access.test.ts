/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, countRows, type World } from "../support/world";
import { listPlacements } from "@/lib/placements/list-placements";
import { getPlacement } from "@/lib/placements/get-placement";
import { updatePlacement } from "@/lib/placements/update-placement";
import { recordAttendance, listAttendance } from "@/lib/placements/attendance";
import { assignPracticeEducator } from "@/lib/placements/assign-practice-educator";
import { placementsVisibleTo } from "@/lib/access/placements";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";

useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

type Who = keyof World["users"];

// Who sees which placement: the rule from the issue, written out as a table.
const visibility: Record<Who, { A: boolean; B: boolean }> = {
  admin: { A: true, B: true },
  otherAdmin: { A: false, B: false }, // another team's manager
  peA: { A: true, B: false },
  pePast: { A: true, B: false }, // was PE of A: keeps read access
  peB: { A: false, B: true },
  peOther: { A: false, B: false },
  onsiteA: { A: true, B: false },
  onsiteOther: { A: false, B: false },
  studentA: { A: true, B: false },
  studentB: { A: false, B: true },
  studentOther: { A: false, B: false },
  tutorA: { A: true, B: false },
  tutorB: { A: false, B: true },
};

describe("who may see a placement", () => {
  it.each(Object.keys(visibility) as Who[])(
    "%s sees exactly the placements the rules allow, in the list and the detail alike",
    async (who) => {
      const user = world.users[who];
      const listed = (await listPlacements(user)).map((row) => row.id).sort();
      const expected = [visibility[who].A && world.placementA.id, visibility[who].B && world.placementB.id]
        .filter(Boolean)
        .sort();
      expect(listed).toEqual(expected);

      expect(await statusOf(getPlacement(user, world.placementA.id))).toBe(visibility[who].A ? 200 : 404);
      expect(await statusOf(getPlacement(user, world.placementB.id))).toBe(visibility[who].B ? 200 : 404);
      expect(await statusOf(listAttendance(user, world.placementB.id))).toBe(visibility[who].B ? 200 : 404);
    },
  );

  it("answers an unknown placement id with 404", async () => {
    expect(await statusOf(getPlacement(world.users.admin, "no-such-placement"))).toBe(404);
  });

  it("refuses to build a filter for a missing or partial user instead of showing everything", () => {
    expect(() => placementsVisibleTo(undefined as unknown as SessionUser)).toThrow(AppError);
    expect(() => placementsVisibleTo({ ...world.users.peA, id: undefined as unknown as string })).toThrow(AppError);
    expect(() => placementsVisibleTo({ ...world.users.tutorA, organisationId: "" })).toThrow(AppError);
  });

  it("a tutor's filters cannot reach another university's placements", async () => {
    const rows = await listPlacements(world.users.tutorA, { universityId: world.uniB.id });
    expect(rows).toEqual([]);
  });
});

describe("who may change a placement", () => {
  const edit = (version: number) => ({
    setting: "Changed",
    startDate: "2026-01-05",
    endDate: "2026-06-30",
    requiredDays: 70,
    status: "ACTIVE",
    version,
  });

  it.each(["peA", "onsiteA", "studentA", "tutorA"] as Who[])(
    "%s can see placement A but not edit it (403) and nothing changes",
    async (who) => {
      const before = await countRows();
      expect(await statusOf(updatePlacement(world.users[who], world.placementA.id, edit(1)))).toBe(403);
      expect(
        await statusOf(
          assignPracticeEducator(world.users[who], world.placementA.id, {
            practiceEducatorId: world.users.peOther.id,
            startDate: world.today,
            reason: "x",
          }),
        ),
      ).toBe(403);
      expect(await countRows()).toEqual(before);
    },
  );

  it.each(["peB", "studentB", "tutorB", "otherAdmin"] as Who[])(
    "%s cannot even find placement A to edit it (404)",
    async (who) => {
      expect(await statusOf(updatePlacement(world.users[who], world.placementA.id, edit(1)))).toBe(404);
    },
  );

  it("lets the current PE, the on-site supervisor, the student and the admin log attendance, and no one else", async () => {
    const allowed: Who[] = ["admin", "peA", "onsiteA", "studentA"];
    const dates = ["-1", "-2", "-3", "-4"];
    for (const [index, who] of allowed.entries()) {
      const date = new Date(Date.parse(`${world.today}T00:00:00Z`) + Number(dates[index]) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect(
        await statusOf(recordAttendance(world.users[who], world.placementA.id, { date, kind: "PLACEMENT_DAY" })),
      ).toBe(200);
    }
    expect(
      await statusOf(
        recordAttendance(world.users.pePast, world.placementA.id, { date: world.today, kind: "PLACEMENT_DAY" }),
      ),
    ).toBe(403);
    expect(
      await statusOf(
        recordAttendance(world.users.tutorA, world.placementA.id, { date: world.today, kind: "PLACEMENT_DAY" }),
      ),
    ).toBe(403);
    expect(
      await statusOf(
        recordAttendance(world.users.studentB, world.placementA.id, { date: world.today, kind: "PLACEMENT_DAY" }),
      ),
    ).toBe(404);
    expect((await listAttendance(world.users.admin, world.placementA.id)).length).toBe(4);
  });
});
