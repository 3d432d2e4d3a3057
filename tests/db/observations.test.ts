/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { rejected, reviewRows, statusOf } from "../support/portfolio-reviews";
import { getObservation, listObservations, planObservation, updateObservation } from "@/lib/portfolio/observations";
import { createPlacement } from "@/lib/placements/create-placement";
import { updatePlacement } from "@/lib/placements/update-placement";
import { getPlacement } from "@/lib/placements/get-placement";
import { addDays, fromIsoDate } from "@/lib/dates";

const { db } = useTestDatabase();

let world: World;
let observationId: string;
beforeAll(async () => {
  world = await buildWorld();
});

const plan = (overrides: Record<string, unknown> = {}) => ({
  observedOn: addDays(world.today, -2),
  activity: "Home visit with a family, assessment of needs",
  ...overrides,
});
const feedback = (version: number, overrides: Record<string, unknown> = {}) => ({
  part: "feedback",
  feedback: "Warm, clear, child-centred; explained the purpose of the visit.",
  domains: [
    { frameworkItemId: "fi_pcf_2018_1", note: "Introduced herself and her role." },
    { frameworkItemId: "fi_pcf_2018_7", note: "Gathered the information the assessment needs." },
  ],
  version,
  ...overrides,
});

describe("planning and writing a direct observation", () => {
  it("the current PE plans an observation they make, and the student is told", async () => {
    const notificationsBefore = await db().notification.count({ where: { userId: world.users.studentA.id } });
    const created = await planObservation(world.users.peA, world.placementA.id, plan());
    observationId = created.id;
    const row = await db().directObservation.findUniqueOrThrow({ where: { id: observationId } });
    expect(row).toMatchObject({
      observerId: world.users.peA.id,
      createdById: world.users.peA.id,
      feedbackAt: null,
      version: 1,
    });
    expect(await db().notification.count({ where: { userId: world.users.studentA.id } })).toBe(notificationsBefore + 1);
    expect(
      await db().auditLog.count({ where: { entity: "DirectObservation", entityId: observationId, action: "CREATE" } }),
    ).toBe(1);
  });

  it("the on-site supervisor may plan one too; nobody else may", async () => {
    const onsite = await planObservation(world.users.onsiteA, world.placementA.id, plan({ observedOn: world.today }));
    expect((await db().directObservation.findUniqueOrThrow({ where: { id: onsite.id } })).observerId).toBe(
      world.users.onsiteA.id,
    );
    for (const who of ["pePast", "tutorA", "studentA"] as const) {
      expect((await rejected(() => planObservation(world.users[who], world.placementA.id, plan()))).status).toBe(403);
    }
    for (const who of [
      "admin",
      "otherAdmin",
      "peB",
      "peOther",
      "onsiteOther",
      "studentOther",
      "tutorB",
      "studentB",
    ] as const) {
      expect((await rejected(() => planObservation(world.users[who], world.placementA.id, plan()))).status).toBe(404);
    }
  });

  it("refuses a plan outside the placement's dates or without an activity (422), saving nothing", async () => {
    const outside = await rejected(() =>
      planObservation(world.users.peA, world.placementA.id, plan({ observedOn: addDays(world.today, 400) })),
    );
    expect(outside.status).toBe(422);
    expect(outside.fieldErrors?.observedOn?.[0]).toMatch(/within the placement/);
    const empty = await rejected(() => planObservation(world.users.peA, world.placementA.id, plan({ activity: "" })));
    expect(empty.status).toBe(422);
    expect(empty.fieldErrors?.activity).toBeDefined();
  });

  it("the student writes the preparation; the observer may not", async () => {
    expect(
      (
        await rejected(() =>
          updateObservation(world.users.peA, observationId, { part: "preparation", preparationNote: "x", version: 1 }),
        )
      ).status,
    ).toBe(403);
    const saved = await updateObservation(world.users.studentA, observationId, {
      part: "preparation",
      preparationNote: "I will explain my role first.",
      version: 1,
    });
    expect(saved.version).toBe(2);
  });

  it("only the observer writes the feedback, mapped to PCF domains of the version in force", async () => {
    expect((await rejected(() => updateObservation(world.users.studentA, observationId, feedback(2)))).status).toBe(
      403,
    );
    expect((await rejected(() => updateObservation(world.users.onsiteA, observationId, feedback(2)))).status).toBe(403);
    expect((await rejected(() => updateObservation(world.users.tutorA, observationId, feedback(2)))).status).toBe(403);
    const noDomains = await rejected(() =>
      updateObservation(world.users.peA, observationId, feedback(2, { domains: [] })),
    );
    expect(noDomains.status).toBe(422);
    expect(noDomains.fieldErrors?.domains).toBeDefined();
    const wrongFramework = await rejected(() =>
      updateObservation(
        world.users.peA,
        observationId,
        feedback(2, { domains: [{ frameworkItemId: "not-a-pcf-domain", note: "" }] }),
      ),
    );
    expect(wrongFramework.status).toBe(422);
    expect((await rejected(() => updateObservation(world.users.peA, observationId, feedback(1)))).status).toBe(409);

    const studentNotes = await db().notification.count({
      where: { userId: world.users.studentA.id, kind: "OBSERVATION_FEEDBACK" },
    });
    await updateObservation(world.users.peA, observationId, feedback(2));
    const view = await getObservation(world.users.studentA, observationId);
    expect(view.observation.done).toBe(true);
    expect(view.observation.domains.map((domain) => [domain.frameworkItemId, domain.note])).toEqual([
      ["fi_pcf_2018_1", "Introduced herself and her role."],
      ["fi_pcf_2018_7", "Gathered the information the assessment needs."],
    ]);
    expect(view.framework?.version).toBe("2018");
    expect(
      await db().notification.count({ where: { userId: world.users.studentA.id, kind: "OBSERVATION_FEEDBACK" } }),
    ).toBe(studentNotes + 1);
    // Once the feedback is in, the preparation and the plan are closed.
    expect(
      (
        await rejected(() =>
          updateObservation(world.users.studentA, observationId, {
            part: "preparation",
            preparationNote: "late",
            version: 3,
          }),
        )
      ).status,
    ).toBe(409);
  });

  it("the student reflects; progress counts the observation done", async () => {
    await updateObservation(world.users.studentA, observationId, {
      part: "reflection",
      reflection: "I would slow down next time.",
      version: 3,
    });
    const list = await listObservations(world.users.peA, world.placementA.id);
    expect(list.progress.label).toBe(`1 of ${list.placement.observationsRequired} done`);
    expect(list.progress.planned).toBe(1);
    expect(list.observations.find((observation) => observation.id === observationId)?.reflection).toBe(
      "I would slow down next time.",
    );
  });

  it("feedback and reflection wait until the observation has happened", async () => {
    const future = await planObservation(
      world.users.peA,
      world.placementA.id,
      plan({ observedOn: addDays(world.today, 5) }),
    );
    expect((await rejected(() => updateObservation(world.users.peA, future.id, feedback(1)))).status).toBe(409);
    expect(
      (
        await rejected(() =>
          updateObservation(world.users.studentA, future.id, { part: "reflection", reflection: "early", version: 1 }),
        )
      ).status,
    ).toBe(409);
  });

  it("a malformed part is a 422, never a 500", async () => {
    expect(
      (await rejected(() => updateObservation(world.users.peA, observationId, { part: "everything", version: 3 })))
        .status,
    ).toBe(422);
    expect((await rejected(() => updateObservation(world.users.peA, observationId, null))).status).toBe(422);
  });

  it("someone writing another author's part is refused (403) before their version is looked at", async () => {
    const stale = 1;
    const asStudent = await rejected(() => updateObservation(world.users.studentA, observationId, feedback(stale)));
    expect([asStudent.status, asStudent.message]).toEqual([
      403,
      "Only the observer writes the feedback on an observation.",
    ]);
    const asObserver = await rejected(() =>
      updateObservation(world.users.peA, observationId, { part: "reflection", reflection: "Mine", version: stale }),
    );
    expect([asObserver.status, asObserver.message]).toEqual([
      403,
      "Only the student writes the reflection on an observation.",
    ]);
  });
});

describe("who reads observations", () => {
  it("the student, PEs past and present, the on-site supervisor and the tutor read them; the admin and everyone else get 404", async () => {
    for (const who of ["studentA", "peA", "pePast", "onsiteA", "tutorA"] as const) {
      expect(await statusOf(() => listObservations(world.users[who], world.placementA.id))).toBe(200);
      expect(await statusOf(() => getObservation(world.users[who], observationId))).toBe(200);
    }
    for (const who of [
      "admin",
      "otherAdmin",
      "peB",
      "peOther",
      "onsiteOther",
      "studentOther",
      "studentB",
      "tutorB",
    ] as const) {
      expect(await statusOf(() => listObservations(world.users[who], world.placementA.id))).toBe(404);
      expect(await statusOf(() => getObservation(world.users[who], observationId))).toBe(404);
    }
  });

  it("tells each reader what they may write", async () => {
    expect((await getObservation(world.users.studentA, observationId)).permissions).toEqual({
      canEditPlan: false,
      canWritePreparation: false,
      canWriteFeedback: false,
      canWriteReflection: true,
    });
    expect((await getObservation(world.users.peA, observationId)).permissions).toMatchObject({
      canWriteFeedback: true,
      canWriteReflection: false,
    });
    expect((await getObservation(world.users.pePast, observationId)).permissions).toEqual({
      canEditPlan: false,
      canWritePreparation: false,
      canWriteFeedback: false,
      canWriteReflection: false,
    });
    expect((await listObservations(world.users.tutorA, world.placementA.id)).permissions.canPlan).toBe(false);
  });
});

describe("progress against the number required", () => {
  it("warns when the midpoint has passed with no observation before it", async () => {
    const placement = await db().placement.create({
      data: {
        studentId: world.users.studentOther.id,
        teamId: world.team.id,
        setting: "Fostering",
        level: "FIRST",
        startDate: fromIsoDate(addDays(world.today, -120)),
        endDate: fromIsoDate(addDays(world.today, 10)),
        requiredDays: 40,
        status: "ACTIVE",
      },
    });
    await db().practiceEducatorAssignment.create({
      data: { placementId: placement.id, practiceEducatorId: world.users.peOther.id, startDate: placement.startDate },
    });
    const before = await listObservations(world.users.peOther, placement.id);
    expect(before.progress).toMatchObject({ done: 0, beforeMidpointMet: false, label: "0 of 2 done" });
    await db().placement.delete({ where: { id: placement.id } });
  });

  it("sets the number by level when a placement is created, and the admin may change it", async () => {
    const { id } = await createPlacement(world.users.admin, {
      studentId: world.users.studentOther.id,
      setting: "Child protection",
      level: "FINAL",
      startDate: "2027-01-04",
      endDate: "2027-06-25",
      requiredDays: 100,
      practiceEducatorId: world.users.peOther.id,
      onsiteSupervisorId: "",
      tutorId: "",
    });
    const created = await getPlacement(world.users.admin, id);
    expect(created.observationsRequired).toBe(3);
    const rowsBefore = await reviewRows();
    await updatePlacement(world.users.admin, id, {
      setting: created.setting,
      startDate: created.startDate,
      endDate: created.endDate,
      requiredDays: created.requiredDays,
      status: created.status,
      statusReason: null,
      onsiteSupervisorId: null,
      tutorId: null,
      observationsRequired: 4,
      version: created.version,
    });
    expect((await getPlacement(world.users.admin, id)).observationsRequired).toBe(4);
    expect((await reviewRows()).audit).toBe(rowsBefore.audit + 1);
  });
});
