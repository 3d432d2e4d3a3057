/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, countRows, type World } from "../support/world";
import { createUser, getUserForEdit, updateUser } from "@/lib/users/users";
import { createCohort, createProgramme, createUniversity, listUniversities } from "@/lib/universities/universities";
import { authenticate } from "@/lib/auth/authenticate";
import { listAuditEntries } from "@/lib/audit-log";
import { toAppError } from "@/lib/errors";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

async function rejected(write: () => Promise<unknown>) {
  const before = await countRows();
  const error = await write().then(
    () => null,
    (caught) => toAppError(caught),
  );
  if (!error) throw new Error("Expected a user-facing error");
  expect(await countRows()).toEqual(before);
  return error;
}

const newStudent = () => ({
  name: "New Student",
  email: "new.student@test.example.org",
  role: "STUDENT",
  password: "a long enough password",
  universityId: world.uniA.id,
  programmeId: world.programmeA.id,
  cohortId: world.programmeA.cohorts[0].id,
  yearOfStudy: 2,
  placementLevel: "FIRST",
});

describe("accounts", () => {
  it("the admin creates a student with a profile; the password works and is never stored in clear", async () => {
    const { id } = await createUser(world.users.admin, newStudent());
    const stored = await db().user.findUnique({
      where: { id },
      omit: { passwordHash: false },
      include: { studentProfile: true },
    });
    expect(stored).toMatchObject({
      organisationId: world.uniA.id,
      role: "STUDENT",
      studentProfile: { programmeId: world.programmeA.id, placementLevel: "FIRST" },
    });
    expect(stored?.passwordHash).not.toContain("a long enough password");
    expect(await authenticate("new.student@test.example.org", "a long enough password")).toMatchObject({ id });
    const audit = await listAuditEntries(world.users.admin, { entity: "User", entityId: id });
    expect(JSON.stringify(audit)).not.toContain("passwordHash");
  });

  it("refuses a duplicate email (any case) with a 409 on the email field", async () => {
    const error = await rejected(() =>
      createUser(world.users.admin, { ...newStudent(), email: "PEA@test.example.org" }),
    );
    expect(error.status).toBe(409);
    expect(error.fieldErrors?.email).toBeDefined();
  });

  it.each([
    ["a short password", { password: "short" }, "password"],
    ["a bad email", { email: "not-an-email" }, "email"],
    ["a student without a programme", { programmeId: "" }, "programmeId"],
    ["a programme of another university", { programmeId: "__B__" }, "programmeId"],
    ["a PE without a PEPS stage", { role: "PRACTICE_EDUCATOR", pepsStage: null }, "pepsStage"],
    ["an unknown role", { role: "SUPERUSER" }, "role"],
    ["an oversized name", { name: "n".repeat(121) }, "name"],
  ])("refuses %s", async (_name, override, field) => {
    const input: Record<string, unknown> = {
      ...newStudent(),
      email: `x${Math.random()}@test.example.org`,
      ...override,
    };
    if (input.programmeId === "__B__") input.programmeId = world.programmeB.id;
    const error = await rejected(() => createUser(world.users.admin, input));
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.[field]).toBeDefined();
  });

  it("only the admin manages accounts", async () => {
    for (const who of ["peA", "tutorA", "studentA", "onsiteA"] as const) {
      expect((await rejected(() => createUser(world.users[who], newStudent()))).status).toBe(403);
    }
  });

  it("updates with a version check, and can deactivate an account so it can no longer sign in", async () => {
    const before = await getUserForEdit(world.users.admin, world.users.onsiteA.id);
    const edit = { name: before.name, email: before.email, role: before.role, active: false, version: before.version };
    await updateUser(world.users.admin, before.id, edit);
    expect(await authenticate(before.email, "correct horse battery staple")).toBeNull();
    const stale = await rejected(() => updateUser(world.users.admin, before.id, { ...edit, name: "Late edit" }));
    expect(stale.status).toBe(409);
  });

  it("stops the admin from removing their own admin role", async () => {
    const me = await getUserForEdit(world.users.admin, world.users.admin.id);
    const error = await rejected(() =>
      updateUser(world.users.admin, me.id, {
        name: me.name,
        email: me.email,
        role: "PRACTICE_EDUCATOR",
        pepsStage: "STAGE_2",
        active: true,
        version: me.version,
      }),
    );
    expect(error.status).toBe(422);
  });
});

describe("universities, programmes and cohorts", () => {
  it("the admin adds them, duplicates are refused, and tutors see only their own university", async () => {
    const { id: universityId } = await createUniversity(world.users.admin, { name: "University C" });
    const { id: programmeId } = await createProgramme(world.users.admin, { universityId, name: "BA Social Work" });
    await createCohort(world.users.admin, { programmeId, name: "2026 intake" });
    expect(
      (await rejected(() => createProgramme(world.users.admin, { universityId, name: "BA Social Work" }))).status,
    ).toBe(409);
    expect((await rejected(() => createUniversity(world.users.admin, { name: "University C" }))).status).toBe(409);
    expect((await rejected(() => createUniversity(world.users.tutorA, { name: "University D" }))).status).toBe(403);

    const all = await listUniversities(world.users.admin);
    expect(
      all.find((university) => university.id === universityId)?.programmes[0].cohorts.map((cohort) => cohort.name),
    ).toEqual(["2026 intake"]);
    expect((await listUniversities(world.users.tutorA)).map((university) => university.id)).toEqual([world.uniA.id]);
  });
});
