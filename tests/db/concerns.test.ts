/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { rejected, statusOf } from "../support/portfolio-reviews";
import {
  addConcernAction,
  getConcern,
  listConcerns,
  openConcernsFor,
  raiseConcern,
  recordConcernEvent,
  setConcernActionDone,
} from "@/lib/portfolio/concerns";
import { addDays } from "@/lib/dates";

const { db } = useTestDatabase();

let world: World;
let concernId: string;
beforeAll(async () => {
  world = await buildWorld();
});

const step = (stage: string, version: number, overrides: Record<string, unknown> = {}) => ({
  stage,
  heldOn: world.today,
  notes: `Notes of the ${stage}`,
  version,
  ...overrides,
});

describe("raising a cause for concern", () => {
  it("the tutor raises one; the student, PE, on-site supervisor and the team's admin are told, the tutor is not", async () => {
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          (["studentA", "peA", "onsiteA", "admin", "tutorA", "pePast", "otherAdmin"] as const).map(async (who) => [
            who,
            await db().notification.count({ where: { userId: world.users[who].id, kind: "CONCERN_RAISED" } }),
          ]),
        ),
      );
    const before = await counts();
    const raised = await raiseConcern(world.users.tutorA, world.placementA.id, {
      summary: "Missed three visits without telling anyone.",
    });
    concernId = raised.id;
    const after = await counts();
    expect(after).toEqual({
      ...before,
      studentA: before.studentA + 1,
      peA: before.peA + 1,
      onsiteA: before.onsiteA + 1,
      admin: before.admin + 1,
    });
    expect(
      await db().auditLog.count({ where: { entity: "CauseForConcern", entityId: concernId, action: "CREATE" } }),
    ).toBe(1);
    const concern = (await getConcern(world.users.peA, concernId)).concern;
    expect(concern).toMatchObject({
      stage: "STAGE_1_MEETING",
      status: "OPEN",
      stateLabel: "Raised: stage 1 meeting to be held",
      raisedByName: "Test tutorA",
    });
  });

  it("the PE, on-site supervisor and student may raise one; past PEs, the admin and outsiders may not", async () => {
    for (const who of ["peA", "onsiteA", "studentA"] as const) {
      expect(
        await statusOf(() =>
          raiseConcern(world.users[who], world.placementA.id, { summary: `Raised by ${who} for the access test.` }),
        ),
      ).toBe(200);
    }
    for (const who of ["pePast", "admin"] as const) {
      expect(
        (await rejected(() => raiseConcern(world.users[who], world.placementA.id, { summary: "Not theirs to raise." })))
          .status,
      ).toBe(403);
    }
    for (const who of ["otherAdmin", "peOther", "onsiteOther", "studentOther", "tutorB", "peB"] as const) {
      expect(
        (await rejected(() => raiseConcern(world.users[who], world.placementA.id, { summary: "Not theirs to raise." })))
          .status,
      ).toBe(404);
    }
  });

  it("needs a summary (422), saving nothing", async () => {
    const error = await rejected(() => raiseConcern(world.users.peA, world.placementA.id, { summary: " " }));
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.summary).toBeDefined();
  });
});

describe("running a concern through its stages", () => {
  it("refuses a step out of order with a clear message", async () => {
    const error = await rejected(() => recordConcernEvent(world.users.peA, concernId, step("REVIEW", 1)));
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.stage?.[0]).toMatch(/next step is the stage 1 concerns meeting/);
  });

  it("only the current PE or the tutor records steps", async () => {
    for (const who of ["studentA", "pePast", "onsiteA", "admin"] as const) {
      expect(
        (await rejected(() => recordConcernEvent(world.users[who], concernId, step("STAGE_1_MEETING", 1)))).status,
      ).toBe(403);
      expect(
        (
          await rejected(() =>
            addConcernAction(world.users[who], concernId, { description: "Not theirs", dueOn: world.today }),
          )
        ).status,
      ).toBe(403);
    }
    for (const who of ["tutorB", "peOther", "otherAdmin"] as const) {
      expect(
        (await rejected(() => recordConcernEvent(world.users[who], concernId, step("STAGE_1_MEETING", 1)))).status,
      ).toBe(404);
    }
  });

  it("the PE records the stage 1 meeting; a stale version or a future date changes nothing", async () => {
    expect(
      (await rejected(() => recordConcernEvent(world.users.peA, concernId, step("STAGE_1_MEETING", 7)))).status,
    ).toBe(409);
    expect(
      (
        await rejected(() =>
          recordConcernEvent(
            world.users.peA,
            concernId,
            step("STAGE_1_MEETING", 1, { heldOn: addDays(world.today, 2) }),
          ),
        )
      ).status,
    ).toBe(422);
    const result = await recordConcernEvent(world.users.peA, concernId, step("STAGE_1_MEETING", 1));
    expect(result).toMatchObject({ stage: "ACTION_PLAN", status: "OPEN", version: 2 });
  });

  it("the action plan needs an action with a due date before it is agreed", async () => {
    expect(
      (await rejected(() => recordConcernEvent(world.users.tutorA, concernId, step("ACTION_PLAN", 2)))).status,
    ).toBe(422);
    expect(
      (
        await rejected(() =>
          addConcernAction(world.users.peA, concernId, { description: "Call the duty manager when late", dueOn: "" }),
        )
      ).status,
    ).toBe(422);
    const action = await addConcernAction(world.users.peA, concernId, {
      description: "Call the duty manager when late",
      dueOn: addDays(world.today, 14),
    });
    await setConcernActionDone(world.users.tutorA, action.id, { done: true });
    expect((await getConcern(world.users.studentA, concernId)).concern.actions[0]).toMatchObject({
      description: "Call the duty manager when late",
      done: true,
      dueOn: addDays(world.today, 14),
    });
    expect((await rejected(() => setConcernActionDone(world.users.studentA, action.id, { done: false }))).status).toBe(
      403,
    );
    expect((await rejected(() => setConcernActionDone(world.users.tutorB, action.id, { done: false }))).status).toBe(
      404,
    );
    const agreed = await recordConcernEvent(world.users.tutorA, concernId, step("ACTION_PLAN", 2));
    expect(agreed.stage).toBe("REVIEW");
  });

  it("unresolved at review goes to stage 2, then an outcome closes it", async () => {
    expect(
      (await rejected(() => recordConcernEvent(world.users.peA, concernId, step("REVIEW", 3, { outcome: "FAIL" }))))
        .status,
    ).toBe(422);
    expect((await recordConcernEvent(world.users.peA, concernId, step("REVIEW", 3))).stage).toBe("STAGE_2_MEETING");
    expect((await recordConcernEvent(world.users.peA, concernId, step("STAGE_2_MEETING", 4))).stage).toBe("OUTCOME");
    expect((await rejected(() => recordConcernEvent(world.users.peA, concernId, step("OUTCOME", 5)))).status).toBe(422);
    const closed = await recordConcernEvent(world.users.peA, concernId, step("OUTCOME", 5, { outcome: "EXTEND" }));
    expect(closed).toMatchObject({ status: "RESOLVED", outcome: "EXTEND" });
    const view = await getConcern(world.users.admin, concernId);
    expect(view.concern.events.map((event) => event.stage)).toEqual([
      "STAGE_1_MEETING",
      "ACTION_PLAN",
      "REVIEW",
      "STAGE_2_MEETING",
      "OUTCOME",
    ]);
    expect(view.concern.stateLabel).toBe("Closed: placement extended");
    expect(view.nextSteps).toEqual([]);
    expect(
      (await rejected(() => recordConcernEvent(world.users.peA, concernId, step("OUTCOME", 6, { outcome: "FAIL" }))))
        .status,
    ).toBe(409);
    expect(
      (
        await rejected(() =>
          addConcernAction(world.users.peA, concernId, { description: "Too late", dueOn: world.today }),
        )
      ).status,
    ).toBe(409);
  });

  it("a concern resolved at review closes there", async () => {
    const { id } = await raiseConcern(world.users.peB, world.placementB.id, {
      summary: "Late recording of case notes, twice.",
    });
    await recordConcernEvent(world.users.peB, id, step("STAGE_1_MEETING", 1));
    await addConcernAction(world.users.tutorB, id, { description: "Case notes within 24 hours", dueOn: world.today });
    await recordConcernEvent(world.users.peB, id, step("ACTION_PLAN", 2));
    const resolved = await recordConcernEvent(world.users.peB, id, step("REVIEW", 3, { outcome: "RESOLVED" }));
    expect(resolved).toMatchObject({ status: "RESOLVED", outcome: "RESOLVED" });
  });
});

describe("who reads concerns", () => {
  it("the student, PEs past and present, on-site supervisor, tutor and admin read them; others get 404", async () => {
    for (const who of ["studentA", "peA", "pePast", "onsiteA", "tutorA", "admin"] as const) {
      expect(await statusOf(() => listConcerns(world.users[who], world.placementA.id))).toBe(200);
      expect(await statusOf(() => getConcern(world.users[who], concernId))).toBe(200);
    }
    for (const who of ["otherAdmin", "peB", "peOther", "onsiteOther", "studentOther", "studentB", "tutorB"] as const) {
      expect(await statusOf(() => listConcerns(world.users[who], world.placementA.id))).toBe(404);
      expect(await statusOf(() => getConcern(world.users[who], concernId))).toBe(404);
    }
  });

  it("the home notice lists open concerns on placements the user sees, and none of anyone else's", async () => {
    const forPe = await openConcernsFor(world.users.peA);
    expect(forPe.length).toBeGreaterThan(0);
    expect(
      forPe.every((concern) => concern.placementId === world.placementA.id && concern.studentName === "Test studentA"),
    ).toBe(true);
    expect(forPe.some((concern) => concern.id === concernId)).toBe(false); // closed
    expect(await openConcernsFor(world.users.peOther)).toEqual([]);
    expect(await openConcernsFor(world.users.tutorB)).toEqual([]);
    expect((await openConcernsFor(world.users.admin)).length).toBe(forPe.length);
  });
});

describe("whose names a reader sees on a concern", () => {
  it("names a tutor who is not the placement's own by their role to the team, and by name to their university", async () => {
    const { users, placementA } = world;
    const other = await db().user.create({
      data: {
        name: "Test otherTutorA",
        email: "othertutora@test.example.org",
        role: "UNIVERSITY_TUTOR",
        organisationId: world.uniA.id,
        passwordHash: "unused",
      },
    });
    const otherTutor = {
      id: other.id,
      name: other.name,
      email: other.email,
      role: other.role,
      organisationId: other.organisationId,
    };
    const raised = await raiseConcern(otherTutor, placementA.id, {
      summary: "Raised by another tutor of University A.",
    });

    const nameFor = async (who: keyof World["users"]) => (await getConcern(users[who], raised.id)).concern.raisedByName;
    expect(await nameFor("tutorA")).toBe("Test otherTutorA");
    expect(await nameFor("studentA")).toBe("Test otherTutorA");
    expect(await nameFor("peA")).toBe("A tutor from another university");
    expect(await nameFor("admin")).toBe("A tutor from another university");
    const listed = await listConcerns(users.onsiteA, placementA.id);
    expect(listed.concerns.find((concern) => concern.id === raised.id)?.raisedByName).toBe(
      "A tutor from another university",
    );
    // The team's notification names the role too, never the name they cannot see elsewhere.
    const told = await db().notification.findFirstOrThrow({
      where: { userId: users.peA.id, kind: "CONCERN_RAISED", link: `/concerns/${raised.id}` },
    });
    expect(told.body).toMatch(/^A tutor of the student's university raised/);
    expect(told.body).not.toContain("otherTutorA");
  });

  it("names the placement's own people to everyone who reads the concern", async () => {
    const { users, placementA } = world;
    const raised = await raiseConcern(users.tutorA, placementA.id, { summary: "Raised by the placement's tutor." });
    for (const who of ["peA", "onsiteA", "admin", "studentA"] as const)
      expect((await getConcern(users[who], raised.id)).concern.raisedByName).toBe("Test tutorA");
  });
});
