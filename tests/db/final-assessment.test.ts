/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { getFinalAssessment } from "@/lib/portfolio/get-final-assessment";
import { listAwaitingRatification } from "@/lib/portfolio/ratification-queue";
import {
  saveFinalAssessmentPeParts,
  saveFinalReflection,
  startFinalAssessment,
} from "@/lib/portfolio/write-final-assessment";
import { ratifyFinalAssessment, signFinalAssessment } from "@/lib/portfolio/sign-final-assessment";
import { getPad } from "@/lib/portfolio/pad";
import { padFileName, padPdfFor, renderPadPdf } from "@/lib/portfolio/pad-pdf";
import { toAppError } from "@/lib/errors";
import { addDays, fromIsoDate } from "@/lib/dates";
import type { SessionUser } from "@/lib/auth/session-user";

const { db } = useTestDatabase();

let world: World;
let peStage1Other: SessionUser;
beforeAll(async () => {
  world = await buildWorld();
  const row = await db().user.create({
    data: {
      name: "Test peStage1",
      email: "pestage1@test.example.org",
      role: "PRACTICE_EDUCATOR",
      organisationId: world.team.id,
      passwordHash: "x",
      pepsStage: "STAGE_1",
    },
  });
  peStage1Other = { id: row.id, email: row.email, name: row.name, role: row.role, organisationId: row.organisationId };
});

const PCF_CODES = [
  "PROFESSIONALISM",
  "VALUES_AND_ETHICS",
  "DIVERSITY_AND_EQUALITY",
  "RIGHTS_JUSTICE_ECONOMIC_WELLBEING",
  "KNOWLEDGE",
  "CRITICAL_REFLECTION_AND_ANALYSIS",
  "SKILLS_AND_INTERVENTIONS",
  "CONTEXTS_AND_ORGANISATIONS",
  "PROFESSIONAL_LEADERSHIP",
];
const allDomains = Object.fromEntries(
  PCF_CODES.map((code) => [code, `Evidence in ${code.toLowerCase()} is sufficient.`]),
);

/** Everything a refused write could have touched. */
async function snapshot() {
  const [assessments, domains, audit, notifications, rows] = await Promise.all([
    db().finalAssessment.count(),
    db().finalDomainAssessment.findMany({ orderBy: [{ assessmentId: "asc" }, { frameworkItemId: "asc" }] }),
    db().auditLog.count(),
    db().notification.count(),
    db().finalAssessment.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { assessments, domains, audit, notifications, rows };
}

async function rejected(write: () => Promise<unknown>) {
  const before = await snapshot();
  const error = await write().then(
    () => null,
    (caught) => toAppError(caught),
  );
  if (!error) throw new Error("Expected a user-facing error");
  expect(await snapshot()).toEqual(before);
  return error;
}

const statusOf = async (write: () => Promise<unknown>) => (await rejected(write)).status;

describe("final assessment on a first placement with an on-site supervisor", () => {
  let assessmentId: string;

  it("is readable before it starts by the placement's people, and by nobody else", async () => {
    const { users, placementA } = world;
    for (const user of [users.studentA, users.peA, users.pePast, users.onsiteA, users.tutorA]) {
      const view = await getFinalAssessment(user, placementA.id);
      expect(view.assessment).toBeNull();
      expect(view.framework?.items).toHaveLength(9);
    }
    expect((await getFinalAssessment(users.peA, placementA.id)).permissions.canStart).toBe(true);
    expect((await getFinalAssessment(users.pePast, placementA.id)).permissions.canStart).toBe(false);
    for (const user of [
      users.admin,
      users.otherAdmin,
      users.peB,
      users.peOther,
      users.onsiteOther,
      users.studentB,
      users.studentOther,
      users.tutorB,
    ]) {
      expect(await statusOf(() => getFinalAssessment(user, placementA.id))).toBe(404);
    }
  });

  it("is started only by the current PE, once", async () => {
    const { users, placementA } = world;
    expect(await statusOf(() => startFinalAssessment(users.pePast, placementA.id))).toBe(403);
    expect(await statusOf(() => startFinalAssessment(users.studentA, placementA.id))).toBe(403);
    expect(await statusOf(() => startFinalAssessment(users.tutorA, placementA.id))).toBe(403);
    expect(await statusOf(() => startFinalAssessment(users.onsiteA, placementA.id))).toBe(403);
    expect(await statusOf(() => startFinalAssessment(users.admin, placementA.id))).toBe(404);
    expect(await statusOf(() => startFinalAssessment(users.peOther, placementA.id))).toBe(404);

    const started = await startFinalAssessment(users.peA, placementA.id);
    assessmentId = started.id;
    expect(await db().finalDomainAssessment.count({ where: { assessmentId } })).toBe(9);
    expect(
      await db().auditLog.count({ where: { entity: "FinalAssessment", entityId: assessmentId, action: "CREATE" } }),
    ).toBe(1);

    const second = await rejected(() => startFinalAssessment(users.peA, placementA.id));
    expect(second.status).toBe(409);
    expect(second.message).toMatch(/already has a final assessment/);
  });

  it("hides the draft from the tutor and shows it to the student, PEs and on-site supervisor", async () => {
    const { users, placementA } = world;
    expect((await getFinalAssessment(users.tutorA, placementA.id)).assessment).toBeNull();
    for (const user of [users.studentA, users.peA, users.pePast, users.onsiteA]) {
      expect((await getFinalAssessment(user, placementA.id)).assessment?.status).toBe("DRAFT");
    }
  });

  it("refuses bad PE input and changes nothing", async () => {
    const { users, placementA } = world;
    expect(
      await statusOf(() => saveFinalAssessmentPeParts(users.peA, placementA.id, { version: 99, holisticSummary: "x" })),
    ).toBe(409);
    expect(
      await statusOf(() =>
        saveFinalAssessmentPeParts(users.peA, placementA.id, { version: 1, domains: { NOT_A_DOMAIN: "x" } }),
      ),
    ).toBe(422);
    expect(
      await statusOf(() =>
        saveFinalAssessmentPeParts(users.peA, placementA.id, { version: 1, recommendation: "MAYBE" }),
      ),
    ).toBe(422);
    expect(
      await statusOf(() => saveFinalAssessmentPeParts(users.peA, placementA.id, { holisticSummary: "no version" })),
    ).toBe(422);
    expect(
      await statusOf(() =>
        saveFinalAssessmentPeParts(users.peA, placementA.id, { version: 1, holisticSummary: "x".repeat(20_001) }),
      ),
    ).toBe(422);
    expect(
      await statusOf(() =>
        saveFinalAssessmentPeParts(users.studentA, placementA.id, { version: 1, holisticSummary: "mine" }),
      ),
    ).toBe(403);
    expect(
      await statusOf(() =>
        saveFinalAssessmentPeParts(users.pePast, placementA.id, { version: 1, holisticSummary: "mine" }),
      ),
    ).toBe(403);
    expect(
      await statusOf(() =>
        saveFinalAssessmentPeParts(users.tutorA, placementA.id, { version: 1, holisticSummary: "mine" }),
      ),
    ).toBe(404);
    expect(
      await statusOf(() =>
        saveFinalReflection(users.peA, placementA.id, { reflectionVersion: 1, studentReflection: "not mine" }),
      ),
    ).toBe(403);
    expect(
      await statusOf(() =>
        saveFinalReflection(users.studentA, placementA.id, { reflectionVersion: 5, studentReflection: "stale" }),
      ),
    ).toBe(409);
  });

  it("refuses signatures before the PE's parts are complete, and before the PE signs", async () => {
    const { users, placementA } = world;
    await saveFinalAssessmentPeParts(users.peA, placementA.id, {
      version: 1,
      holisticSummary: "A thoughtful student.",
      domains: { PROFESSIONALISM: "Reliable." },
    });
    const incomplete = await rejected(() => signFinalAssessment(users.peA, assessmentId, { as: "PRACTICE_EDUCATOR" }));
    expect(incomplete.status).toBe(422);
    expect(Object.keys(incomplete.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["recommendation", "domains.KNOWLEDGE"]),
    );
    expect(incomplete.fieldErrors).not.toHaveProperty("domains.PROFESSIONALISM");
    expect(await statusOf(() => signFinalAssessment(users.studentA, assessmentId, { as: "STUDENT" }))).toBe(409);
    expect(await statusOf(() => signFinalAssessment(users.onsiteA, assessmentId, { as: "ONSITE_SUPERVISOR" }))).toBe(
      409,
    );
    expect(await statusOf(() => signFinalAssessment(users.studentA, assessmentId, { as: "PRACTICE_EDUCATOR" }))).toBe(
      403,
    );
    expect(await statusOf(() => signFinalAssessment(users.peA, assessmentId, { as: "SOMEONE" }))).toBe(422);
    expect(await statusOf(() => signFinalAssessment(users.peOther, assessmentId, { as: "PRACTICE_EDUCATOR" }))).toBe(
      404,
    );
  });

  it("lets the PE and the student write at once, then the PE signs", async () => {
    const { users, placementA } = world;
    const view = await getFinalAssessment(users.peA, placementA.id);
    const pe = await saveFinalAssessmentPeParts(users.peA, placementA.id, {
      version: view.assessment!.version,
      recommendation: "PASS",
      domains: allDomains,
      developmentPlan: "Build confidence in court work.",
    });
    const student = await saveFinalReflection(users.studentA, placementA.id, {
      reflectionVersion: view.assessment!.reflectionVersion,
      studentReflection: "I learned to listen.",
    });
    expect(student.reflectionVersion).toBe(2);
    const audit = await db().auditLog.findFirst({
      where: { entityId: assessmentId, action: "UPDATE" },
      orderBy: { at: "desc" },
      skip: 1,
    });
    expect(audit?.changes).toHaveProperty(["domain KNOWLEDGE"]);

    const signed = await signFinalAssessment(users.peA, assessmentId, { as: "PRACTICE_EDUCATOR", version: pe.version });
    expect(signed.status).toBe("PE_SIGNED");
    expect(
      await db().notification.count({ where: { userId: users.studentA.id, kind: "FINAL_ASSESSMENT_SIGNED" } }),
    ).toBe(1);
    expect(
      await statusOf(() =>
        saveFinalAssessmentPeParts(users.peA, placementA.id, { version: signed.version, holisticSummary: "changed" }),
      ),
    ).toBe(409);
    expect(await statusOf(() => signFinalAssessment(users.peA, assessmentId, { as: "PRACTICE_EDUCATOR" }))).toBe(409);
    // The tutor reads it once the PE has signed.
    expect((await getFinalAssessment(users.tutorA, placementA.id)).assessment?.status).toBe("PE_SIGNED");
  });

  it("needs both the student and the on-site supervisor, then is complete", async () => {
    const { users, placementA } = world;
    expect(await statusOf(() => signFinalAssessment(users.tutorA, assessmentId, { as: "STUDENT" }))).toBe(403);
    expect(await statusOf(() => signFinalAssessment(users.onsiteA, assessmentId, { as: "STUDENT" }))).toBe(403);
    const afterStudent = await signFinalAssessment(users.studentA, assessmentId, { as: "STUDENT" });
    expect(afterStudent.status).toBe("PE_SIGNED");
    expect(
      await statusOf(() =>
        saveFinalReflection(users.studentA, placementA.id, { reflectionVersion: 2, studentReflection: "too late" }),
      ),
    ).toBe(409);
    expect(await statusOf(() => signFinalAssessment(users.studentA, assessmentId, { as: "STUDENT" }))).toBe(409);
    const done = await signFinalAssessment(users.onsiteA, assessmentId, { as: "ONSITE_SUPERVISOR" });
    expect(done.status).toBe("COMPLETE");
    expect(await db().notification.count({ where: { userId: users.peA.id, kind: "FINAL_ASSESSMENT_COMPLETE" } })).toBe(
      1,
    );
    const row = await db().finalAssessment.findUniqueOrThrow({ where: { id: assessmentId } });
    expect(row.onsiteSignedById).toBe(users.onsiteA.id);
    expect(row.ratifiedAt).toBeNull();
    expect(await statusOf(() => ratifyFinalAssessment(users.peOther, assessmentId))).toBe(404);
    expect(await statusOf(() => ratifyFinalAssessment(users.pePast, assessmentId))).toBe(409);
  });

  it("puts it in the PAD with submitted evidence only, children by code", async () => {
    const { users, placementA } = world;
    const item = (
      title: string,
      status: "DRAFT" | "SUBMITTED" | "ACCEPTED",
      type: "REFLECTIVE_LOG" | "CHILD_OR_FAMILY_FEEDBACK" | "PROFESSIONAL_FEEDBACK",
    ) =>
      db().evidenceItem.create({
        data: {
          placementId: placementA.id,
          authorId: users.studentA.id,
          title,
          status,
          type,
          occurredOn: fromIsoDate(addDays(world.today, -5)),
          childCode: "C-1042",
          body: `${title} body`,
          links: { create: [{ frameworkItemId: "fi_pcf_2018_5" }] },
        },
      });
    await item("My draft log", "DRAFT", "REFLECTIVE_LOG");
    await item("Feedback from a parent", "ACCEPTED", "CHILD_OR_FAMILY_FEEDBACK");
    await item("Feedback from the school nurse", "SUBMITTED", "PROFESSIONAL_FEEDBACK");
    await db().supervisionRecord.create({
      data: {
        placementId: placementA.id,
        heldOn: fromIsoDate(addDays(world.today, -3)),
        startTime: "10:00",
        durationMinutes: 90,
        authorId: users.peA.id,
        status: "SIGNED",
      },
    });
    await db().supervisionRecord.create({
      data: {
        placementId: placementA.id,
        heldOn: fromIsoDate(addDays(world.today, -1)),
        startTime: "10:00",
        durationMinutes: 60,
        authorId: users.peA.id,
        status: "DRAFT",
      },
    });

    for (const user of [users.studentA, users.peA, users.tutorA]) {
      const pad = await getPad(user, placementA.id);
      expect(pad.evidence.map((row) => row.title).sort()).toEqual([
        "Feedback from a parent",
        "Feedback from the school nurse",
      ]);
      expect(pad.serviceUserFeedback.map((row) => row.childCode)).toEqual(["C-1042"]);
      expect(pad.lessFormalObservations).toHaveLength(1);
      expect(pad.finalReport?.recommendation).toBe("Pass");
      expect(pad.finalReport?.domains).toHaveLength(9);
      expect(pad.supervision.sessions).toHaveLength(1);
      expect(pad.appendix?.levelLabel).toBe("End of first placement");
      expect(pad.frontSheet.onsiteSupervisorName).toBe("Test onsiteA");
    }
    // The on-site supervisor reads the PAD through the final assessment, but no evidence.
    expect((await getPad(users.onsiteA, placementA.id)).evidence).toEqual([]);
    for (const user of [users.admin, users.peOther, users.tutorB, users.studentOther, users.onsiteOther]) {
      expect(await statusOf(() => getPad(user, placementA.id))).toBe(404);
    }
  });

  it("renders the PAD as a paginated PDF", async () => {
    const { users, placementA } = world;
    const { fileName, bytes } = await padPdfFor(users.tutorA, placementA.id);
    expect(fileName).toMatch(/^PAD-Test-studentA-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = bytes.toString("latin1").match(/\/Type \/Page\b(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    // Tagged for screen readers: marked, in British English, titled, with headings, paragraphs and tables.
    const raw = bytes.toString("latin1");
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/StructTreeRoot/);
    for (const role of ["H1", "H2", "P", "Table", "TR", "TH", "TD"]) expect(raw).toContain(`/S /${role}`);
    const pad = await getPad(users.tutorA, placementA.id);
    expect(padFileName({ ...pad, frontSheet: { ...pad.frontSheet, studentName: "Zoë O'Brien-Smith" } })).toBe(
      `PAD-Zoe-O-Brien-Smith-${pad.generatedOn}.pdf`,
    );
    // Text outside the standard fonts' characters still renders.
    const odd = await renderPadPdf({ ...pad, developmentPlan: "Goals 🎯 and 中文 text" });
    expect(odd.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});

describe("final assessment on a final placement assessed by a stage 1 PE", () => {
  let assessmentId: string;

  it("warns that a stage 2 ratifier is needed", async () => {
    const view = await getFinalAssessment(world.users.peB, world.placementB.id);
    expect(view.warning).toMatch(/stage 2/);
    expect((await getFinalAssessment(world.users.peA, world.placementA.id)).warning).toBeNull();
  });

  it("waits for ratification once everyone has signed, and tells the team's stage 2 PEs", async () => {
    const { users, placementB } = world;
    assessmentId = (await startFinalAssessment(users.peB, placementB.id)).id;
    // Nobody outside the placement sees a draft, stage 2 or not.
    expect(await statusOf(() => getFinalAssessment(users.peOther, placementB.id))).toBe(404);
    const saved = await saveFinalAssessmentPeParts(users.peB, placementB.id, {
      version: 1,
      holisticSummary: "Ready to qualify.",
      recommendation: "PASS",
      domains: allDomains,
    });
    await signFinalAssessment(users.peB, assessmentId, { as: "PRACTICE_EDUCATOR", version: saved.version });
    expect(await statusOf(() => signFinalAssessment(users.studentB, assessmentId, { as: "STUDENT" }))).toBe(422);
    expect(await statusOf(() => signFinalAssessment(users.studentB, assessmentId, { as: "ONSITE_SUPERVISOR" }))).toBe(
      403,
    );
    const view = await getFinalAssessment(users.studentB, placementB.id);
    await saveFinalReflection(users.studentB, placementB.id, {
      reflectionVersion: view.assessment!.reflectionVersion,
      studentReflection: "I grew in confidence.",
    });
    const signed = await signFinalAssessment(users.studentB, assessmentId, { as: "STUDENT" });
    expect(signed.status).toBe("AWAITING_RATIFICATION");
    const told = await db().notification.findMany({
      where: { kind: "FINAL_ASSESSMENT_RATIFICATION" },
      select: { userId: true },
    });
    expect(told.map((row) => row.userId).sort()).toEqual([users.peA.id, users.pePast.id, users.peOther.id].sort());
  });

  it("shows the queue to stage 2 PEs only", async () => {
    const { users } = world;
    const queue = await listAwaitingRatification(users.peOther);
    expect(queue.eligible).toBe(true);
    expect(queue.items.map((item) => item.id)).toEqual([assessmentId]);
    expect(await listAwaitingRatification(users.peB)).toMatchObject({ eligible: false, items: [] });
    expect(await listAwaitingRatification(peStage1Other)).toMatchObject({ eligible: false, items: [] });
    expect(await listAwaitingRatification(users.studentB)).toMatchObject({ eligible: false, items: [] });
    const view = await getFinalAssessment(users.peOther, world.placementB.id);
    expect(view.permissions.canRatify).toBe(true);
    expect(view.permissions.canSignAsPracticeEducator).toBe(false);
    expect((await getFinalAssessment(users.peB, world.placementB.id)).permissions.canRatify).toBe(false);
    // The ratifier reads the PAD too.
    expect((await getPad(users.peOther, world.placementB.id)).finalReport?.status).toMatch(/ratify/);
  });

  it("refuses ratification by the assessor, a stage 1 PE, the student, the tutor and the admin, changing nothing", async () => {
    const { users } = world;
    expect(await statusOf(() => ratifyFinalAssessment(users.peB, assessmentId))).toBe(403);
    expect(await statusOf(() => ratifyFinalAssessment(peStage1Other, assessmentId))).toBe(404);
    expect(await statusOf(() => ratifyFinalAssessment(users.studentB, assessmentId))).toBe(403);
    expect(await statusOf(() => ratifyFinalAssessment(users.tutorB, assessmentId))).toBe(403);
    expect(await statusOf(() => ratifyFinalAssessment(users.admin, assessmentId))).toBe(404);
    expect(await statusOf(() => ratifyFinalAssessment(users.peOther, assessmentId, { version: 1 }))).toBe(409);
  });

  it("is completed by a stage 2 PE of the team, who then no longer sees it", async () => {
    const { users, placementB } = world;
    const done = await ratifyFinalAssessment(users.peOther, assessmentId);
    expect(done.status).toBe("COMPLETE");
    const row = await db().finalAssessment.findUniqueOrThrow({ where: { id: assessmentId } });
    expect(row.ratifiedById).toBe(users.peOther.id);
    expect(await db().notification.count({ where: { userId: users.peB.id, kind: "FINAL_ASSESSMENT_COMPLETE" } })).toBe(
      1,
    );
    expect(
      await db().auditLog.count({ where: { entityId: assessmentId, actorId: users.peOther.id, action: "UPDATE" } }),
    ).toBe(1);
    expect(await statusOf(() => ratifyFinalAssessment(users.peOther, assessmentId))).toBe(404);
    const pad = await getPad(users.peB, placementB.id);
    expect(pad.finalReport?.ratification).toMatchObject({ needed: true, name: "Test peOther" });
  });

  it("names the ratifier to the team, and to the university's readers by role only", async () => {
    const { users, placementB } = world;
    expect((await getFinalAssessment(users.peB, placementB.id)).assessment?.ratifiedByName).toBe("Test peOther");
    for (const who of ["tutorB", "studentB"] as const) {
      const view = await getFinalAssessment(users[who], placementB.id);
      expect(view.assessment?.ratifiedByName).toBe("A PEPS stage 2 practice educator of the team");
      expect(view.assessment?.practiceEducatorName).toBe("Test peB");
      const pad = await getPad(users[who], placementB.id);
      expect(pad.finalReport?.ratification).toMatchObject({
        needed: true,
        name: "A PEPS stage 2 practice educator of the team",
      });
      expect(JSON.stringify(pad)).not.toContain("Test peOther");
    }
  });
});
