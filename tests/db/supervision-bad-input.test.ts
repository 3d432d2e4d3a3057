/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { rejected, sessionOf } from "../support/supervision";
import { recordSupervision } from "@/lib/supervision/record-supervision";
import { updateSupervisionNotes } from "@/lib/supervision/update-supervision-notes";
import { saveStudentReflection } from "@/lib/supervision/save-student-reflection";
import { signSupervisionRecord } from "@/lib/supervision/sign-supervision-record";
import { addSupervisionAddendum } from "@/lib/supervision/add-supervision-addendum";
import { setSupervisionActionStatus } from "@/lib/supervision/set-supervision-action-status";
import { updateSupervisionSettings } from "@/lib/supervision/update-supervision-settings";
import { getSupervisionRecord } from "@/lib/supervision/get-supervision-record";
import { getSupervisionLog } from "@/lib/supervision/get-supervision-log";
import { addDays } from "@/lib/dates";

// Hostile and mistaken input to every supervision write: each is a 4xx with a
// message (a 422 naming the field where there is one), and nothing is written
// (tests/support/supervision.ts `rejected` compares every table a write touches).

const { db } = useTestDatabase();

let world: World;
let draftId: string;
let draftVersion: number;
let otherRecordActionId: string;

beforeAll(async () => {
  world = await buildWorld();
  draftId = (await recordSupervision(world.users.peA, world.placementA.id, sessionOf(world))).id;
  draftVersion = (await getSupervisionRecord(world.users.peA, draftId)).record.version;
  // An action on another placement's record: its id must not be usable on placement A.
  const other = await recordSupervision(
    world.users.peB,
    world.placementB.id,
    sessionOf(world, { attendedOnsiteSupervisor: false }),
  );
  otherRecordActionId = (await getSupervisionRecord(world.users.peB, other.id)).record.actions[0].id;
});

const LONG = "x".repeat(20_001);

describe("recording a session refuses bad input with a 422 on the field, and writes nothing", () => {
  const cases: Array<[string, () => Record<string, unknown>, string]> = [
    ["a date tomorrow", () => ({ heldOn: addDays(world.today, 1) }), "heldOn"],
    ["a date before the placement", () => ({ heldOn: addDays(world.start, -1) }), "heldOn"],
    ["an impossible date (30 February)", () => ({ heldOn: "2026-02-30" }), "heldOn"],
    ["a date that is not a date", () => ({ heldOn: "yesterday" }), "heldOn"],
    ["a date as a number", () => ({ heldOn: 20261124 }), "heldOn"],
    ["a length of 0", () => ({ durationMinutes: 0 }), "durationMinutes"],
    ["more than 8 hours", () => ({ durationMinutes: 481 }), "durationMinutes"],
    ["a huge number", () => ({ durationMinutes: 1e300 }), "durationMinutes"],
    ["a fractional length", () => ({ durationMinutes: 90.5 }), "durationMinutes"],
    ["a length as text", () => ({ durationMinutes: "90" }), "durationMinutes"],
    ["a bad start time", () => ({ startTime: "25:00" }), "startTime"],
    ["a start time with a NUL", () => ({ startTime: "14:\u000000" }), "startTime"],
    ["a NUL in the agenda", () => ({ agenda: "Check-in\u0000" }), "agenda"],
    ["a lone surrogate in the case discussion", () => ({ caseDiscussion: "C-1001 \uD800" }), "caseDiscussion"],
    ["an agenda over 20,000 characters", () => ({ agenda: LONG }), "agenda"],
    ["an unknown type", () => ({ type: "CHAT" }), "type"],
    ["attendance as text", () => ({ attendedStudent: "yes" }), "attendedStudent"],
    ["an unknown PCF domain", () => ({ pcfDomains: ["MADE_UP"] }), "pcfDomains.0"],
    ["PCF domains as text", () => ({ pcfDomains: "KNOWLEDGE" }), "pcfDomains"],
    [
      "an action without a due date",
      () => ({ actions: [{ description: "x", owner: "STUDENT", dueDate: "" }] }),
      "actions.0.dueDate",
    ],
    [
      "an action due the day before the session",
      () => ({ actions: [{ description: "x", owner: "STUDENT", dueDate: addDays(world.today, -8) }] }),
      "actions.0.dueDate",
    ],
    [
      "21 actions",
      () => ({
        actions: Array.from({ length: 21 }, () => ({ description: "x", owner: "STUDENT", dueDate: world.today })),
      }),
      "actions",
    ],
    ["a field the form does not have", () => ({ status: "SIGNED" }), "_form"],
    ["the author's id smuggled in", () => ({ authorId: world.users.peB.id }), "_form"],
    [
      "a student who is not placed with the team",
      () => ({ otherStudentIds: [world.users.studentOther.id] }),
      "otherStudentIds",
    ],
    ["a practice educator's id as a student", () => ({ otherStudentIds: [world.users.peB.id] }), "otherStudentIds"],
    [
      "the placement's own student as another student",
      () => ({ otherStudentIds: [world.users.studentA.id] }),
      "otherStudentIds",
    ],
    ["an id that cannot be an id", () => ({ otherStudentIds: ["x\u0000y"] }), "otherStudentIds.0"],
  ];

  it.each(cases)("refuses %s", async (_name, override, field) => {
    const error = await rejected(() =>
      recordSupervision(world.users.peA, world.placementA.id, sessionOf(world, override())),
    );
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.[field]?.[0]).toEqual(expect.stringMatching(/^[A-Z]/));
  });

  it.each([
    ["a string", "not an object"],
    ["an array", []],
    ["null", null],
  ])("refuses a body that is %s", async (_name, body) => {
    const error = await rejected(() => recordSupervision(world.users.peA, world.placementA.id, body));
    expect(error.status).toBe(422);
  });

  it("refuses a placement id that cannot be an id, or a placement the PE does not have, as not found", async () => {
    for (const placementId of ["x\u0000", "../etc", world.placementB.id]) {
      const error = await rejected(() => recordSupervision(world.users.peA, placementId, sessionOf(world)));
      expect(error.status).toBe(404);
    }
  });

  it("refuses a record on a placement that is not active", async () => {
    await db().placement.update({ where: { id: world.placementB.id }, data: { status: "SUSPENDED" } });
    const error = await rejected(() =>
      recordSupervision(world.users.peB, world.placementB.id, sessionOf(world, { attendedOnsiteSupervisor: false })),
    );
    expect(error.status).toBe(409);
    await db().placement.update({ where: { id: world.placementB.id }, data: { status: "ACTIVE" } });
  });
});

describe("editing a draft refuses bad input, and writes nothing", () => {
  const edit = (override: Record<string, unknown>) =>
    updateSupervisionNotes(world.users.peA, draftId, sessionOf(world, { version: draftVersion, ...override }));

  it.each([
    ["a missing version", { version: undefined }, "version"],
    ["a version as text", { version: "1" }, "version"],
    ["a version beyond any integer column", { version: 2 ** 40 }, "version"],
    ["an action id from another placement's record", { actions: "__other__" }, "actions.0.description"],
  ])("refuses %s", async (_name, override, field) => {
    const input: Record<string, unknown> = { ...override };
    if (input.actions === "__other__")
      input.actions = [{ id: otherRecordActionId, description: "Taken over", owner: "STUDENT", dueDate: world.today }];
    const error = await rejected(() => edit(input));
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.[field]).toBeDefined();
    expect(
      (await db().supervisionAction.findUniqueOrThrow({ where: { id: otherRecordActionId } })).description,
    ).not.toBe("Taken over");
  });

  it("refuses a record id that cannot be an id as not found", async () => {
    const error = await rejected(() =>
      updateSupervisionNotes(world.users.peA, "\u0000", sessionOf(world, { version: draftVersion })),
    );
    expect(error.status).toBe(404);
  });
});

describe("the other supervision writes refuse bad input, and write nothing", () => {
  it("the student's reflection: a NUL, text over 20,000 characters, a missing version", async () => {
    const { record } = await getSupervisionRecord(world.users.studentA, draftId);
    for (const [input, field] of [
      [{ studentReflection: "I\u0000", reflectionVersion: record.reflectionVersion }, "studentReflection"],
      [{ studentReflection: LONG, reflectionVersion: record.reflectionVersion }, "studentReflection"],
      [{ studentReflection: "fine" }, "reflectionVersion"],
      [{ studentReflection: "fine", reflectionVersion: record.reflectionVersion, status: "SIGNED" }, "_form"],
    ] as const) {
      const error = await rejected(() => saveStudentReflection(world.users.studentA, draftId, input));
      expect(error.status).toBe(422);
      expect(error.fieldErrors?.[field]).toBeDefined();
    }
  });

  it("a signature: a comment with a control character, or a comment that is not text", async () => {
    for (const input of [{ disagreement: "no\u0007" }, { disagreement: 42 }, { disagreement: "x", signedAt: "now" }]) {
      const error = await rejected(() => signSupervisionRecord(world.users.peA, draftId, input));
      expect(error.status).toBe(422);
    }
  });

  it("an addendum: empty, over 5,000 characters, or with a NUL", async () => {
    await signSupervisionRecord(world.users.peA, draftId);
    for (const text of ["   ", "x".repeat(5_001), "a\u0000b"]) {
      const error = await rejected(() => addSupervisionAddendum(world.users.peA, draftId, { text }));
      expect(error.status).toBe(422);
      expect(error.fieldErrors?.text).toBeDefined();
    }
  });

  it("an action's status: unknown, missing, or on an id that names nothing", async () => {
    const { record } = await getSupervisionRecord(world.users.peA, draftId);
    const actionId = record.actions[0].id;
    for (const input of [{ status: "FINISHED" }, {}, { status: "DONE", completedById: world.users.peB.id }]) {
      expect((await rejected(() => setSupervisionActionStatus(world.users.peA, actionId, input))).status).toBe(422);
    }
    expect((await rejected(() => setSupervisionActionStatus(world.users.peA, "nope", { status: "DONE" }))).status).toBe(
      404,
    );
  });

  it("the arrangements: out of range, huge, fractional or text values, and no version", async () => {
    const { version } = (await getSupervisionLog(world.users.admin, world.placementA.id)).placement;
    const valid = { supervisionEveryWeeks: 1, supervisionMinMinutes: 90, version };
    for (const [override, field] of [
      [{ supervisionEveryWeeks: 0 }, "supervisionEveryWeeks"],
      [{ supervisionEveryWeeks: 5 }, "supervisionEveryWeeks"],
      [{ supervisionEveryWeeks: 2 ** 53 }, "supervisionEveryWeeks"],
      [{ supervisionMinMinutes: 14 }, "supervisionMinMinutes"],
      [{ supervisionMinMinutes: 60.5 }, "supervisionMinMinutes"],
      [{ supervisionMinMinutes: "90" }, "supervisionMinMinutes"],
      [{ version: undefined }, "version"],
    ] as const) {
      const error = await rejected(() =>
        updateSupervisionSettings(world.users.admin, world.placementA.id, { ...valid, ...override }),
      );
      expect(error.status).toBe(422);
      expect(error.fieldErrors?.[field]).toBeDefined();
    }
  });
});
