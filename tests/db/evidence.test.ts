/** @jest-environment node */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren } from "../support/children-world";
import { bytes, EXE_HEADER, PNG_HEADER, tinyPdf } from "../support/files";
import { getEvidence, listPlacementEvidence } from "@/lib/portfolio/read-evidence";
import { createEvidence, submitEvidence, updateEvidence } from "@/lib/portfolio/write-evidence";
import { addEvidenceAddendum, reviewEvidence } from "@/lib/portfolio/review-evidence";
import { addAttachment, deleteAttachment, getAttachment, MAX_ATTACHMENTS_PER_ITEM } from "@/lib/portfolio/attachments";
import { FilesystemAttachmentStore } from "@/lib/attachments/filesystem-store";
import { setAttachmentStore } from "@/lib/attachments/current-store";
import { readAll } from "@/lib/attachments/store";
import { AppError, toAppError } from "@/lib/errors";
import { addDays } from "@/lib/dates";
import type { SessionUser } from "@/lib/auth/session-user";

const { db } = useTestDatabase();

let world: World;
let storeDir: string;

beforeAll(async () => {
  world = await buildWorld();
  await buildChildren(world); // Alfie Archer (C-1001) is allocated to studentA
  // An old PCF version, no longer in force, to link to by mistake.
  await db().framework.create({
    data: {
      id: "fw_pcf_2012",
      code: "PCF",
      name: "Professional Capabilities Framework",
      version: "2012",
      effectiveFrom: new Date("2012-09-01T00:00:00Z"),
      effectiveTo: new Date("2018-06-01T00:00:00Z"),
      items: { create: [{ id: "fi_pcf_2012_3", number: 3, code: "DIVERSITY_AND_EQUALITY", name: "Diversity" }] },
    },
  });
  storeDir = mkdtempSync(path.join(tmpdir(), "evidence-attachments-"));
  setAttachmentStore(new FilesystemAttachmentStore(storeDir));
});

afterAll(() => {
  setAttachmentStore(null);
  rmSync(storeDir, { recursive: true, force: true });
});

const storedFiles = () =>
  readdirSync(storeDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;

async function counts() {
  const [items, links, comments, attachments, audit, notifications] = await Promise.all([
    db().evidenceItem.count(),
    db().evidenceLink.count(),
    db().evidenceComment.count(),
    db().evidenceAttachment.count(),
    db().auditLog.count(),
    db().notification.count(),
  ]);
  return { items, links, comments, attachments, audit, notifications, files: storedFiles() };
}

/** Runs a write that must fail, shows that it changed nothing, and returns its error. */
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

const evidence = (overrides: Record<string, unknown> = {}) => ({
  title: "Direct work session on self-esteem",
  occurredOn: addDays(world.today, -3),
  type: "REFLECTIVE_LOG",
  body: "I planned the session with C-1001 around strengths.\n\nWhat went well: the card activity.",
  childCode: "C-1001",
  links: [
    { frameworkItemId: "fi_pcf_2018_6", note: "I analysed why the first activity did not land." },
    { frameworkItemId: "fi_pcf_2018_7", note: "I used a strengths-based activity." },
  ],
  ...overrides,
});

const version = async (id: string) => (await db().evidenceItem.findUniqueOrThrow({ where: { id } })).version;
const statusNow = async (id: string) => (await db().evidenceItem.findUniqueOrThrow({ where: { id } })).status;

describe("reading evidence: every role", () => {
  let draftId: string;
  let submittedId: string;

  beforeAll(async () => {
    draftId = (await createEvidence(world.users.studentA, world.placementA.id, evidence({ title: "Draft only" }))).id;
    submittedId = (
      await createEvidence(world.users.studentA, world.placementA.id, evidence({ title: "Submitted one" }))
    ).id;
    await submitEvidence(world.users.studentA, submittedId, { version: 1 });
  });

  const cases: Array<[string, keyof World["users"], { draft: number; submitted: number; list: number }]> = [
    ["the student", "studentA", { draft: 200, submitted: 200, list: 200 }],
    ["the current PE", "peA", { draft: 200, submitted: 200, list: 200 }],
    ["a past PE of the placement", "pePast", { draft: 200, submitted: 200, list: 200 }],
    ["the tutor of the student's university (no drafts)", "tutorA", { draft: 404, submitted: 200, list: 200 }],
    ["a tutor of another university", "tutorB", { draft: 404, submitted: 404, list: 404 }],
    ["the team manager (admin)", "admin", { draft: 404, submitted: 404, list: 404 }],
    ["the on-site supervisor of the placement", "onsiteA", { draft: 404, submitted: 404, list: 404 }],
    ["another PE", "peOther", { draft: 404, submitted: 404, list: 404 }],
    ["another PE's student", "studentB", { draft: 404, submitted: 404, list: 404 }],
    ["a student without a placement", "studentOther", { draft: 404, submitted: 404, list: 404 }],
  ];

  it.each(cases)("%s", async (_label, key, expected) => {
    const user = world.users[key];
    expect(await statusOf(getEvidence(user, draftId))).toBe(expected.draft);
    expect(await statusOf(getEvidence(user, submittedId))).toBe(expected.submitted);
    expect(await statusOf(listPlacementEvidence(user, world.placementA.id))).toBe(expected.list);
  });

  it("the tutor's list leaves drafts out, the PE's includes them", async () => {
    const tutor = await listPlacementEvidence(world.users.tutorA, world.placementA.id);
    expect(tutor.evidence.map((item) => item.id)).toContain(submittedId);
    expect(tutor.evidence.map((item) => item.id)).not.toContain(draftId);
    const pe = await listPlacementEvidence(world.users.peA, world.placementA.id);
    expect(pe.evidence.map((item) => item.id)).toEqual(expect.arrayContaining([draftId, submittedId]));
    expect(pe.permissions.canAdd).toBe(false);
    expect((await listPlacementEvidence(world.users.studentA, world.placementA.id)).permissions.canAdd).toBe(true);
  });

  it("coverage counts links per PCF domain; nothing accepted yet is still a gap", async () => {
    const { coverage } = await listPlacementEvidence(world.users.peA, world.placementA.id);
    expect(coverage?.framework.version).toBe("2018");
    expect(coverage?.rows).toHaveLength(9);
    const row6 = coverage!.rows.find((row) => row.number === 6)!;
    expect(row6.total).toBeGreaterThanOrEqual(2);
    expect(row6).toMatchObject({ accepted: 0, state: "NOT_ACCEPTED", gap: true });
    expect(coverage!.rows.find((row) => row.number === 1)).toMatchObject({ total: 0, state: "NONE", gap: true });
  });
});

describe("writing: only the right person", () => {
  let id: string;
  beforeAll(async () => {
    id = (await createEvidence(world.users.studentA, world.placementA.id, evidence({ title: "Writes test" }))).id;
  });

  it.each([
    ["the current PE", "peA", 403],
    ["a past PE", "pePast", 403],
    ["the tutor (cannot see drafts)", "tutorA", 404],
    ["another student", "studentB", 404],
    ["the admin", "admin", 404],
    ["the on-site supervisor", "onsiteA", 404],
  ] as const)("%s cannot edit or submit the student's draft", async (_label, key, status) => {
    const user = world.users[key];
    expect(
      (await rejected(() => updateEvidence(user, id, { ...evidence({ title: "Changed" }), version: 1 }))).status,
    ).toBe(status);
    expect((await rejected(() => submitEvidence(user, id, { version: 1 }))).status).toBe(status);
  });

  it.each([
    ["the current PE", "peA"],
    ["a past PE", "pePast"],
    ["the tutor", "tutorA"],
    ["the admin", "admin"],
    ["the on-site supervisor", "onsiteA"],
    ["another student", "studentB"],
  ] as const)("%s cannot add evidence to the student's placement", async (_label, key) => {
    const error = await rejected(() => createEvidence(world.users[key], world.placementA.id, evidence()));
    expect([403, 404]).toContain(error.status);
  });

  it.each([
    ["a past PE", "pePast", 403],
    ["the tutor (cannot see drafts)", "tutorA", 404],
    ["the student", "studentA", 403],
    ["another PE", "peOther", 404],
  ] as const)("%s cannot review", async (_label, key, status) => {
    expect(
      (await rejected(() => reviewEvidence(world.users[key], id, { decision: "COMMENT", comment: "Looks fine" })))
        .status,
    ).toBe(status);
  });

  it("every write is audited", async () => {
    const rows = await db().auditLog.findMany({ where: { entity: "EvidenceItem", entityId: id } });
    expect(rows.map((row) => row.action)).toEqual(["CREATE"]);
    expect(rows[0].actorId).toBe(world.users.studentA.id);
  });
});

describe("bad input changes nothing", () => {
  it.each([
    [
      "a link to an item of a framework version not in force on the date",
      { links: [{ frameworkItemId: "fi_pcf_2012_3", note: "Diversity" }] },
      /PCF 2012, which is not the version in force/,
    ],
    [
      "a link to the 2018 PCF on a date before it came into force",
      { occurredOn: "2017-05-01", links: [{ frameworkItemId: "fi_pcf_2018_3", note: "Diversity" }] },
      /PCF 2018, which is not the version in force on 1 May 2017/,
    ],
    ["an unknown capability", { links: [{ frameworkItemId: "fi_nope", note: "?" }] }, /does not exist/],
    [
      "a date in the future",
      { occurredOn: addDays(new Date().toISOString().slice(0, 10), 2) },
      /Check the highlighted fields/,
    ],
    ["no title", { title: "  " }, /Check the highlighted fields/],
    ["no capabilities", { links: [] }, /Check the highlighted fields/],
    [
      "a capability without a note",
      { links: [{ frameworkItemId: "fi_pcf_2018_1", note: "" }] },
      /Check the highlighted fields/,
    ],
    [
      "the same capability twice",
      {
        links: [
          { frameworkItemId: "fi_pcf_2018_1", note: "a" },
          { frameworkItemId: "fi_pcf_2018_1", note: "b" },
        ],
      },
      /Check the highlighted fields/,
    ],
    ["an unknown type", { type: "ESSAY" }, /Check the highlighted fields/],
    [
      "a child code that is not the student's child",
      { childCode: "C-2002" },
      /not the code of a child allocated to you/,
    ],
  ])("%s: 422", async (_label, overrides, message) => {
    const error = await rejected(() => createEvidence(world.users.studentA, world.placementA.id, evidence(overrides)));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(message);
  });

  it("names the field of a bad link and of a future date", async () => {
    const link = await rejected(() =>
      createEvidence(
        world.users.studentA,
        world.placementA.id,
        evidence({ links: [{ frameworkItemId: "fi_pcf_2012_3", note: "x" }] }),
      ),
    );
    expect(link.fieldErrors?.["links.0.frameworkItemId"]).toBeDefined();
    const future = await rejected(() =>
      createEvidence(world.users.studentA, world.placementA.id, evidence({ occurredOn: addDays(world.today, 5) })),
    );
    expect(future.fieldErrors?.occurredOn).toEqual(["The date cannot be in the future"]);
  });

  it("KSS is in force until 31 March 2027 only", async () => {
    const created = await createEvidence(
      world.users.studentA,
      world.placementA.id,
      evidence({ links: [{ frameworkItemId: "fi_kss_2018_1", note: "Relationships" }] }),
    );
    expect(created.id).toBeTruthy();
  });
});

describe("the review workflow, child names and locking", () => {
  let id: string;

  it("a draft with a child's name is saved, with a warning naming the code only", async () => {
    const created = await createEvidence(
      world.users.studentA,
      world.placementA.id,
      evidence({ title: "Workflow", body: "Today alfie told me about his week." }),
    );
    id = created.id;
    expect(created.warning).toBe("This looks like it contains the name of child C-1001; use the code instead.");
    expect(created.warning).not.toMatch(/alfie/i);
    const view = await getEvidence(world.users.studentA, id);
    expect(view.childNameWarning).toMatch(/C-1001/);
    // The PE is not shown the warning; it is the student's to fix.
    expect((await getEvidence(world.users.peA, id)).childNameWarning).toBeNull();
  });

  it("submitting while the name is there is refused and nothing changes", async () => {
    const error = await rejected(() => submitEvidence(world.users.studentA, id, { version: 1 }));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/C-1001/);
    expect(error.message).not.toMatch(/alfie/i);
    expect(await statusNow(id)).toBe("DRAFT");
  });

  it("after replacing the name with the code, submitting notifies the current PE at once", async () => {
    const edited = await updateEvidence(world.users.studentA, id, {
      ...evidence({ title: "Workflow", body: "Today C-1001 told me about his week." }),
      version: 1,
    });
    expect(edited.warning).toBeNull();
    const before = await db().notification.count({ where: { userId: world.users.peA.id } });
    const submitted = await submitEvidence(world.users.studentA, id, { version: edited.version });
    expect(submitted).toMatchObject({ status: "SUBMITTED", notified: 1 });
    const notes = await db().notification.findMany({
      where: { userId: world.users.peA.id, kind: "EVIDENCE_SUBMITTED" },
      orderBy: { createdAt: "desc" },
    });
    expect(await db().notification.count({ where: { userId: world.users.peA.id } })).toBe(before + 1);
    expect(notes[0]).toMatchObject({ link: `/evidence/${id}` });
    expect(await db().notification.count({ where: { userId: world.users.pePast.id } })).toBe(0);
  });

  it("while submitted the student cannot edit it (409), nothing saved", async () => {
    const error = await rejected(() =>
      updateEvidence(world.users.studentA, id, { ...evidence({ title: "Sneaky" }), version: 3 }),
    );
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/with your practice educator/);
  });

  it("asking for changes needs a comment", async () => {
    const error = await rejected(() =>
      reviewEvidence(world.users.peA, id, { decision: "CHANGES_REQUESTED", comment: "" }),
    );
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.comment).toEqual(["Say what the student should change"]);
  });

  it("a review comment with the child's name is refused", async () => {
    const error = await rejected(() =>
      reviewEvidence(world.users.peA, id, { decision: "COMMENT", comment: "Good work with Alfie Archer." }),
    );
    expect(error.status).toBe(422);
    expect(error.message).not.toMatch(/alfie/i);
  });

  it("the PE asks for changes; the student is notified", async () => {
    const result = await reviewEvidence(world.users.peA, id, {
      decision: "CHANGES_REQUESTED",
      comment: "Add what you would do differently.",
      version: 3,
    });
    expect(result.status).toBe("CHANGES_REQUESTED");
    expect(
      await db().notification.count({
        where: { userId: world.users.studentA.id, kind: "EVIDENCE_CHANGES_REQUESTED", link: `/evidence/${id}` },
      }),
    ).toBe(1);
    // The university reads it while changes are requested.
    expect(await statusOf(getEvidence(world.users.tutorA, id))).toBe(200);
  });

  it("accepting is refused until it is submitted again", async () => {
    expect((await rejected(() => reviewEvidence(world.users.peA, id, { decision: "ACCEPTED" }))).status).toBe(409);
  });

  it("a stale version is a 409 naming who changed what; nothing is saved", async () => {
    const v = await version(id);
    await updateEvidence(world.users.studentA, id, { ...evidence({ title: "Workflow, revised" }), version: v });
    const error = await rejected(() =>
      updateEvidence(world.users.studentA, id, { ...evidence({ title: "From the other window" }), version: v }),
    );
    expect(error.status).toBe(409);
    expect(error.message).toMatch(
      /^Test studentA changed the evidence text and title of this evidence after you opened it/,
    );
    expect((await db().evidenceItem.findUniqueOrThrow({ where: { id } })).title).toBe("Workflow, revised");
  });

  it("once the university can read it, a name cannot even be saved", async () => {
    const error = await rejected(() =>
      updateEvidence(world.users.studentA, id, { ...evidence({ body: "Alfie said it helped." }), version: 5 }),
    );
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/C-1001/);
  });

  it("the student resubmits and the PE accepts: the item is locked", async () => {
    await submitEvidence(world.users.studentA, id, { version: await version(id) });
    const accepted = await reviewEvidence(world.users.peA, id, { decision: "ACCEPTED", comment: "" });
    expect(accepted.status).toBe("ACCEPTED");
    expect(
      await db().notification.count({ where: { userId: world.users.studentA.id, kind: "EVIDENCE_ACCEPTED" } }),
    ).toBe(1);
    const v = await version(id);
    expect(
      (
        await rejected(() =>
          updateEvidence(world.users.studentA, id, { ...evidence({ title: "Edit after acceptance" }), version: v }),
        )
      ).status,
    ).toBe(409);
    expect((await rejected(() => submitEvidence(world.users.studentA, id, { version: v }))).status).toBe(409);
    expect((await rejected(() => reviewEvidence(world.users.peA, id, { decision: "ACCEPTED" }))).status).toBe(409);
    expect(
      (await rejected(() => addAttachment(world.users.studentA, id, { name: "late.pdf", bytes: tinyPdf() }))).status,
    ).toBe(409);
  });

  it("coverage now shows the domains as evidenced", async () => {
    const { coverage } = await listPlacementEvidence(world.users.tutorA, world.placementA.id);
    expect(coverage!.rows.find((row) => row.number === 6)).toMatchObject({ state: "EVIDENCED", gap: false });
    expect(coverage!.rows.find((row) => row.number === 6)!.accepted).toBe(1);
  });

  it("addenda only, by the student or the current PE", async () => {
    await addEvidenceAddendum(world.users.studentA, id, { body: "Correction: the session was 45 minutes." });
    await addEvidenceAddendum(world.users.peA, id, { body: "Agreed." });
    expect((await rejected(() => addEvidenceAddendum(world.users.pePast, id, { body: "x" }))).status).toBe(403);
    expect((await rejected(() => addEvidenceAddendum(world.users.tutorA, id, { body: "x" }))).status).toBe(403);
    expect((await rejected(() => addEvidenceAddendum(world.users.studentA, id, { body: "" }))).status).toBe(422);
    expect(
      (await rejected(() => addEvidenceAddendum(world.users.studentA, id, { body: "Alfie liked it." }))).status,
    ).toBe(422);
    const view = await getEvidence(world.users.tutorA, id);
    expect(view.evidence.comments.map((comment) => comment.kind)).toEqual([
      "SUBMITTED",
      "CHANGES_REQUESTED",
      "SUBMITTED",
      "ACCEPTED",
      "ADDENDUM",
      "ADDENDUM",
    ]);
    expect(view.permissions).toMatchObject({ canEdit: false, canDecide: false, canAddAddendum: false });
  });

  it("addenda are refused before acceptance", async () => {
    const draft = await createEvidence(world.users.studentA, world.placementA.id, evidence());
    expect(
      (await rejected(() => addEvidenceAddendum(world.users.studentA, draft.id, { body: "Too early" }))).status,
    ).toBe(409);
  });

  it("the audit trail holds every step", async () => {
    const rows = await db().auditLog.findMany({
      where: { entity: "EvidenceItem", entityId: id },
      orderBy: { at: "asc" },
    });
    expect(rows.map((row) => row.action)).toEqual([
      "CREATE",
      "UPDATE",
      "UPDATE",
      "UPDATE",
      "UPDATE",
      "UPDATE",
      "UPDATE",
    ]);
    expect(
      await db().auditLog.count({ where: { entity: "EvidenceComment", action: "CREATE" } }),
    ).toBeGreaterThanOrEqual(6);
  });

  it("a finished placement's portfolio is read-only", async () => {
    await db().placement.update({ where: { id: world.placementB.id }, data: { status: "COMPLETED" } });
    const error = await rejected(() =>
      createEvidence(world.users.studentB, world.placementB.id, evidence({ childCode: null })),
    );
    expect(error.status).toBe(409);
    await db().placement.update({ where: { id: world.placementB.id }, data: { status: "ACTIVE" } });
  });
});

describe("attachments", () => {
  let id: string;
  let attachmentId: string;
  beforeAll(async () => {
    id = (await createEvidence(world.users.studentA, world.placementA.id, evidence({ title: "With files" }))).id;
  });
  afterEach(() => {
    delete process.env.ATTACHMENT_MAX_BYTES;
  });

  it("stores an allowed file under a random key with its sha256", async () => {
    const pdf = tinyPdf("attachment test");
    const before = storedFiles();
    const added = await addAttachment(world.users.studentA, id, { name: "Session plan.pdf", bytes: pdf });
    attachmentId = added.id;
    expect(added).toMatchObject({
      contentType: "application/pdf",
      sizeBytes: pdf.length,
      sha256: createHash("sha256").update(pdf).digest("hex"),
    });
    expect(storedFiles()).toBe(before + 1);
    const row = await db().evidenceAttachment.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.storageKey).toMatch(/^[a-f0-9]{40}$/);
    expect(row.storageKey).not.toMatch(/Session/);
    expect(
      await db().auditLog.count({ where: { entity: "EvidenceAttachment", entityId: added.id, action: "CREATE" } }),
    ).toBe(1);
  });

  it.each([
    ["an executable renamed .pdf", "evidence.pdf", bytes(EXE_HEADER, "This program cannot be run in DOS mode"), 422],
    ["a PNG named .pdf", "scan.pdf", bytes(PNG_HEADER, [0, 0, 0, 13]), 422],
    ["plain text", "notes.txt", bytes("hello"), 422],
    ["an empty file", "empty.pdf", Buffer.alloc(0), 422],
  ])("refuses %s and stores nothing", async (_label, name, content, status) => {
    const error = await rejected(() => addAttachment(world.users.studentA, id, { name, bytes: content }));
    expect(error.status).toBe(status);
    expect(error.fieldErrors?.file).toBeDefined();
  });

  it("refuses a file over the size limit (413) and stores nothing", async () => {
    process.env.ATTACHMENT_MAX_BYTES = "1000";
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(2000, 32)]);
    const error = await rejected(() => addAttachment(world.users.studentA, id, { name: "big.pdf", bytes: big }));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/larger than 1000 bytes/);
  });

  it("only the student attaches", async () => {
    expect((await rejected(() => addAttachment(world.users.peA, id, { name: "a.pdf", bytes: tinyPdf() }))).status).toBe(
      403,
    );
    expect(
      (await rejected(() => addAttachment(world.users.tutorA, id, { name: "a.pdf", bytes: tinyPdf() }))).status,
    ).toBe(404);
    expect(
      (await rejected(() => addAttachment(world.users.studentB, id, { name: "a.pdf", bytes: tinyPdf() }))).status,
    ).toBe(404);
  });

  it("downloads only for those who can see the item", async () => {
    for (const user of [world.users.studentA, world.users.peA, world.users.pePast]) {
      const file = await getAttachment(user, id, attachmentId);
      expect(file.contentType).toBe("application/pdf");
      expect(file.downloadName).toBe("Session plan.pdf");
      expect((await readAll(file.stream)).subarray(0, 5).toString()).toBe("%PDF-");
    }
    // A draft's files are as hidden as the draft.
    for (const user of [
      world.users.tutorA,
      world.users.tutorB,
      world.users.admin,
      world.users.onsiteA,
      world.users.studentB,
      world.users.peOther,
    ] as SessionUser[]) {
      expect(await statusOf(getAttachment(user, id, attachmentId))).toBe(404);
    }
    // The attachment id under another item is not found either.
    const other = (await createEvidence(world.users.studentA, world.placementA.id, evidence({ title: "Other" }))).id;
    expect(await statusOf(getAttachment(world.users.studentA, other, attachmentId))).toBe(404);
  });

  it("once submitted, the tutor downloads it too", async () => {
    await submitEvidence(world.users.studentA, id, { version: await version(id) });
    const file = await getAttachment(world.users.tutorA, id, attachmentId);
    file.stream.destroy();
    expect(file.contentType).toBe("application/pdf");
    expect(await statusOf(getAttachment(world.users.tutorB, id, attachmentId))).toBe(404);
    // And it cannot be removed while it is with the PE.
    expect((await rejected(() => deleteAttachment(world.users.studentA, id, attachmentId))).status).toBe(409);
  });

  it("removes a file from a draft, row and bytes", async () => {
    const draft = (await createEvidence(world.users.studentA, world.placementA.id, evidence({ title: "Remove" }))).id;
    const added = await addAttachment(world.users.studentA, draft, {
      name: "photo.png",
      bytes: bytes(PNG_HEADER, [0, 0, 0, 13]),
    });
    const before = storedFiles();
    expect((await rejected(() => deleteAttachment(world.users.peA, draft, added.id))).status).toBe(403);
    await deleteAttachment(world.users.studentA, draft, added.id);
    expect(storedFiles()).toBe(before - 1);
    expect(await db().evidenceAttachment.count({ where: { id: added.id } })).toBe(0);
  });

  it("when the row cannot be saved, the file is removed again", async () => {
    const draft = (await createEvidence(world.users.studentA, world.placementA.id, evidence({ title: "Full" }))).id;
    for (let index = 0; index < MAX_ATTACHMENTS_PER_ITEM; index++) {
      await addAttachment(world.users.studentA, draft, { name: `page-${index}.pdf`, bytes: tinyPdf(String(index)) });
    }
    // The limit is checked inside the transaction, after the file was stored.
    const error = await rejected(() =>
      addAttachment(world.users.studentA, draft, { name: "one-too-many.pdf", bytes: tinyPdf() }),
    );
    expect(error.status).toBe(422);
  });
});
