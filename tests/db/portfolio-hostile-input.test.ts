/** @jest-environment node */
import { Prisma } from "@/lib/generated/prisma/client";
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren } from "../support/children-world";
import { toAppError } from "@/lib/errors";
import { addDays } from "@/lib/dates";
import type { SessionUser } from "@/lib/auth/session-user";
import { createEvidence, submitEvidence, updateEvidence } from "@/lib/portfolio/write-evidence";
import { addEvidenceAddendum, reviewEvidence } from "@/lib/portfolio/review-evidence";
import { planObservation, updateObservation } from "@/lib/portfolio/observations";
import { recordMilestone } from "@/lib/portfolio/milestones";
import { addConcernAction, raiseConcern, recordConcernEvent, setConcernActionDone } from "@/lib/portfolio/concerns";
import {
  saveFinalAssessmentPeParts,
  saveFinalReflection,
  startFinalAssessment,
} from "@/lib/portfolio/write-final-assessment";
import { ratifyFinalAssessment, signFinalAssessment } from "@/lib/portfolio/sign-final-assessment";
import { addFrameworkVersion, updateFrameworkItem, updateLevelDescriptor } from "@/lib/frameworks/frameworks";
import {
  evidenceSchema,
  evidenceAddendumSchema,
  reviewEvidenceSchema,
  submitEvidenceSchema,
  updateEvidenceSchema,
} from "@/lib/validations/evidence";
import { planObservationSchema, updateObservationSchema } from "@/lib/validations/observation";
import { recordMilestoneSchema } from "@/lib/validations/milestone";
import {
  concernActionDoneSchema,
  concernActionSchema,
  concernEventSchema,
  raiseConcernSchema,
} from "@/lib/validations/concern";
import {
  finalAssessmentPeSchema,
  finalReflectionSchema,
  signFinalAssessmentSchema,
} from "@/lib/validations/final-assessment";
import { frameworkItemSchema, levelDescriptorSchema, newFrameworkVersionSchema } from "@/lib/validations/frameworks";
import type { z } from "zod";

// Every portfolio write against what a careless or hostile client can send:
// each is a 4xx with a message, never a 500, and writes nothing.

const { db } = useTestDatabase();

let world: World;
const ids = {} as Record<
  "draft" | "observation" | "concern" | "action" | "assessment" | "item" | "descriptor" | "framework",
  string
>;

beforeAll(async () => {
  world = await buildWorld();
  await buildChildren(world);
  const { users, placementA } = world;
  ids.draft = (
    await createEvidence(users.studentA, placementA.id, {
      title: "Session plan",
      occurredOn: addDays(world.today, -3),
      type: "SESSION_PLAN",
      body: "Planned with C-1001.",
      childCode: "C-1001",
      links: [{ frameworkItemId: "fi_pcf_2018_7", note: "A strengths-based activity." }],
    })
  ).id;
  ids.observation = (
    await planObservation(users.peA, placementA.id, { observedOn: addDays(world.today, -1), activity: "Home visit" })
  ).id;
  ids.concern = (await raiseConcern(users.tutorA, placementA.id, { summary: "Missed three days without word." })).id;
  ids.action = (
    await addConcernAction(users.peA, ids.concern, { description: "Call in when absent", dueOn: world.today })
  ).id;
  ids.assessment = (await startFinalAssessment(users.peA, placementA.id)).id;
  ids.item = "fi_pcf_2018_1";
  ids.descriptor = "fi_pcf_2018_1_end_of_first_placement";
  const kss = await db().framework.findFirstOrThrow({ where: { code: "KSS" }, orderBy: { effectiveFrom: "desc" } });
  ids.framework = kss.id;
});

/** Every row a portfolio write may touch, and the audit log and notifications. */
async function portfolioRows() {
  const tables = [
    "EvidenceItem",
    "EvidenceLink",
    "EvidenceComment",
    "EvidenceAttachment",
    "DirectObservation",
    "ObservationDomain",
    "PlacementMilestone",
    "CauseForConcern",
    "ConcernEvent",
    "ConcernAction",
    "FinalAssessment",
    "FinalDomainAssessment",
    "Framework",
    "FrameworkItem",
    "FrameworkLevelDescriptor",
    "AuditLog",
    "Notification",
  ];
  const [counts] = await db().$queryRaw<[Record<string, number>]>(
    Prisma.raw(`SELECT ${tables.map((table) => `(SELECT count(*)::int FROM "${table}") AS "${table}"`).join(", ")}`),
  );
  // Versions move on every update: a write that changed a row but added none would show here.
  const [versions] = await db().$queryRaw<[Record<string, number>]>(Prisma.sql`
    SELECT (SELECT coalesce(sum(version), 0)::int FROM "EvidenceItem") AS evidence,
           (SELECT coalesce(sum(version), 0)::int FROM "DirectObservation") AS observations,
           (SELECT coalesce(sum(version), 0)::int FROM "CauseForConcern") AS concerns,
           (SELECT coalesce(sum(version + "reflectionVersion"), 0)::int FROM "FinalAssessment") AS assessments,
           (SELECT coalesce(sum(version), 0)::int FROM "FrameworkItem") AS items`);
  return { ...counts, ...versions };
}

type Write = {
  name: string;
  schema: z.ZodType;
  body: () => Record<string, unknown>;
  call: (body: unknown) => Promise<unknown>;
};

const u = () => world.users;

const WRITES: Write[] = [
  {
    name: "adding evidence",
    schema: evidenceSchema,
    body: () => ({
      title: "Reflective log",
      occurredOn: addDays(world.today, -1),
      type: "REFLECTIVE_LOG",
      body: "What I learned.",
      childCode: "C-1001",
      links: [{ frameworkItemId: "fi_pcf_2018_6", note: "I reflected." }],
    }),
    call: (body) => createEvidence(u().studentA, world.placementA.id, body),
  },
  {
    name: "editing evidence",
    schema: updateEvidenceSchema,
    body: () => ({
      title: "Session plan, revised",
      occurredOn: addDays(world.today, -3),
      type: "SESSION_PLAN",
      body: "Planned with C-1001.",
      childCode: null,
      links: [{ frameworkItemId: "fi_pcf_2018_7", note: "A strengths-based activity." }],
      version: 1,
    }),
    call: (body) => updateEvidence(u().studentA, ids.draft, body),
  },
  {
    name: "submitting evidence",
    schema: submitEvidenceSchema,
    body: () => ({ version: 1 }),
    call: (body) => submitEvidence(u().studentA, ids.draft, body),
  },
  {
    name: "reviewing evidence",
    schema: reviewEvidenceSchema,
    body: () => ({ decision: "COMMENT", comment: "A good start.", version: 1 }),
    call: (body) => reviewEvidence(u().peA, ids.draft, body),
  },
  {
    name: "an addendum",
    schema: evidenceAddendumSchema,
    body: () => ({ body: "A correction." }),
    call: (body) => addEvidenceAddendum(u().peA, ids.draft, body),
  },
  {
    name: "planning an observation",
    schema: planObservationSchema,
    body: () => ({ observedOn: world.today, activity: "Direct work in school" }),
    call: (body) => planObservation(u().peA, world.placementA.id, body),
  },
  {
    name: "an observation's feedback",
    schema: updateObservationSchema,
    body: () => ({
      part: "feedback",
      feedback: "Clear and warm.",
      domains: [{ frameworkItemId: "fi_pcf_2018_1", note: "Professional." }],
      version: 1,
    }),
    call: (body) => updateObservation(u().peA, ids.observation, body),
  },
  {
    name: "recording the learning agreement",
    schema: recordMilestoneSchema,
    body: () => ({
      heldOn: addDays(world.today, -5),
      attendees: ["STUDENT", "PRACTICE_EDUCATOR"],
      notes: "",
      learningNeeds: "Assessment skills.",
      learningOpportunities: "Two assessments.",
      reasonableAdjustments: "",
      supervisionArrangements: "Weekly.",
      recommendation: null,
      actionPlan: "",
      earlyReason: null,
    }),
    call: (body) => recordMilestone(u().peA, world.placementA.id, "learning-agreement", body),
  },
  {
    name: "raising a concern",
    schema: raiseConcernSchema,
    body: () => ({ summary: "Late to every visit this week." }),
    call: (body) => raiseConcern(u().studentA, world.placementA.id, body),
  },
  {
    name: "a concern's step",
    schema: concernEventSchema,
    body: () => ({ stage: "STAGE_1_MEETING", heldOn: world.today, notes: "Met.", outcome: null, version: 1 }),
    call: (body) => recordConcernEvent(u().peA, ids.concern, body),
  },
  {
    name: "a concern's action",
    schema: concernActionSchema,
    body: () => ({ description: "Weekly check-in", dueOn: addDays(world.today, 7) }),
    call: (body) => addConcernAction(u().peA, ids.concern, body),
  },
  {
    name: "an action done",
    schema: concernActionDoneSchema,
    body: () => ({ done: true }),
    call: (body) => setConcernActionDone(u().peA, ids.action, body),
  },
  {
    name: "the PE's final report",
    schema: finalAssessmentPeSchema,
    body: () => ({
      version: 1,
      holisticSummary: "Sound practice.",
      developmentPlan: "Court work.",
      recommendation: "PASS",
      domains: { KNOWLEDGE: "Knows the law." },
    }),
    call: (body) => saveFinalAssessmentPeParts(u().peA, world.placementA.id, body),
  },
  {
    name: "the student's reflection",
    schema: finalReflectionSchema,
    body: () => ({ reflectionVersion: 1, studentReflection: "I learned to listen." }),
    call: (body) => saveFinalReflection(u().studentA, world.placementA.id, body),
  },
  {
    name: "a signature",
    schema: signFinalAssessmentSchema,
    body: () => ({ as: "PRACTICE_EDUCATOR", version: 1 }),
    call: (body) => signFinalAssessment(u().peA, ids.assessment, body),
  },
  {
    name: "a correction of a framework item",
    schema: frameworkItemSchema,
    body: () => ({ version: 1, name: "Professionalism", description: "As published." }),
    call: (body) => updateFrameworkItem(u().admin, ids.item, body),
  },
  {
    name: "a correction of a level descriptor",
    schema: levelDescriptorSchema,
    body: () => ({ version: 1, text: "As published." }),
    call: (body) => updateLevelDescriptor(u().admin, ids.descriptor, body),
  },
  {
    name: "a new framework version",
    schema: newFrameworkVersionSchema,
    body: () => ({ version: "Early career standards 2027", effectiveFrom: addDays(world.today, 400) }),
    call: (body) => addFrameworkVersion(u().admin, ids.framework, body),
  },
];

const NOT_OBJECTS: Array<[string, unknown]> = [
  ["null", null],
  ["a string", "version=1"],
  ["a number", 42],
  ["a list", [{ version: 1 }]],
  ["true", true],
];

const LONG = "x".repeat(100_001);
const TEXT_VALUES: Array<[string, unknown]> = [
  ["a NUL", "before\u0000after"],
  ["a lone surrogate", "broken \uD800 text"],
  ["100,001 characters", LONG],
  ["a number", 123],
  ["an object", { text: "nested" }],
];
const DATE_VALUES: Array<[string, unknown]> = [
  ["30 February", "2026-02-30"],
  ["month 13", "2026-13-01"],
  ["a five-digit year", "20260-01-01"],
  ["no leading zeros", "2026-1-1"],
  ["a timestamp", "2026-01-01T00:00:00Z"],
  ["the year 0001", "0001-01-01"],
];
const NUMBER_VALUES: Array<[string, unknown]> = [
  ["2^53", 2 ** 53],
  ["a negative number", -1],
  ["a fraction", 1.5],
  ["a numeric string", "1"],
  ["1e308", 1e308],
];

const isDateField = (key: string) => /(On|Date|From)$/.test(key);

/** Each leaf of the valid body, replaced by each hostile value its type calls for. */
function mutationsOf(body: Record<string, unknown>): Array<[string, Record<string, unknown>]> {
  const cases: Array<[string, Record<string, unknown>]> = [];
  const visit = (value: unknown, path: Array<string | number>) => {
    const set = (replacement: unknown) => {
      const copy = structuredClone(body);
      let target: Record<string | number, unknown> = copy;
      for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
      target[path.at(-1)!] = replacement;
      return copy;
    };
    const where = path.join(".");
    if (Array.isArray(value)) {
      cases.push([`${where} as a string`, set("everything")]);
      cases.push([`${where} with 100,000 entries`, set(Array.from({ length: 100_000 }, () => value[0] ?? "x"))]);
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === "object") {
      cases.push([`${where} with __proto__`, set(JSON.parse('{"__proto__": {"polluted": true}}'))]);
      for (const [key, inner] of Object.entries(value)) visit(inner, [...path, key]);
    } else if (typeof value === "number" || typeof value === "boolean") {
      for (const [label, replacement] of NUMBER_VALUES) cases.push([`${where}: ${label}`, set(replacement)]);
    } else if (typeof value === "string") {
      const key = String(path.at(-1));
      const values = isDateField(key) ? [...DATE_VALUES, ...TEXT_VALUES.slice(0, 2)] : TEXT_VALUES;
      for (const [label, replacement] of values) cases.push([`${where}: ${label}`, set(replacement)]);
    }
  };
  for (const [key, value] of Object.entries(body)) visit(value, [key]);
  return cases;
}

/** The user-facing error a write that must fail answers with (a write that succeeds, or a 500, fails the test). */
async function refusal(call: () => Promise<unknown>) {
  const outcome = await call().then(
    () => null,
    (error: unknown) => error,
  );
  const appError = toAppError(outcome);
  expect(appError).not.toBeNull();
  expect(appError!.status).toBeGreaterThanOrEqual(400);
  expect(appError!.status).toBeLessThan(500);
  return appError!;
}

async function expectRefusedUnchanged(call: () => Promise<unknown>) {
  const before = await portfolioRows();
  const error = await refusal(call);
  expect(await portfolioRows()).toEqual(before);
  return error;
}

describe.each(WRITES.map((write) => [write.name, write] as const))("%s", (_name, write) => {
  it("starts from a body its schema accepts", () => {
    expect(write.schema.safeParse(write.body()).success).toBe(true);
  });

  it.each(NOT_OBJECTS)("refuses %s as the body (422)", async (_label, body) => {
    expect((await expectRefusedUnchanged(() => write.call(body))).status).toBe(422);
  });

  it("refuses an unknown field and __proto__, naming them (422)", async () => {
    const smuggled = await expectRefusedUnchanged(() => write.call({ ...write.body(), status: "ACCEPTED" }));
    expect(smuggled.status).toBe(422);
    expect(JSON.stringify(smuggled.fieldErrors)).toMatch(/Unknown field: status/);
    const polluted = JSON.parse(JSON.stringify(write.body()).replace(/^\{/, '{"__proto__":{"isAdmin":true},'));
    const proto = await expectRefusedUnchanged(() => write.call(polluted));
    expect(proto.status).toBe(422);
    expect(JSON.stringify(proto.fieldErrors)).toMatch(/__proto__/);
  });

  it("refuses every hostile value in every field with a 4xx, writing nothing", async () => {
    const cases = mutationsOf(write.body());
    expect(cases.length).toBeGreaterThan(0);
    // Rows only ever grow and versions only rise, so one comparison over all the cases shows none wrote.
    const before = await portfolioRows();
    for (const [label, body] of cases) {
      const error = await refusal(() => write.call(body));
      expect([label, error.status]).toEqual([label, 422]);
    }
    expect(await portfolioRows()).toEqual(before);
  });
});

describe("ids that cannot name a record, or name one the user may not see", () => {
  const HOSTILE_IDS = ["", "../etc/passwd", "id\u0000", "x".repeat(65), "' OR 1=1 --", "\uD800"];

  it.each(HOSTILE_IDS.map((id) => [JSON.stringify(id).slice(0, 20), id]))("%s is a 404 everywhere", async (_l, id) => {
    const { users } = world;
    const calls: Array<() => Promise<unknown>> = [
      () => createEvidence(users.studentA, id, {}),
      () => updateEvidence(users.studentA, id, {}),
      () => reviewEvidence(users.peA, id, {}),
      () => updateObservation(users.peA, id, {}),
      () => recordMilestone(users.peA, id, "midpoint", {}),
      () => recordMilestone(users.peA, world.placementA.id, id, {}),
      () => recordConcernEvent(users.peA, id, {}),
      () => setConcernActionDone(users.peA, id, {}),
      () => signFinalAssessment(users.peA, id, {}),
      () => ratifyFinalAssessment(users.peOther, id, {}),
      () => updateFrameworkItem(users.admin, id, {}),
      () => addFrameworkVersion(users.admin, id, {}),
    ];
    for (const call of calls) expect((await expectRefusedUnchanged(call)).status).toBe(404);
  });

  it("another student's placement and records are a 404, even with a valid body", async () => {
    const { users, placementB } = world;
    const refused = async (call: () => Promise<unknown>) => (await expectRefusedUnchanged(call)).status;
    expect(await refused(() => createEvidence(users.studentA, placementB.id, WRITES[0].body()))).toBe(404);
    expect(await refused(() => updateEvidence(users.studentB, ids.draft, WRITES[1].body()))).toBe(404);
    expect(await refused(() => planObservation(users.peA, placementB.id, WRITES[5].body()))).toBe(404);
    expect(await refused(() => raiseConcern(users.tutorA, placementB.id, WRITES[8].body()))).toBe(404);
    expect(await refused(() => signFinalAssessment(users.studentB, ids.assessment, { as: "STUDENT" }))).toBe(404);
  });

  it("a framework item of another version in a link is a 422, not a write", async () => {
    const body = { ...WRITES[0].body(), links: [{ frameworkItemId: "fi_nope", note: "?" }] };
    const error = await expectRefusedUnchanged(() => createEvidence(world.users.studentA, world.placementA.id, body));
    expect(error.status).toBe(422);
  });
});

// The user is part of the call: a user object that is not a verified user reaches no query.
it("refuses a missing or partial user before any query (401)", async () => {
  const partial = { id: "", role: "STUDENT", organisationId: "x" } as unknown as SessionUser;
  expect((await expectRefusedUnchanged(() => createEvidence(partial, world.placementA.id, {}))).status).toBe(401);
});
