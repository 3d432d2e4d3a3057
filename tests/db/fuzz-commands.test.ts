/** @jest-environment node */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren, type ChildrenWorld } from "../support/children-world";
import { buildSecondTeam, type SecondTeam } from "../support/second-team";
import { sessionOf } from "../support/supervision";
import { AppError } from "@/lib/errors";
import { addDays } from "@/lib/dates";
import type { SessionUser } from "@/lib/auth/session-user";
import { FilesystemAttachmentStore } from "@/lib/attachments/filesystem-store";
import { setAttachmentStore } from "@/lib/attachments/current-store";
import { issueApiToken, revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { addFrameworkVersion, updateFrameworkItem, updateLevelDescriptor } from "@/lib/frameworks/frameworks";
import { createCohort, createDegreeProgramme, createUniversity } from "@/lib/universities/universities";
import { createUser, updateUser } from "@/lib/users/users";
import { updateAssessment } from "@/lib/children/assessments";
import { createChild, updateChild } from "@/lib/children/child-records";
import { decideReferral, recordReferral } from "@/lib/children/referrals";
import { allocateChildren, endAllocation } from "@/lib/children/allocations";
import { anonymiseChild } from "@/lib/children/data-protection";
import { raiseSafeguardingConcern, recordSafeguardingResponse } from "@/lib/children/safeguarding";
import { signOffLifeStoryWork, updateLifeStoryStage } from "@/lib/children/life-story";
import {
  closeDirectWorkProgramme,
  createDirectWorkProgramme,
  extendDirectWorkProgramme,
} from "@/lib/children/direct-work/plans";
import { addDirectWorkSession, recordDirectWorkSession } from "@/lib/children/direct-work/sessions";
import { scoreDirectWorkGoal, setDirectWorkGoals } from "@/lib/children/direct-work/goals";
import {
  createFeedbackLink,
  submitFeedbackInPerson,
  submitFeedbackWithLink,
} from "@/lib/children/direct-work/feedback";
import { addTheme } from "@/lib/children/direct-work/themes";
import { addConcernAction, raiseConcern, recordConcernEvent, setConcernActionDone } from "@/lib/portfolio/concerns";
import { addEvidenceAddendum, reviewEvidence } from "@/lib/portfolio/review-evidence";
import { deleteAttachment } from "@/lib/portfolio/attachments";
import { createEvidence, submitEvidence, updateEvidence } from "@/lib/portfolio/write-evidence";
import { planObservation, updateObservation } from "@/lib/portfolio/observations";
import { recordMilestone } from "@/lib/portfolio/milestones";
import { ratifyFinalAssessment, signFinalAssessment } from "@/lib/portfolio/sign-final-assessment";
import {
  saveFinalAssessmentPeParts,
  saveFinalReflection,
  startFinalAssessment,
} from "@/lib/portfolio/write-final-assessment";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/notifications";
import { assignPracticeEducator } from "@/lib/placements/assign-practice-educator";
import { recordAttendance, removeAttendance } from "@/lib/placements/attendance";
import { createPlacement } from "@/lib/placements/create-placement";
import { updatePlacement } from "@/lib/placements/update-placement";
import { addSupervisionAddendum } from "@/lib/supervision/add-supervision-addendum";
import { recordSupervision } from "@/lib/supervision/record-supervision";
import { saveStudentReflection } from "@/lib/supervision/save-student-reflection";
import { setSupervisionActionStatus } from "@/lib/supervision/set-supervision-action-status";
import { signSupervisionRecord } from "@/lib/supervision/sign-supervision-record";
import { updateSupervisionNotes } from "@/lib/supervision/update-supervision-notes";
import { updateSupervisionSettings } from "@/lib/supervision/update-supervision-settings";
import { DEFAULT_THEMES } from "@/lib/validations/direct-work";

// Issue 10: a property-based fuzz test of every server action's command (the
// lib/ function each action and route calls), with hostile input: huge and
// odd numbers, NUL, lone surrogates and control characters, impossible and
// implausible dates, long strings, deep nesting, wrong types, unknown keys
// and `__proto__`, and the ids of other people's and other teams' records.
// Every call either succeeds or throws an AppError of a 4xx; a refused call
// leaves the row count of every table as it was.
//
// CI runs a fixed seed and a bounded number of runs; FUZZ_RUNS (and
// FUZZ_SEED) run it longer on demand:
//   FUZZ_RUNS=5000 npx jest tests/db/fuzz-commands.test.ts

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const { db } = useTestDatabase();

let world: World;
let kids: ChildrenWorld;
let second: SecondTeam;
let storeDir: string;
/** Every id in the database, by table: a command is usually given ids of the table it acts on. */
const idsByTable = new Map<string, string[]>();
let allIds: string[] = [];
let users: Record<string, SessionUser>;

/** Sets up one more record to aim at; a setup step that fails leaves the fuzz with fewer targets, not broken. */
async function attempt(step: () => Promise<unknown>) {
  try {
    await step();
  } catch (error) {
    process.stderr.write(`fuzz setup step skipped: ${String(error)}\n`);
  }
}

beforeAll(async () => {
  storeDir = mkdtempSync(path.join(tmpdir(), "fuzz-attachments-"));
  setAttachmentStore(new FilesystemAttachmentStore(storeDir));
  world = await buildWorld();
  kids = await buildChildren(world);
  second = await buildSecondTeam(world);
  const { peA, studentA, admin, tutorA } = world.users;
  const start = addDays(world.today, -14);
  await attempt(async () => {
    const { id } = await createDirectWorkProgramme(studentA, kids.allocationA.id, {
      startDate: start,
      plannedSessions: 2,
      themes: [DEFAULT_THEMES[0], DEFAULT_THEMES[1]],
    });
    await setDirectWorkGoals(studentA, id, { goals: ["Feel calmer in lessons"] });
  });
  await attempt(() =>
    allocateChildren(admin, {
      childIds: [kids.childA.id],
      placementId: world.placementA.id,
      kind: "LIFE_STORY",
      startDate: start,
    }),
  );
  await attempt(() =>
    raiseSafeguardingConcern(studentA, { childId: kids.childA.id, description: "A worry to act on." }),
  );
  await attempt(() =>
    recordReferral(admin, {
      childId: kids.childUnallocated.id,
      receivedOn: world.today,
      referrerName: "Ms Head",
      referrerRole: "Designated safeguarding lead",
      reason: "Low mood",
      parentConsent: "GIVEN",
      childAgreement: true,
    }),
  );
  await attempt(() => recordSupervision(peA, world.placementA.id, sessionOf(world)));
  await attempt(() =>
    createEvidence(studentA, world.placementA.id, {
      title: "Direct work session",
      occurredOn: addDays(world.today, -3),
      type: "REFLECTIVE_LOG",
      body: "A session with C-1001.",
      childCode: "C-1001",
      links: [{ frameworkItemId: "fi_pcf_2018_6", note: "Reflection." }],
    }),
  );
  await attempt(() => raiseConcern(tutorA, world.placementA.id, { summary: "Missed three visits without telling." }));
  await attempt(() =>
    planObservation(peA, world.placementA.id, { observedOn: addDays(world.today, -2), activity: "Home visit" }),
  );
  await attempt(() => startFinalAssessment(world.users.peB, world.placementB.id));
  await attempt(() =>
    recordAttendance(studentA, world.placementA.id, { date: addDays(world.today, -1), kind: "SICK", note: "Flu" }),
  );
  await attempt(() => issueApiToken(admin, { universityId: world.uniA.id, name: "Fuzz token" }));

  const tables = await db().$queryRawUnsafe<Array<{ table_name: string }>>(
    `SELECT table_name::text AS table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'text'`,
  );
  for (const { table_name: table } of tables) {
    const rows = await db().$queryRawUnsafe<Array<{ id: string }>>(`SELECT id FROM "${table}" LIMIT 50`);
    idsByTable.set(
      table,
      rows.map((row) => row.id),
    );
  }
  allIds = [...idsByTable.values()].flat();
  users = {
    ...Object.fromEntries(Object.entries(world.users).map(([key, user]) => [key, user])),
    ...Object.fromEntries(Object.entries(second.users).map(([key, user]) => [`second ${key}`, user])),
  };
}, 120_000);

afterAll(() => {
  setAttachmentStore(null);
  rmSync(storeDir, { recursive: true, force: true });
});

/** How many rows every table holds: one query. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db().$queryRawUnsafe<Array<{ table_name: string }>>(
    `SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts = await db().$queryRawUnsafe<Array<{ t: string; n: bigint }>>(
    tables.map(({ table_name: table }) => `SELECT '${table}' AS t, count(*) AS n FROM "${table}"`).join(" UNION ALL "),
  );
  return Object.fromEntries(counts.map(({ t, n }) => [t, Number(n)]));
}

// ---- The commands: each server action's lib/ function, with the tables its ids name and who may use it. ----

type Call = (user: SessionUser, ids: unknown[], body: unknown) => Promise<unknown>;
type Command = { name: string; tables: string[]; as: string[]; call: Call };

/** Server actions receive whatever a client sends, so the commands are called with unknown values. */
const loose = (fn: unknown) => fn as (...args: unknown[]) => Promise<unknown>;
const idsThenBody =
  (fn: unknown, count: number): Call =>
  (user, ids, body) =>
    loose(fn)(user, ...ids.slice(0, count), body);
const idsOnly =
  (fn: unknown, count: number): Call =>
  (user, ids) =>
    loose(fn)(user, ...ids.slice(0, count));
const bodyOnly =
  (fn: unknown): Call =>
  (user, _ids, body) =>
    loose(fn)(user, body);

const TEAM = ["admin", "peA", "peB", "onsiteA"];
const STUDENTS = ["studentA", "studentB"];
const PLACEMENT_PEOPLE = [...TEAM, ...STUDENTS, "tutorA"];

const COMMANDS: Command[] = [
  { name: "createPlacement", tables: [], as: ["admin"], call: bodyOnly(createPlacement) },
  { name: "updatePlacement", tables: ["Placement"], as: ["admin"], call: idsThenBody(updatePlacement, 1) },
  {
    name: "assignPracticeEducator",
    tables: ["Placement"],
    as: ["admin"],
    call: idsThenBody(assignPracticeEducator, 1),
  },
  { name: "recordAttendance", tables: ["Placement"], as: PLACEMENT_PEOPLE, call: idsThenBody(recordAttendance, 1) },
  {
    name: "removeAttendance",
    tables: ["Placement", "AttendanceDay"],
    as: PLACEMENT_PEOPLE,
    call: idsOnly(removeAttendance, 2),
  },
  { name: "createUser", tables: [], as: ["admin"], call: bodyOnly(createUser) },
  { name: "updateUser", tables: ["User"], as: ["admin"], call: idsThenBody(updateUser, 1) },
  { name: "createUniversity", tables: [], as: ["admin"], call: bodyOnly(createUniversity) },
  { name: "createDegreeProgramme", tables: [], as: ["admin"], call: bodyOnly(createDegreeProgramme) },
  { name: "createCohort", tables: [], as: ["admin"], call: bodyOnly(createCohort) },
  { name: "issueApiToken", tables: [], as: ["admin"], call: bodyOnly(issueApiToken) },
  { name: "revokeApiToken", tables: ["ApiToken"], as: ["admin"], call: idsThenBody(revokeApiToken, 1) },
  { name: "addFrameworkVersion", tables: ["Framework"], as: ["admin"], call: idsThenBody(addFrameworkVersion, 1) },
  { name: "updateFrameworkItem", tables: ["FrameworkItem"], as: ["admin"], call: idsThenBody(updateFrameworkItem, 1) },
  {
    name: "updateLevelDescriptor",
    tables: ["FrameworkLevelDescriptor"],
    as: ["admin"],
    call: idsThenBody(updateLevelDescriptor, 1),
  },
  { name: "createChild", tables: [], as: ["admin"], call: bodyOnly(createChild) },
  { name: "updateChild", tables: ["Child"], as: ["admin"], call: idsThenBody(updateChild, 1) },
  { name: "anonymiseChild", tables: ["Child"], as: ["admin"], call: idsOnly(anonymiseChild, 1) },
  { name: "recordReferral", tables: [], as: ["admin"], call: bodyOnly(recordReferral) },
  { name: "decideReferral", tables: ["Referral"], as: ["admin"], call: idsThenBody(decideReferral, 1) },
  { name: "allocateChildren", tables: [], as: ["admin"], call: bodyOnly(allocateChildren) },
  { name: "endAllocation", tables: ["Allocation"], as: ["admin", "peA"], call: idsThenBody(endAllocation, 1) },
  {
    name: "updateAssessment",
    tables: ["ChildAssessment"],
    as: ["studentB", "peB"],
    call: idsThenBody(updateAssessment, 1),
  },
  {
    name: "updateLifeStoryStage",
    tables: ["LifeStoryWork"],
    as: ["studentA", "peA"],
    call: (user, ids, body) => loose(updateLifeStoryStage)(user, ids[0], ids[1], body),
  },
  { name: "signOffLifeStoryWork", tables: ["LifeStoryWork"], as: ["peA"], call: idsOnly(signOffLifeStoryWork, 1) },
  { name: "raiseSafeguardingConcern", tables: [], as: ["studentA", "peA"], call: bodyOnly(raiseSafeguardingConcern) },
  {
    name: "recordSafeguardingResponse",
    tables: ["SafeguardingConcern"],
    as: ["admin", "peA"],
    call: idsThenBody(recordSafeguardingResponse, 1),
  },
  {
    name: "createDirectWorkProgramme",
    tables: ["Allocation"],
    as: ["studentA", "peA", "admin"],
    call: idsThenBody(createDirectWorkProgramme, 1),
  },
  {
    name: "extendDirectWorkProgramme",
    tables: ["DirectWorkProgramme"],
    as: ["studentA", "peA"],
    call: idsThenBody(extendDirectWorkProgramme, 1),
  },
  {
    name: "closeDirectWorkProgramme",
    tables: ["DirectWorkProgramme"],
    as: ["studentA", "peA"],
    call: idsThenBody(closeDirectWorkProgramme, 1),
  },
  {
    name: "addDirectWorkSession",
    tables: ["DirectWorkProgramme"],
    as: ["studentA", "peA"],
    call: idsThenBody(addDirectWorkSession, 1),
  },
  {
    name: "recordDirectWorkSession",
    tables: ["ProgrammeSession"],
    as: ["studentA", "peA"],
    call: idsThenBody(recordDirectWorkSession, 1),
  },
  {
    name: "setDirectWorkGoals",
    tables: ["DirectWorkProgramme"],
    as: ["studentA", "peA"],
    call: idsThenBody(setDirectWorkGoals, 1),
  },
  {
    name: "scoreDirectWorkGoal",
    tables: ["OutcomeGoal", "DirectWorkProgramme"],
    as: ["studentA", "peA"],
    call: (user, ids, body) => loose(scoreDirectWorkGoal)(user, ids[0], body, ids[1]),
  },
  {
    name: "createFeedbackLink",
    tables: ["ProgrammeSession"],
    as: ["studentA", "peA"],
    call: idsOnly(createFeedbackLink, 1),
  },
  {
    name: "submitFeedbackInPerson",
    tables: ["ProgrammeSession"],
    as: ["studentA", "peA"],
    call: idsThenBody(submitFeedbackInPerson, 1),
  },
  {
    name: "submitFeedbackWithLink",
    tables: [],
    as: ["studentA"],
    call: (_user, ids, body) => loose(submitFeedbackWithLink)(ids[0], body),
  },
  { name: "addTheme", tables: [], as: ["admin"], call: bodyOnly(addTheme) },
  { name: "createEvidence", tables: ["Placement"], as: STUDENTS, call: idsThenBody(createEvidence, 1) },
  { name: "updateEvidence", tables: ["EvidenceItem"], as: STUDENTS, call: idsThenBody(updateEvidence, 1) },
  { name: "submitEvidence", tables: ["EvidenceItem"], as: STUDENTS, call: idsThenBody(submitEvidence, 1) },
  { name: "reviewEvidence", tables: ["EvidenceItem"], as: ["peA", "peB"], call: idsThenBody(reviewEvidence, 1) },
  {
    name: "addEvidenceAddendum",
    tables: ["EvidenceItem"],
    as: PLACEMENT_PEOPLE,
    call: idsThenBody(addEvidenceAddendum, 1),
  },
  {
    name: "deleteAttachment",
    tables: ["EvidenceItem", "EvidenceAttachment"],
    as: STUDENTS,
    call: idsOnly(deleteAttachment, 2),
  },
  { name: "planObservation", tables: ["Placement"], as: ["peA", "onsiteA"], call: idsThenBody(planObservation, 1) },
  {
    name: "updateObservation",
    tables: ["DirectObservation"],
    as: ["peA", "studentA"],
    call: idsThenBody(updateObservation, 1),
  },
  {
    name: "recordMilestone",
    tables: ["Placement"],
    as: ["peA", "admin"],
    call: (user, ids, body) => loose(recordMilestone)(user, ids[0], ids[1], body),
  },
  { name: "raiseConcern", tables: ["Placement"], as: ["peA", "tutorA"], call: idsThenBody(raiseConcern, 1) },
  {
    name: "recordConcernEvent",
    tables: ["CauseForConcern"],
    as: ["peA", "tutorA", "admin"],
    call: idsThenBody(recordConcernEvent, 1),
  },
  {
    name: "addConcernAction",
    tables: ["CauseForConcern"],
    as: ["peA", "tutorA", "admin"],
    call: idsThenBody(addConcernAction, 1),
  },
  {
    name: "setConcernActionDone",
    tables: ["ConcernAction"],
    as: ["peA", "studentA"],
    call: idsThenBody(setConcernActionDone, 1),
  },
  {
    name: "startFinalAssessment",
    tables: ["Placement"],
    as: ["peA", "peB"],
    call: idsOnly(startFinalAssessment, 1),
  },
  {
    name: "saveFinalAssessmentPeParts",
    tables: ["Placement"],
    as: ["peB"],
    call: idsThenBody(saveFinalAssessmentPeParts, 1),
  },
  {
    name: "saveFinalReflection",
    tables: ["Placement"],
    as: ["studentB"],
    call: idsThenBody(saveFinalReflection, 1),
  },
  {
    name: "signFinalAssessment",
    tables: ["FinalAssessment"],
    as: ["peB", "studentB"],
    call: idsThenBody(signFinalAssessment, 1),
  },
  {
    name: "ratifyFinalAssessment",
    tables: ["FinalAssessment"],
    as: ["peA", "admin"],
    call: idsThenBody(ratifyFinalAssessment, 1),
  },
  {
    name: "recordSupervision",
    tables: ["Placement"],
    as: ["peA", "onsiteA"],
    call: idsThenBody(recordSupervision, 1),
  },
  {
    name: "updateSupervisionNotes",
    tables: ["SupervisionRecord"],
    as: ["peA"],
    call: idsThenBody(updateSupervisionNotes, 1),
  },
  {
    name: "saveStudentReflection",
    tables: ["SupervisionRecord"],
    as: ["studentA"],
    call: idsThenBody(saveStudentReflection, 1),
  },
  {
    name: "signSupervisionRecord",
    tables: ["SupervisionRecord"],
    as: ["peA", "studentA"],
    call: idsThenBody(signSupervisionRecord, 1),
  },
  {
    name: "addSupervisionAddendum",
    tables: ["SupervisionRecord"],
    as: ["peA", "studentA"],
    call: idsThenBody(addSupervisionAddendum, 1),
  },
  {
    name: "setSupervisionActionStatus",
    tables: ["SupervisionAction"],
    as: ["peA", "studentA"],
    call: idsThenBody(setSupervisionActionStatus, 1),
  },
  {
    name: "updateSupervisionSettings",
    tables: ["Placement"],
    as: ["peA", "admin"],
    call: idsThenBody(updateSupervisionSettings, 1),
  },
  {
    name: "markNotificationRead",
    tables: ["Notification"],
    as: PLACEMENT_PEOPLE,
    call: idsOnly(markNotificationRead, 1),
  },
  { name: "markAllNotificationsRead", tables: [], as: PLACEMENT_PEOPLE, call: idsOnly(markAllNotificationsRead, 0) },
];

// ---- Hostile values ----

const validationSources = readdirSync(path.join(process.cwd(), "lib/validations"))
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .map((file) => readFileSync(path.join(process.cwd(), "lib/validations", file), "utf8"))
  .join("\n");
/** The field names the schemas know, so generated bodies reach past "unknown field" to each field's own checks. */
const FIELD_NAMES = [
  ...new Set([...validationSources.matchAll(/^\s+([a-z][A-Za-z0-9]{1,40})\??: /gm)].map((m) => m[1])),
];
/** The enum values the schemas know ("ACTIVE", "GROUP"…), for the same reason. */
const ENUM_VALUES = [...new Set([...validationSources.matchAll(/"([A-Z][A-Z0-9_]{2,40})"/g)].map((m) => m[1]))];

const today = () => world.today;

const nastyStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\udbff\udbff",
  "\u0007bell",
  "\u001b[31m",
  "\u202eevil",
  "\u0085",
  "line\r\nbreak",
  "2026-13-01",
  "2026-02-32",
  "2026-00-10",
  "2026-02-30",
  "2026-02-29",
  "0000-00-00",
  "9999-12-31",
  "0001-01-01",
  "1899-12-31",
  "+275760-09-13",
  "-000001-01-01",
  "2026-1-1",
  "2026-01-01T25:61:00Z",
  "25:99",
  "__proto__",
  "constructor",
  "toString",
  "NaN",
  "Infinity",
  "-1",
  "1e308",
  "0x10",
  "' OR 1=1 --",
  '"; DROP TABLE "User"; --',
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "🙂".repeat(20),
  "C-1001",
  "Alfie Archer",
);
const surrogateStrings = fc
  .array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 4 })
  .map((units) => `text${String.fromCharCode(...units)}more`);
const controlStrings = fc
  .array(fc.integer({ min: 0, max: 0x9f }), { minLength: 1, maxLength: 4 })
  .map((units) => `a${String.fromCharCode(...units)}b`);
const longStrings = fc.constantFrom(1_001, 10_001, 100_001, 1_000_001).map((length) => "x".repeat(length));
const plausibleStrings = fc.oneof(
  fc.constantFrom("A perfectly ordinary note.", "14:00", "true", "1", "6"),
  fc.integer({ min: -400, max: 400 }).map((days) => addDays(today(), days)),
  fc.constantFrom(...ENUM_VALUES),
);
const ids = fc.oneof(
  fc.constantFrom("x"),
  fc.constant(null).chain(() => fc.constantFrom(...allIds)),
);
const hostileString = fc.oneof(
  { arbitrary: nastyStrings, weight: 4 },
  { arbitrary: surrogateStrings, weight: 1 },
  { arbitrary: controlStrings, weight: 1 },
  { arbitrary: longStrings, weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: plausibleStrings, weight: 3 },
  { arbitrary: ids, weight: 3 },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31),
    2 ** 53 + 2,
    1e6,
    1e308,
    -1e308,
    5e-324,
    -0,
    0.5,
    Infinity,
    -Infinity,
    NaN,
  ),
  fc.integer({ min: -5, max: 60 }),
  fc.double(),
);
const deepNesting = fc
  .integer({ min: 100, max: 5_000 })
  .map((depth) => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: [inner] }), "bottom"));
const oddTypes = fc.constantFrom<unknown>(
  null,
  undefined,
  true,
  false,
  [],
  {},
  new Date("invalid"),
  new Date(8.64e15),
  new Map([["a", 1]]),
  new Set([1]),
  10n ** 30n,
  Object.create(null),
);
const bigList = fc.integer({ min: 1_000, max: 100_000 }).map((length) => Array.from({ length }, () => "x"));

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: oddTypes, weight: 2 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: bigList, weight: 1 },
);

const fieldName = fc.oneof(
  { arbitrary: fc.constantFrom(...FIELD_NAMES), weight: 8 },
  { arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "sneaky", "id", "teamId", "role"), weight: 1 },
  { arbitrary: fc.constantFrom(...ENUM_VALUES), weight: 1 },
);

/** An object of fields, each a hostile value, a list of them, or a nested object (lists of actions, links, goals). */
const { body: hostileBody } = fc.letrec<{ body: unknown; value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", maxDepth: 3, withCrossShrink: true },
    { arbitrary: scalar, weight: 6 },
    { arbitrary: fc.array(tie("value"), { maxLength: 4 }), weight: 1 },
    { arbitrary: tie("body"), weight: 1 },
  ),
  body: fc
    .array(fc.tuple(fieldName, tie("value")), { maxLength: 10 })
    // Keys set as own properties, as JSON.parse and React's decoding of an action's arguments do: `__proto__` included.
    .map((entries) => {
      const object: Record<string, unknown> = {};
      for (const [key, value] of entries)
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      return object;
    }),
}));

const anyBody = fc.oneof({ arbitrary: hostileBody, weight: 5 }, { arbitrary: scalar, weight: 1 });

/** Ids for a command: mostly its own table's (someone else's included), sometimes any id or a hostile value. */
const idsFor = (command: Command) => {
  const own = command.tables.flatMap((table) => idsByTable.get(table) ?? []);
  const one = fc.oneof(
    { arbitrary: own.length ? fc.constantFrom(...own) : fc.constantFrom(...allIds), weight: 12 },
    { arbitrary: fc.constantFrom(...allIds), weight: 1 },
    { arbitrary: fc.constantFrom(...ENUM_VALUES), weight: 1 },
    { arbitrary: scalar, weight: 2 },
  );
  return fc.array(one, { minLength: 2, maxLength: 2 });
};

const userFor = (command: Command) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...command.as), weight: 4 },
    { arbitrary: fc.constantFrom(...Object.keys(users)), weight: 1 },
  );

const caseArbitrary = () =>
  fc
    .constantFrom(...COMMANDS)
    .chain((command) =>
      fc.record({ command: fc.constant(command), user: userFor(command), ids: idsFor(command), body: anyBody }),
    );

/** A short description of a generated value for a failure message (long strings and deep objects abbreviated). */
function describeValue(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, inner: unknown) =>
      typeof inner === "bigint"
        ? `${inner}n`
        : typeof inner === "string" && inner.length > 40
          ? `${inner.slice(0, 20)}…(${inner.length})`
          : inner,
    );
    return (text ?? String(value)).slice(0, 600);
  } catch {
    return String(value).slice(0, 200);
  }
}

describe("every server action's command against hostile input", () => {
  it(
    `answers a 4xx or succeeds, never anything else, and a refusal writes nothing (${RUNS} runs, seed ${SEED})`,
    async () => {
      const outcomes = new Map<string, number>();
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(caseArbitrary(), async ({ command, user, ids: args, body }) => {
          const before = await rowCounts();
          let outcome: string;
          try {
            await command.call(users[user], args, body);
            outcome = "ok";
          } catch (error) {
            const what = `${command.name} as ${user} with ${describeValue(args)} and ${describeValue(body)}`;
            if (!(error instanceof AppError)) throw new Error(`${what} threw ${String(error)}`, { cause: error });
            if (error.status < 400 || error.status >= 500) throw new Error(`${what} answered ${error.status}`);
            outcome = String(error.status);
            const after = await rowCounts();
            const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
            if (changed.length > 0) throw new Error(`${what} was refused (${error.status}) but changed ${changed}`);
          }
          const key = `${command.name} ${outcome}`;
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const byStatus = new Map<string, number>();
      for (const [key, count] of outcomes) {
        const status = key.split(" ")[1];
        byStatus.set(status, (byStatus.get(status) ?? 0) + count);
      }
      process.stdout.write(
        `fuzz: ${RUNS} runs, seed ${SEED}, ${seconds} s; outcomes ${JSON.stringify(Object.fromEntries(byStatus))}; ` +
          `commands reached ${new Set([...outcomes.keys()].map((key) => key.split(" ")[0])).size} of ${COMMANDS.length}\n`,
      );
      // The fuzz reached past the permission check into the schemas: most refusals are 422s, not 403s and 404s.
      expect(byStatus.get("422") ?? 0).toBeGreaterThan(RUNS / 4);
    },
    Math.max(600_000, RUNS * 1_000),
  );
});
