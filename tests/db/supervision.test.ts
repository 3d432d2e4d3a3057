/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { rejected, sessionOf, statusOf } from "../support/supervision";
import { recordSupervision } from "@/lib/supervision/record-supervision";
import { updateSupervisionNotes } from "@/lib/supervision/update-supervision-notes";
import { saveStudentReflection } from "@/lib/supervision/save-student-reflection";
import { signSupervisionRecord } from "@/lib/supervision/sign-supervision-record";
import { addSupervisionAddendum } from "@/lib/supervision/add-supervision-addendum";
import { setSupervisionActionStatus } from "@/lib/supervision/set-supervision-action-status";
import { updateSupervisionSettings } from "@/lib/supervision/update-supervision-settings";
import { getSupervisionLog } from "@/lib/supervision/get-supervision-log";
import { getSupervisionRecord, type SupervisionRecordView } from "@/lib/supervision/get-supervision-record";
import { supervisionOverviewFor } from "@/lib/supervision/supervision-overview";
import { listAuditEntries } from "@/lib/audit-log";
import type { SessionUser } from "@/lib/auth/session-user";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const session = (overrides: Record<string, unknown> = {}) => sessionOf(world, overrides);

/** The notes of a record as the draft editor sends them back. */
const notesOf = ({ record }: SupervisionRecordView, overrides: Record<string, unknown> = {}) =>
  session({
    heldOn: record.heldOn,
    agenda: record.agenda,
    caseDiscussion: record.caseDiscussion,
    actions: record.actions.map(({ id, description, owner, dueDate }) => ({ id, description, owner, dueDate })),
    version: record.version,
    ...overrides,
  });

describe("recording, signing and locking a supervision record", () => {
  let recordId: string;

  it("the current PE records a draft with two agreed actions, audited", async () => {
    const created = await recordSupervision(world.users.peA, world.placementA.id, session());
    recordId = created.id;
    const view = await getSupervisionRecord(world.users.peA, recordId);
    expect(view.record).toMatchObject({ status: "DRAFT", otherAttendees: ["Dr A Tutor (tutor)"], durationMinutes: 90 });
    expect(view.record.actions.map((action) => action.owner)).toEqual(["STUDENT", "PRACTICE_EDUCATOR"]);
    expect(view.permissions).toMatchObject({
      canEditNotes: true,
      canSignAsPracticeEducator: true,
      canAddAddendum: false,
    });
    const audit = await listAuditEntries(world.users.admin, { entity: "SupervisionRecord", entityId: recordId });
    expect(audit.map((entry) => entry.action)).toEqual(["CREATE"]);
  });

  it("the student writes a reflection on the draft while the PE edits, without colliding", async () => {
    const peView = await getSupervisionRecord(world.users.peA, recordId);
    const studentView = await getSupervisionRecord(world.users.studentA, recordId);
    await saveStudentReflection(world.users.studentA, recordId, {
      studentReflection: "I learned to slow down.",
      reflectionVersion: studentView.record.reflectionVersion,
    });
    const { version } = await updateSupervisionNotes(
      world.users.peA,
      recordId,
      notesOf(peView, { agenda: "Edited agenda" }),
    );
    expect(version).toBe(peView.record.version + 1);
    const after = await getSupervisionRecord(world.users.peA, recordId);
    expect(after.record).toMatchObject({ agenda: "Edited agenda", studentReflection: "I learned to slow down." });
  });

  it("a second editor of the same draft gets a conflict naming who changed what, and nothing is overwritten", async () => {
    const opened = await getSupervisionRecord(world.users.peA, recordId);
    await updateSupervisionNotes(
      world.users.peA,
      recordId,
      notesOf(opened, { caseDiscussion: "From the first window" }),
    );
    const error = await rejected(() =>
      updateSupervisionNotes(world.users.peA, recordId, notesOf(opened, { caseDiscussion: "From the second window" })),
    );
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^Test peA changed the case discussion of this draft after you opened it/);
    expect(error.details).toMatchObject({ changedFields: ["caseDiscussion"], changedBy: ["Test peA"] });
    expect((await getSupervisionRecord(world.users.peA, recordId)).record.caseDiscussion).toBe("From the first window");
  });

  it("refuses a stale version with a conflict even when the values sent are the ones already saved", async () => {
    const opened = await getSupervisionRecord(world.users.peA, recordId);
    await updateSupervisionNotes(world.users.peA, recordId, notesOf(opened, { agenda: "Third agenda" }));
    const error = await rejected(() =>
      updateSupervisionNotes(world.users.peA, recordId, notesOf(opened, { agenda: "Third agenda" })),
    );
    expect(error.status).toBe(409);
  });

  it("refuses a stale reflection version, naming the reflection, and keeps the newer text", async () => {
    const opened = await getSupervisionRecord(world.users.studentA, recordId);
    const input = (text: string) => ({
      studentReflection: text,
      reflectionVersion: opened.record.reflectionVersion,
    });
    await saveStudentReflection(world.users.studentA, recordId, input("From my laptop"));
    const error = await rejected(() => saveStudentReflection(world.users.studentA, recordId, input("From my phone")));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^Test studentA changed the text of your reflection after you opened it/);
    expect((await getSupervisionRecord(world.users.studentA, recordId)).record.studentReflection).toBe(
      "From my laptop",
    );
  });

  it("keeps the student from signing first, then signs in order and refuses signing twice", async () => {
    expect((await rejected(() => signSupervisionRecord(world.users.studentA, recordId))).status).toBe(409);
    expect(await signSupervisionRecord(world.users.peA, recordId)).toEqual({ id: recordId, status: "PE_SIGNED" });
    // The student is told at once, with a link to the Sign section; nobody else is.
    const told = await db().notification.findMany({
      where: { kind: "SUPERVISION_SIGNED", link: `/supervision/${recordId}#sign` },
    });
    expect(told.map((row) => row.userId)).toEqual([world.users.studentA.id]);
    expect(told[0].title).toMatch(/^Supervision record of .* is waiting for your signature$/);
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
    expect((await rejected(() => updateSupervisionNotes(world.users.peA, recordId, notesOf(view)))).status).toBe(409);
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
    const next = await recordSupervision(
      world.users.peA,
      world.placementA.id,
      session({ heldOn: world.today, actions: [] }),
    );
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
    expect(await statusOf(getSupervisionLog(user, world.placementA.id))).toBe(readers[who].signed);
    const listed = await getSupervisionLog(user, world.placementA.id).then(
      (log) => log.records.map((record) => record.id),
      (): string[] => [],
    );
    expect(listed.includes(draftId)).toBe(readers[who].draft === 200);
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
      expect([403, 404]).toContain(
        (await rejected(() => recordSupervision(user, world.placementA.id, session()))).status,
      );
      const view = await getSupervisionRecord(world.users.peA, draftId);
      expect([403, 404]).toContain((await rejected(() => updateSupervisionNotes(user, draftId, notesOf(view)))).status);
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

describe("the supervision arrangements of a placement", () => {
  const arrangements = async () => (await getSupervisionLog(world.users.admin, world.placementB.id)).placement;

  it("the admin and the current PE change them; each change takes the placement's version", async () => {
    const opened = await arrangements();
    expect((await getSupervisionLog(world.users.admin, world.placementB.id)).permissions.canChangeArrangements).toBe(
      true,
    );
    const saved = await updateSupervisionSettings(world.users.peB, world.placementB.id, {
      supervisionEveryWeeks: 2,
      supervisionMinMinutes: 60,
      version: opened.version,
    });
    expect(saved).toEqual({ id: world.placementB.id, version: opened.version + 1 });
    expect(await arrangements()).toMatchObject({ supervisionEveryWeeks: 2, supervisionMinMinutes: 60 });
  });

  it("refuses a stale version with a conflict naming the change, and keeps the newer arrangements", async () => {
    const opened = await arrangements();
    await updateSupervisionSettings(world.users.admin, world.placementB.id, {
      supervisionEveryWeeks: 1,
      supervisionMinMinutes: 90,
      version: opened.version,
    });
    const error = await rejected(() =>
      updateSupervisionSettings(world.users.peB, world.placementB.id, {
        supervisionEveryWeeks: 3,
        supervisionMinMinutes: 90,
        version: opened.version,
      }),
    );
    expect(error.status).toBe(409);
    expect(error.message).toMatch(
      /^Test admin changed the supervision frequency and supervision length of this placement/,
    );
    expect(await arrangements()).toMatchObject({ supervisionEveryWeeks: 1, supervisionMinMinutes: 90 });
  });

  it.each(["studentB", "tutorB", "pePast"] as const)("%s may not change them", async (who) => {
    const { version } = await arrangements();
    const input = { supervisionEveryWeeks: 4, supervisionMinMinutes: 30, version };
    expect([403, 404]).toContain(
      (await rejected(() => updateSupervisionSettings(world.users[who], world.placementB.id, input))).status,
    );
  });
});

describe("agreed actions of a draft", () => {
  it("are not found by a tutor, who may not read the draft", async () => {
    const draft = await recordSupervision(
      world.users.peA,
      world.placementA.id,
      session({
        heldOn: world.today,
        actions: [{ description: "Read the policy", owner: "STUDENT", dueDate: world.today }],
      }),
    );
    const [action] = (await getSupervisionRecord(world.users.peA, draft.id)).record.actions;
    const error = await rejected(() => setSupervisionActionStatus(world.users.tutorA, action.id, { status: "DONE" }));
    expect(error.status).toBe(404);
    expect(await statusOf(setSupervisionActionStatus(world.users.studentA, action.id, { status: "DONE" }))).toBe(200);
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
