/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { rejected, statusOf } from "../support/portfolio-reviews";
import { getMilestones, recordMilestone } from "@/lib/portfolio/milestones";
import { addDays, fromIsoDate } from "@/lib/dates";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
  // Five placement days and one sick day on placement A; one supervision session held.
  await db().attendanceDay.createMany({
    data: [1, 2, 3, 4, 5].map((offset) => ({
      placementId: world.placementA.id,
      date: fromIsoDate(addDays(world.start, offset)),
      kind: "PLACEMENT_DAY" as const,
      recordedById: world.users.peA.id,
    })),
  });
  await db().attendanceDay.create({
    data: {
      placementId: world.placementA.id,
      date: fromIsoDate(addDays(world.start, 8)),
      kind: "SICK",
      recordedById: world.users.peA.id,
    },
  });
  await db().supervisionRecord.create({
    data: {
      placementId: world.placementA.id,
      authorId: world.users.peA.id,
      heldOn: fromIsoDate(addDays(world.today, -10)),
      startTime: "10:00",
      durationMinutes: 90,
      type: "FORMAL",
    },
  });
});

const agreement = (overrides: Record<string, unknown> = {}) => ({
  heldOn: addDays(world.today, -20),
  attendees: ["STUDENT", "PRACTICE_EDUCATOR", "ONSITE_SUPERVISOR", "TUTOR"],
  notes: "Agreed at the team base.",
  learningNeeds: "Assessment skills; court work.",
  learningOpportunities: "Co-work two child in need assessments.",
  reasonableAdjustments: "Extra time for written work.",
  supervisionArrangements: "Weekly, Tuesday mornings, 90 minutes.",
  ...overrides,
});

describe("recording the review meetings", () => {
  it("the current PE records the learning agreement; the student and tutor are told", async () => {
    const studentNotes = await db().notification.count({ where: { userId: world.users.studentA.id } });
    const tutorNotes = await db().notification.count({ where: { userId: world.users.tutorA.id } });
    const saved = await recordMilestone(world.users.peA, world.placementA.id, "learning-agreement", agreement());
    expect(saved).toMatchObject({ kind: "LEARNING_AGREEMENT", version: 1, created: true });
    expect(await db().notification.count({ where: { userId: world.users.studentA.id } })).toBe(studentNotes + 1);
    expect(await db().notification.count({ where: { userId: world.users.tutorA.id } })).toBe(tutorNotes + 1);
    expect(
      await db().auditLog.count({ where: { entity: "PlacementMilestone", entityId: saved.id, action: "CREATE" } }),
    ).toBe(1);
    const view = await getMilestones(world.users.studentA, world.placementA.id);
    expect(view.milestones[0]).toMatchObject({
      kind: "LEARNING_AGREEMENT",
      state: "DONE",
      heldOn: addDays(world.today, -20),
      record: { learningNeeds: "Assessment skills; court work." },
    });
  });

  it("a second learning agreement is refused with 409 and nothing is saved", async () => {
    const error = await rejected(() =>
      recordMilestone(
        world.users.peA,
        world.placementA.id,
        "LEARNING_AGREEMENT",
        agreement({ heldOn: addDays(world.today, -1) }),
      ),
    );
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/already recorded/);
  });

  it("edits the recorded meeting with its version; a stale version is a 409", async () => {
    const edited = await recordMilestone(
      world.users.peA,
      world.placementA.id,
      "learning-agreement",
      agreement({ notes: "Agreed at the team base; signed.", version: 1 }),
    );
    expect(edited).toMatchObject({ version: 2, created: false });
    expect(
      (
        await rejected(() =>
          recordMilestone(
            world.users.peA,
            world.placementA.id,
            "learning-agreement",
            agreement({ notes: "Older tab", version: 1 }),
          ),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await rejected(() =>
          recordMilestone(world.users.peA, world.placementA.id, "midpoint", {
            heldOn: world.today,
            attendees: ["STUDENT"],
            recommendation: "ON_TRACK",
            version: 1,
          }),
        )
      ).status,
    ).toBe(409);
  });

  it("the learning agreement needs its contents", async () => {
    const missing = await rejected(() =>
      recordMilestone(world.users.peB, world.placementB.id, "learning-agreement", {
        heldOn: world.today,
        attendees: ["STUDENT"],
      }),
    );
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.fieldErrors ?? {}).sort()).toEqual([
      "learningNeeds",
      "learningOpportunities",
      "supervisionArrangements",
    ]);
  });

  it("the midpoint with concerns needs an action plan; it stores the days completed so far", async () => {
    const midpoint = {
      heldOn: addDays(world.today, -3),
      attendees: ["STUDENT", "PRACTICE_EDUCATOR"],
      notes: "Half way.",
      recommendation: "CONCERNS",
    };
    const error = await rejected(() => recordMilestone(world.users.peA, world.placementA.id, "midpoint", midpoint));
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.actionPlan?.[0]).toBe("Progress raising concerns needs an action plan.");
    expect(
      (
        await rejected(() =>
          recordMilestone(world.users.peA, world.placementA.id, "midpoint", {
            ...midpoint,
            recommendation: "PASS",
            actionPlan: "x",
          }),
        )
      ).status,
    ).toBe(422);
    await recordMilestone(world.users.peA, world.placementA.id, "midpoint", {
      ...midpoint,
      actionPlan: "Two more assessments with the PE co-working.",
    });
    const view = await getMilestones(world.users.tutorA, world.placementA.id);
    expect(view.milestones[1].record).toMatchObject({ recommendation: "CONCERNS", daysCompletedAtMeeting: 5 });
    expect(view.supervisionSessionDates).toEqual([addDays(world.today, -10)]);
    expect(view.absenceDays).toBe(1);
  });

  it("a final review before the required days needs a reason", async () => {
    const final = { heldOn: world.today, attendees: ["STUDENT", "PRACTICE_EDUCATOR"], recommendation: "REFER" };
    const early = await rejected(() => recordMilestone(world.users.peA, world.placementA.id, "final", final));
    expect(early.status).toBe(422);
    expect(early.fieldErrors?.earlyReason?.[0]).toMatch(/Only 5 of 70 required days/);
    const saved = await recordMilestone(world.users.peA, world.placementA.id, "final", {
      ...final,
      earlyReason: "Placement ending early by agreement with the university.",
    });
    expect(saved.created).toBe(true);
  });

  it("refuses a future date, an unknown kind and malformed input without saving", async () => {
    expect(
      (
        await rejected(() =>
          recordMilestone(world.users.peB, world.placementB.id, "midpoint", {
            heldOn: addDays(world.today, 3),
            attendees: ["STUDENT"],
            recommendation: "ON_TRACK",
          }),
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await rejected(() =>
          recordMilestone(world.users.peB, world.placementB.id, "halfway", {
            heldOn: world.today,
            attendees: ["STUDENT"],
          }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await rejected(() =>
          recordMilestone(world.users.peB, world.placementB.id, "midpoint", { heldOn: "soon", attendees: [] }),
        )
      ).status,
    ).toBe(422);
    expect(
      (await rejected(() => recordMilestone(world.users.peB, world.placementB.id, "midpoint", "nonsense"))).status,
    ).toBe(422);
  });
});

describe("who reads and writes milestones", () => {
  it("everyone who sees the placement reads them, the admin included; others get 404", async () => {
    for (const who of ["studentA", "peA", "pePast", "onsiteA", "tutorA", "admin"] as const) {
      expect(await statusOf(() => getMilestones(world.users[who], world.placementA.id))).toBe(200);
    }
    for (const who of ["otherAdmin", "peB", "peOther", "onsiteOther", "studentOther", "studentB", "tutorB"] as const) {
      expect(await statusOf(() => getMilestones(world.users[who], world.placementA.id))).toBe(404);
    }
  });

  it("only the current PE records: readers get 403, outsiders 404", async () => {
    const body = { heldOn: world.today, attendees: ["STUDENT"], recommendation: "ON_TRACK" };
    for (const who of ["studentA", "pePast", "onsiteA", "tutorA", "admin"] as const) {
      expect(
        (await rejected(() => recordMilestone(world.users[who], world.placementA.id, "midpoint", body))).status,
      ).toBe(403);
    }
    for (const who of ["otherAdmin", "peOther", "onsiteOther", "studentOther", "tutorB"] as const) {
      expect(
        (await rejected(() => recordMilestone(world.users[who], world.placementA.id, "midpoint", body))).status,
      ).toBe(404);
    }
    expect((await getMilestones(world.users.peA, world.placementA.id)).permissions.canRecord).toBe(true);
    expect((await getMilestones(world.users.admin, world.placementA.id)).permissions.canRecord).toBe(false);
  });
});
