/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { importPeople, previewImport } from "@/lib/users/import-people";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const HEADER = "name,email,role,university,programme,cohort,year,level,peps stage";
const bytes = (text: string) => new TextEncoder().encode(text);

const FILE = bytes(
  [
    HEADER,
    "Nia Student,nia@students.a.example.ac.uk,student,University A,BA Social Work,2025,1,first,",
    "Oscar Student,oscar@students.a.example.ac.uk,student,University A,BA Social Work,,2,final,",
    "Tara Tutor,tara@a.example.ac.uk,tutor,University A,,,,,",
    "Pat Educator,pat@team.example.org,practice educator,,,,,,1",
    // Problems: an unknown cohort, an unknown university, an existing account.
    "Una Student,una@students.a.example.ac.uk,student,University A,BA Social Work,2031,1,first,",
    "Vic Tutor,vic@x.example.ac.uk,tutor,University of Nowhere,,,,,",
    "Existing PE,pea@test.example.org,practice educator,,,,,,2",
  ].join("\n"),
);

describe("importing people from a CSV", () => {
  it("previews every row with its problems in words, writing nothing", async () => {
    const before = await db().user.count();
    const preview = await previewImport(world.users.admin, FILE);
    expect(preview.ready).toBe(4);
    const problems = Object.fromEntries(preview.rows.map((row) => [row.line, row.problems]));
    expect(problems[6]).toEqual([{ field: "cohort", message: "BA Social Work has no cohort called “2031”" }]);
    expect(problems[7]).toEqual([
      { field: "university", message: "There is no university called “University of Nowhere”" },
    ]);
    expect(problems[8]).toEqual([{ field: "email", message: "Already has an account: left as it is" }]);
    expect(preview.rows.find((row) => row.line === 8)?.existing).toBe(true);
    expect(await db().user.count()).toBe(before);
  });

  it("imports the valid rows in one go, each invited, the existing account untouched; the same file again creates nobody", async () => {
    const peBefore = await db().user.findUniqueOrThrow({ where: { email: "pea@test.example.org" } });
    const result = await importPeople(world.users.admin, FILE);
    expect(result.imported).toBe(4);
    expect(result.leftOut.map((row) => row.line)).toEqual([6, 7, 8]);
    const nia = await db().user.findUniqueOrThrow({
      where: { email: "nia@students.a.example.ac.uk" },
      include: { studentProfile: true, accountLinks: true },
    });
    expect(nia).toMatchObject({ role: "STUDENT", organisationId: world.uniA.id });
    expect(nia.studentProfile).toMatchObject({
      programmeId: world.programmeA.id,
      cohortId: world.programmeA.cohorts[0].id,
      yearOfStudy: 1,
      placementLevel: "FIRST",
    });
    expect(nia.accountLinks).toEqual([expect.objectContaining({ purpose: "INVITATION", usedAt: null })]);
    expect(await db().user.findUniqueOrThrow({ where: { email: "pat@team.example.org" } })).toMatchObject({
      role: "PRACTICE_EDUCATOR",
      organisationId: world.team.id,
      pepsStage: "STAGE_1",
    });
    expect(await db().user.findUniqueOrThrow({ where: { email: "pea@test.example.org" } })).toEqual(peBefore);
    expect(
      await db().auditLog.count({ where: { entity: "User", action: "CREATE", actorId: world.users.admin.id } }),
    ).toBeGreaterThanOrEqual(4);

    const count = await db().user.count();
    const again = await importPeople(world.users.admin, FILE);
    expect(again.imported).toBe(0);
    expect(await db().user.count()).toBe(count);
  });

  it("lets a tutor import only their own university's students and tutors", async () => {
    const file = bytes(
      [
        HEADER,
        "Wren Student,wren@students.a.example.ac.uk,student,University A,BA Social Work,,3,final,",
        "Yusuf Student,yusuf@students.b.example.ac.uk,student,University B,MA Social Work,,1,first,",
        "Zed Educator,zed@team.example.org,practice educator,,,,,,2",
      ].join("\n"),
    );
    const preview = await previewImport(world.users.tutorA, file);
    expect(preview.ready).toBe(1);
    expect(preview.rows[1].problems).toEqual([{ field: "university", message: "Not your university" }]);
    expect(preview.rows[2].problems).toEqual([{ field: "role", message: "You cannot import a practice educator" }]);
    expect((await importPeople(world.users.tutorA, file)).imported).toBe(1);
    expect(
      await db().user.count({ where: { email: { in: ["yusuf@students.b.example.ac.uk", "zed@team.example.org"] } } }),
    ).toBe(0);
  });

  it("refuses everyone else, and a file that cannot be read, with a clear status", async () => {
    await expect(previewImport(world.users.peA, FILE)).rejects.toMatchObject({ status: 403 });
    await expect(importPeople(world.users.studentA, FILE)).rejects.toMatchObject({ status: 403 });
    await expect(previewImport(world.users.admin, bytes("who,what\n1,2\n"))).rejects.toMatchObject({ status: 422 });
    await expect(previewImport(world.users.admin, Uint8Array.from([0xff, 0xfe, 0x00]))).rejects.toMatchObject({
      status: 422,
    });
    await expect(previewImport(world.users.admin, new Uint8Array(600 * 1024).fill(0x61))).rejects.toMatchObject({
      status: 413,
    });
    const many = bytes(
      `${HEADER}\n${Array.from({ length: 10_000 }, (_, i) => `P ${i},p${i}@x.org,tutor,University A,,,,,`).join("\n")}`,
    );
    const before = await db().user.count();
    await expect(importPeople(world.users.admin, many)).rejects.toMatchObject({ status: expect.any(Number) });
    expect(await db().user.count()).toBe(before);
  });
});
