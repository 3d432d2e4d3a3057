/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import {
  addSupervisionAddendum,
  recordSupervision,
  saveStudentReflection,
  setSupervisionActionStatus,
  signSupervisionRecord,
  updateSupervisionNotes,
} from "@/lib/supervision/write-supervision";
import { getSupervisionLog, getSupervisionRecord } from "@/lib/supervision/supervision-records";
import { supervisionOverviewFor } from "@/lib/supervision/supervision-overview";
import { AppError, toAppError } from "@/lib/errors";
import { addDays } from "@/lib/dates";
import type { SessionUser } from "@/lib/auth/session-user";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

async function counts() {
  const [records, actions, addenda] = await Promise.all([
    db().supervisionRecord.count(),
    db().supervisionAction.count(),
    db().supervisionAddendum.count(),
  ]);
  return { records, actions, addenda };
}

async function rejected(write: () => Promise<unknown>) {
  const before = await counts();
  const error = await write().then(
    () => null,
    (caught) => toAppError(caught),
  );
  if (!error) throw new Error("Expected a user-facing error");
  expect(await counts()).toEqual(before);
  return error;
}

async function statusOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

const session = (overrides: Record<string, unknown> = {}) => ({
  placementId: world.placementA.id,
  heldOn: addDays(world.today, -7),
  startTime: "14:00",
  durationMinutes: 90,
  type: "FORMAL",
  attendedPracticeEducator: true,
  attendedOnsiteSupervisor: true,
  attendedStudent: true,
  otherAttendees: "Dr A Tutor (tutor)\n",
  agenda: "Caseload; reflective log; wellbeing",
  caseDiscussion: "Discussed C-1001's plan.",
  reflectionAndLearning: "Use of self in direct work.",
  wellbeingAndWorkload: "Manageable.",
  pcfDomains: ["PROFESSIONALISM", "CRITICAL_REFLECTION_AND_ANALYSIS"],
  actions: [
    { description: "Write up the home visit", owner: "STUDENT", dueDate: world.today },
    { description: "Book the direct observation", owner: "PRACTICE_EDUCATOR", dueDate: addDays(world.today, 7) },
  ],
  ...overrides,
});

describe("recording, signing and locking a supervision record", () => {
  let recordId: string;

  it("the current PE records a draft with two agreed actions", async () => {
    const created = await recordSupervision(world.users.peA, session());
    recordId = created.id;
    const view = await getSupervisionRecord(world.users.peA, recordId);
    expect(view.record).toMatchObject({ status: "DRAFT", otherAttendees: ["Dr A Tutor (tutor)"], durationMinutes: 90 });
    expect(view.record.actions.map((action) => action.owner)).toEqual(["STUDENT", "PRACTICE_EDUCATOR"]);
    expect(view.permissions).toMatchObject({
      canEditNotes: true,
      canSignAsPracticeEducator: true,
      canAddAddendum: false,
    });
  });

  it("the student writes a reflection on the draft while the PE edits, without colliding", async () => {
    const peView = await getSupervisionRecord(world.users.peA, recordId);
    const studentView = await getSupervisionRecord(world.users.studentA, recordId);
    await saveStudentReflection(world.users.studentA, recordId, {
      studentReflection: "I learned to slow down.",
      reflectionVersion: studentView.record.reflectionVersion,
    });
    const { version } = await updateSupervisionNotes(world.users.peA, recordId, {
      ...session({ agenda: "Edited agenda" }),
      actions: peView.record.actions,
      version: peView.record.version,
    });
    expect(version).toBe(peView.record.version + 1);
    const after = await getSupervisionRecord(world.users.peA, recordId);
    expect(after.record).toMatchObject({ agenda: "Edited agenda", studentReflection: "I learned to slow down." });
  });

  it("a second editor of the same draft gets a conflict naming who changed what, and nothing is overwritten", async () => {
    const opened = await getSupervisionRecord(world.users.peA, recordId);
    await updateSupervisionNotes(world.users.peA, recordId, {
      ...session({ agenda: opened.record.agenda, caseDiscussion: "From the first window" }),
      actions: opened.record.actions,
      version: opened.record.version,
    });
    const error = await rejected(() =>
      updateSupervisionNotes(world.users.peA, recordId, {
        ...session({ caseDiscussion: "From the second window" }),
        actions: opened.record.actions,
        version: opened.record.version,
      }),
    );
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^Test peA changed case discussion after you opened this draft/);
    expect(error.details).toMatchObject({ changedFields: ["caseDiscussion"] });
    expect((await getSupervisionRecord(world.users.peA, recordId)).record.caseDiscussion).toBe("From the first window");
  });

  it("keeps the student from signing first, then signs in order and refuses signing twice", async () => {
    expect((await rejected(() => signSupervisionRecord(world.users.studentA, recordId))).status).toBe(409);
    expect(await signSupervisionRecord(world.users.peA, recordId)).toEqual({ id: recordId, status: "PE_SIGNED" });
    const twice = await rejected(() => signSupervisionRecord(world.users.peA, recordId));
    expect(twice.message).toMatch(/already signed/);
    expect(
      await signSupervisionRecord(world.users.studentA, recordId, {
        disagreement: "The notes miss my point about C-1001.",
      }),
    ).toEqual({ id: recordId, status: "SIGNED" });
    expect((await rejected(() => signSupervisionRecord(world.users.studentA, recordId))).status).toBe(409);
    const signed = await getSupervisionRecord(world.users.tutorA, recordId);
    expect(signed.record).toMatchObject({
      peSignedByName: "Test peA",
      studentSignedByName: "Test studentA",
      studentDisagreement: "The notes miss my point about C-1001.",
    });
  });

  it("locks the signed record: no edits, no reflection changes; corrections are addenda", async () => {
    const view = await getSupervisionRecord(world.users.peA, recordId);
    expect(
      (
        await rejected(() =>
          updateSupervisionNotes(world.users.peA, recordId, { ...session(), version: view.record.version }),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await rejected(() =>
          saveStudentReflection(world.users.studentA, recordId, {
            studentReflection: "changed",
            reflectionVersion: view.record.reflectionVersion,
          }),
        )
      ).status,
    ).toBe(409);
    await addSupervisionAddendum(world.users.peA, recordId, { text: "Correction: the session started at 14:15." });
    const after = await getSupervisionRecord(world.users.studentA, recordId);
    expect(after.record.addenda).toEqual([
      expect.objectContaining({ text: "Correction: the session started at 14:15.", authorName: "Test peA" }),
    ]);
  });

  it("carries open actions forward to the next session and records who completed one and when", async () => {
    const next = await recordSupervision(world.users.peA, session({ heldOn: world.today, actions: [] }));
    const view = await getSupervisionRecord(world.users.peA, next.id);
    expect(view.carriedForward.map((action) => action.description)).toEqual([
      "Write up the home visit",
      "Book the direct observation",
    ]);
    await setSupervisionActionStatus(world.users.studentA, view.carriedForward[0].id, { status: "DONE" });
    const done = await db().supervisionAction.findUniqueOrThrow({ where: { id: view.carriedForward[0].id } });
    expect(done).toMatchObject({ status: "DONE", completedById: world.users.studentA.id });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect((await getSupervisionRecord(world.users.peA, next.id)).carriedForward).toHaveLength(1);
  });
});

describe("who may read and write supervision", () => {
  let draftId: string;
  let signedId: string;

  beforeAll(async () => {
    const log = await getSupervisionLog(world.users.peA, world.placementA.id);
    signedId = log.records.find((record) => record.status === "SIGNED")!.id;
    draftId = log.records.find((record) => record.status === "DRAFT")!.id;
  });

  const readers: Record<keyof World["users"], { draft: number; signed: number }> = {
    admin: { draft: 200, signed: 200 },
    otherAdmin: { draft: 404, signed: 404 },
    peA: { draft: 200, signed: 200 },
    pePast: { draft: 200, signed: 200 },
    peB: { draft: 404, signed: 404 },
    peOther: { draft: 404, signed: 404 },
    onsiteA: { draft: 404, signed: 404 },
    onsiteOther: { draft: 404, signed: 404 },
    studentA: { draft: 200, signed: 200 },
    studentB: { draft: 404, signed: 404 },
    studentOther: { draft: 404, signed: 404 },
    tutorA: { draft: 404, signed: 200 },
    tutorB: { draft: 404, signed: 404 },
  };

  it.each(Object.keys(readers) as Array<keyof World["users"]>)("%s reads exactly what the rules allow", async (who) => {
    const user: SessionUser = world.users[who];
    expect(await statusOf(getSupervisionRecord(user, draftId))).toBe(readers[who].draft);
    expect(await statusOf(getSupervisionRecord(user, signedId))).toBe(readers[who].signed);
    const log = await getSupervisionLog(user, world.placementA.id).catch((error) => error);
    if (readers[who].signed === 404) expect(log).toBeInstanceOf(AppError);
    else
      expect(log.records.map((record: { id: string }) => record.id).includes(draftId)).toBe(readers[who].draft === 200);
  });

  it("tutors are told drafts exist without seeing them", async () => {
    const log = await getSupervisionLog(world.users.tutorA, world.placementA.id);
    expect(log.hiddenRecords).toBe(1);
    expect(log.records.every((record) => record.status === "SIGNED")).toBe(true);
  });

  it.each(["admin", "pePast", "studentA", "tutorA", "onsiteA"] as const)(
    "%s cannot record or edit the PE's notes",
    async (who) => {
      const user = world.users[who];
      expect([403, 404]).toContain((await rejected(() => recordSupervision(user, session()))).status);
      const view = await getSupervisionRecord(world.users.peA, draftId);
      expect([403, 404]).toContain(
        (await rejected(() => updateSupervisionNotes(user, draftId, { ...session(), version: view.record.version })))
          .status,
      );
      expect([403, 404]).toContain(
        (await rejected(() => signSupervisionRecord(user === world.users.studentA ? world.users.peB : user, draftId)))
          .status,
      );
    },
  );

  it("only the student writes the student's reflection", async () => {
    const view = await getSupervisionRecord(world.users.peA, draftId);
    for (const who of ["peA", "admin", "tutorA"] as const) {
      expect([403, 404]).toContain(
        (
          await rejected(() =>
            saveStudentReflection(world.users[who], draftId, {
              studentReflection: "not mine",
              reflectionVersion: view.record.reflectionVersion,
            }),
          )
        ).status,
      );
    }
  });
});

describe("bad input", () => {
  it.each([
    ["a future date", { heldOn: "__tomorrow__" }, "heldOn"],
    ["a date before the placement", { heldOn: "__before__" }, "heldOn"],
    ["a duration of 0", { durationMinutes: 0 }, "durationMinutes"],
    ["more than 8 hours", { durationMinutes: 481 }, "durationMinutes"],
    ["a bad start time", { startTime: "25:00" }, "startTime"],
    ["an unknown PCF domain", { pcfDomains: ["MADE_UP"] }, "pcfDomains.0"],
    [
      "an action without a due date",
      { actions: [{ description: "x", owner: "STUDENT", dueDate: "" }] },
      "actions.0.dueDate",
    ],
  ])("refuses %s with a field error and saves nothing", async (_name, override, field) => {
    const input = session(override);
    if (input.heldOn === "__tomorrow__") input.heldOn = addDays(world.today, 1);
    if (input.heldOn === "__before__") input.heldOn = addDays(world.start, -1);
    const error = await rejected(() => recordSupervision(world.users.peA, input));
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.[field]).toBeDefined();
  });

  it("refuses a record on a placement that is not active", async () => {
    await db().placement.update({ where: { id: world.placementB.id }, data: { status: "SUSPENDED" } });
    const error = await rejected(() =>
      recordSupervision(world.users.peB, session({ placementId: world.placementB.id })),
    );
    expect(error.status).toBe(409);
    await db().placement.update({ where: { id: world.placementB.id }, data: { status: "ACTIVE" } });
  });
});

describe("cadence across placements", () => {
  it("flags placement B as overdue (no supervision in its first month) and A as not, in one call", async () => {
    const overview = await supervisionOverviewFor(world.users.admin, [world.placementA.id, world.placementB.id]);
    expect(overview.get(world.placementA.id)?.overdue).toBe(false);
    expect(overview.get(world.placementB.id)).toMatchObject({ overdue: true, sessions: 0 });
    // A PE only gets the placements they may see.
    expect([
      ...(await supervisionOverviewFor(world.users.peB, [world.placementA.id, world.placementB.id])).keys(),
    ]).toEqual([world.placementB.id]);
  });
});
