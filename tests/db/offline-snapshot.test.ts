/** @jest-environment node */
// What a device may keep for offline use (lib/offline/snapshot.ts): the user's
// own work only, children by code alone.
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren, type ChildrenWorld } from "../support/children-world";
import { createDirectWorkProgramme } from "@/lib/children/direct-work/plans";
import { offlineSnapshotFor } from "@/lib/offline/snapshot";
import { offlineKeepDays } from "@/lib/offline/keep-days";
import { DEFAULT_THEMES } from "@/lib/validations/direct-work";
import { addDays } from "@/lib/dates";

useTestDatabase();

let world: World;
let kids: ChildrenWorld;
beforeAll(async () => {
  world = await buildWorld();
  kids = await buildChildren(world);
  await createDirectWorkProgramme(world.users.studentA, kids.allocationA.id, {
    startDate: addDays(world.today, -14),
    plannedSessions: 3,
    themes: DEFAULT_THEMES.slice(0, 3),
    agreedWithSchool: true,
    agreedWithChild: true,
    agreedWithParents: true,
  });
});

describe("the offline snapshot", () => {
  it("gives the allocated student their child's sessions by code, with nothing that names the child", async () => {
    const snapshot = await offlineSnapshotFor(world.users.studentA);
    expect(snapshot.userId).toBe(world.users.studentA.id);
    expect(snapshot.sessions).toHaveLength(3);
    expect(new Set(snapshot.sessions.map((session) => session.childCode))).toEqual(new Set(["C-1001"]));
    const text = JSON.stringify(snapshot);
    for (const identifying of ["Alfie", "Archer", "Dana", "Test Academy", "2013-05-04"])
      expect(text).not.toContain(identifying);
    expect(snapshot.placements).toEqual([]);
  });

  it("gives the overseeing PE the same sessions and the placements they currently supervise", async () => {
    const snapshot = await offlineSnapshotFor(world.users.peA);
    expect(snapshot.sessions.map((session) => session.childCode)).toEqual(["C-1001", "C-1001", "C-1001"]);
    expect(snapshot.placements.map((placement) => placement.id)).toEqual([world.placementA.id]);
  });

  it("gives nobody else's work: another student, a past PE, a tutor, the on-site supervisor", async () => {
    for (const who of ["studentB", "studentOther", "pePast", "tutorA", "onsiteA"] as const) {
      const snapshot = await offlineSnapshotFor(world.users[who]);
      expect(snapshot.sessions.map((session) => session.childCode)).not.toContain("C-1001");
      expect(snapshot.placements.map((placement) => placement.id)).not.toContain(world.placementA.id);
    }
  });
});

describe("OFFLINE_KEEP_DAYS", () => {
  it("is a whole number of days from 1 to 90, else the default of 14", () => {
    expect(offlineKeepDays("7")).toBe(7);
    expect(offlineKeepDays(undefined)).toBe(14);
    for (const bad of ["0", "91", "1.5", "seven", ""]) expect(offlineKeepDays(bad)).toBe(14);
  });
});
