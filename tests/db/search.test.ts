/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren, type ChildrenWorld } from "../support/children-world";
import { escapeLike, search, SEARCH_GROUP_LIMIT } from "@/lib/search/search";
import { AppError } from "@/lib/errors";
import { addDays, fromIsoDate } from "@/lib/dates";
import type { SessionUser } from "@/lib/auth/session-user";

const { db } = useTestDatabase();

let world: World;
let kids: ChildrenWorld;
beforeAll(async () => {
  world = await buildWorld();
  kids = await buildChildren(world);
});

type Who = keyof World["users"];
const placementIds = (results: Awaited<ReturnType<typeof search>>) =>
  results.placements.items.map((item) => item.id).sort();
const studentIds = (results: Awaited<ReturnType<typeof search>>) =>
  results.students.items.map((item) => item.id).sort();
const viewAudits = (user: SessionUser) =>
  db().auditLog.count({ where: { actorId: user.id, action: "VIEW", entity: "Child" } });

describe("placements and students: only what the user can see", () => {
  // Everyone searches for "test student" (every student's name) and sees exactly the placements their role allows.
  const expected: Record<Who, Array<"A" | "B">> = {
    admin: ["A", "B"],
    otherAdmin: [],
    peA: ["A"],
    pePast: ["A"], // past PEs keep read access to the placements they assessed
    peB: ["B"],
    peOther: [],
    onsiteA: ["A"],
    onsiteOther: [],
    studentA: ["A"],
    studentB: ["B"],
    studentOther: [],
    tutorA: ["A"], // only their university's students
    tutorB: ["B"],
  };

  it.each(Object.keys(expected) as Who[])("%s finds only the placements and students they may see", async (who) => {
    const results = await search(world.users[who], "test student");
    const ids = expected[who].map((key) => (key === "A" ? world.placementA.id : world.placementB.id)).sort();
    expect(placementIds(results)).toEqual(ids);
    expect(results.placements.total).toBe(ids.length);
    const students = expected[who]
      .map((key) => (key === "A" ? world.users.studentA.id : world.users.studentB.id))
      .sort();
    expect(studentIds(results)).toEqual(students);
    for (const student of results.students.items)
      expect(student.placementId).toBe(
        student.id === world.users.studentA.id ? world.placementA.id : world.placementB.id,
      );
  });

  it("matches a student's email, the setting and the university, whatever the case", async () => {
    const { admin } = world.users;
    expect(placementIds(await search(admin, "STUDENTB@TEST"))).toEqual([world.placementB.id]);
    expect(studentIds(await search(admin, "studentb@test.example.org"))).toEqual([world.users.studentB.id]);
    expect(placementIds(await search(admin, "early HELP"))).toEqual([world.placementA.id, world.placementB.id].sort());
    expect(placementIds(await search(admin, "university b"))).toEqual([world.placementB.id]);
    expect(studentIds(await search(admin, "University A"))).toEqual([world.users.studentA.id]);
  });

  it("a student finds only their own placement, even searching for another student by name", async () => {
    const results = await search(world.users.studentA, "studentB");
    expect(results.placements.total).toBe(0);
    expect(results.students.total).toBe(0);
  });
});

describe("children: never for tutors; by code for those who see the record; by name only where identifiable", () => {
  it("tutors get no children group at all, by code or by name", async () => {
    for (const who of ["tutorA", "tutorB"] as const) {
      for (const query of ["C-1001", "C-2002", "Alfie", "Bella"]) {
        const results = await search(world.users[who], query);
        expect(results.children).toBeNull();
        expect(results.placements.total + results.students.total).toBe(0);
      }
    }
  });

  it("the student and PE working with a child find them by code or name, with the name shown", async () => {
    for (const who of ["studentA", "peA", "admin"] as const) {
      const byCode = await search(world.users[who], "c-1001");
      expect(byCode.children!.items).toEqual([
        expect.objectContaining({
          id: kids.childA.id,
          code: "C-1001",
          name: "Alfie Archer",
          label: "Alfie Archer (C-1001)",
        }),
      ]);
      const byName = await search(world.users[who], "alfie arch");
      expect(byName.children!.items.map((child) => child.id)).toEqual([kids.childA.id]);
    }
  });

  it("an on-site supervisor finds their student's child by code only: no name shown, and a name search finds nothing", async () => {
    const { onsiteA } = world.users;
    const byCode = await search(onsiteA, "C-1001");
    expect(byCode.children!.items).toEqual([
      expect.objectContaining({ id: kids.childA.id, code: "C-1001", name: null, label: "C-1001" }),
    ]);
    expect((await search(onsiteA, "Alfie")).children!.total).toBe(0);
    expect((await search(onsiteA, "Archer")).children!.total).toBe(0);
  });

  it("nobody finds a child they do not work with", async () => {
    const cases: Array<[Who, string]> = [
      ["studentA", "C-2002"],
      ["studentA", "Bella"],
      ["peA", "C-2002"],
      ["peB", "Alfie"],
      ["pePast", "C-1001"], // no longer the student's PE
      ["pePast", "Alfie"],
      ["peOther", "C-"],
      ["onsiteOther", "C-1001"],
      ["studentOther", "C-"],
      ["otherAdmin", "C-"],
      ["peA", "Casey"], // referred, allocated to nobody
    ];
    for (const [who, query] of cases) {
      const results = await search(world.users[who], query);
      expect({ who, query, children: results.children?.total }).toEqual({ who, query, children: 0 });
    }
  });

  it("the team manager finds any of the team's children, by code or name", async () => {
    const results = await search(world.users.admin, "C-");
    expect(results.children!.items.map((child) => child.code)).toEqual(["C-1001", "C-2002", "C-3003"]);
    expect((await search(world.users.admin, "casey")).children!.items.map((child) => child.id)).toEqual([
      kids.childUnallocated.id,
    ]);
  });

  it("audits every child name shown as a VIEW, and nothing for code-only results", async () => {
    const { peA, onsiteA } = world.users;
    const before = await viewAudits(peA);
    await search(peA, "Alfie");
    expect(await viewAudits(peA)).toBe(before + 1);
    const row = await db().auditLog.findFirst({
      where: { actorId: peA.id, action: "VIEW", entity: "Child" },
      orderBy: { at: "desc" },
    });
    expect(row).toMatchObject({ entityId: kids.childA.id, changes: { context: "search" } });

    const onsiteBefore = await viewAudits(onsiteA);
    await search(onsiteA, "C-1001");
    expect(await viewAudits(onsiteA)).toBe(onsiteBefore);
  });
});

describe("the query", () => {
  it("looks nothing up, and audits nothing, for fewer than 2 characters", async () => {
    const { admin } = world.users;
    const auditsBefore = await db().auditLog.count();
    for (const query of ["", " ", "a", "  C  ", undefined, 42]) {
      const results = await search(admin, query);
      expect(results.tooShort).toBe(true);
      expect(results.placements.total + results.students.total + (results.children?.total ?? 0)).toBe(0);
    }
    expect(await db().auditLog.count()).toBe(auditsBefore);
  });

  it("treats LIKE wildcards literally", async () => {
    const { admin } = world.users;
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
    const literal = await db().placement.create({
      data: {
        studentId: world.users.studentOther.id,
        teamId: world.team.id,
        setting: "100% youth_work",
        level: "FIRST",
        startDate: fromIsoDate(world.today),
        endDate: fromIsoDate(addDays(world.today, 90)),
        requiredDays: 70,
      },
    });
    for (const query of ["%%", "__", "_%", "\\\\"]) expect((await search(admin, query)).placements.total).toBe(0);
    expect(placementIds(await search(admin, "0% y"))).toEqual([literal.id]);
    expect(placementIds(await search(admin, "h_w"))).toEqual([literal.id]);
    expect((await search(admin, "h%w")).placements.total).toBe(0);
    await db().placement.delete({ where: { id: literal.id } });
  });

  it("refuses a user who is not signed in", async () => {
    await expect(search({} as SessionUser, "test")).rejects.toBeInstanceOf(AppError);
  });

  it(`shows at most ${SEARCH_GROUP_LIMIT} per group and says how many matched in all`, async () => {
    const { admin } = world.users;
    await db().placement.createMany({
      data: Array.from({ length: SEARCH_GROUP_LIMIT + 3 }, (_, index) => ({
        studentId: world.users.studentOther.id,
        teamId: world.team.id,
        setting: `Capped setting ${index}`,
        level: "FIRST" as const,
        startDate: fromIsoDate(addDays(world.today, -index)),
        endDate: fromIsoDate(addDays(world.today, 90)),
        requiredDays: 70,
      })),
    });
    const results = await search(admin, "capped");
    expect(results.placements.total).toBe(SEARCH_GROUP_LIMIT + 3);
    expect(results.placements.items).toHaveLength(SEARCH_GROUP_LIMIT);
  });
});
