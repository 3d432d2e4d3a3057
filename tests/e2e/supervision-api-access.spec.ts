import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { addDays, anonymousApi, apiAs, DEMO, placementIdOf, todayInUk } from "./support";

// The supervision access matrix over HTTP (lib/access/supervision.ts): every
// demo role against every supervision route, on two placements chosen so that
// each role stands in a different relation to them:
//   Amira Hussain  Severnside,      PE Priya Shah, on-site Sam Rivers
//   Daniel Okafor  Three Counties,  PE Tom Fletcher now, Owen Pritchard before, no on-site supervisor
// Rules: the placement's PEs (past and present) and its student read every
// record; the admin reads everything; tutors of the student's university read
// records both have signed (a draft, or a record awaiting the student, is a
// 404 to them, and the log counts them in hiddenRecords); on-site
// supervisors, other students, other tutors and other PEs get 404 for all of
// it. Only the current PE edits notes and signs first; only the student writes
// the reflection and signs second; signing twice is a 409. Someone who can read
// a record but may not do this to it gets a 403.
//
// Writes: the matrix never changes a record. Those who may edit get a body at
// a version that is not the current one (409) or that fails a check made
// after the access checks (a future date: 422); an action marked DONE is set
// back to OPEN, which is exactly how it was. Lasting rows, all on Daniel's
// placement (supervision.spec.ts writes and counts on Amira's only): one draft
// recorded by Tom today with one open action (made once, in beforeAll, and
// reused), and one record taken through the whole sign-off, with one addendum,
// by the "life of a record" test.

const DANIEL_EMAIL = "daniel.okafor@students.threecounties.example.ac.uk";
const GRACE_EMAIL = "grace.adeyemi@pop.example.org"; // PE of Chloe Davies and of Isaac Mensah (suspended)
const MATRIX_DRAFT_AGENDA = "Access-control e2e: a draft the matrix reads but never changes";

type Target = "amira" | "daniel";
const TARGETS: Record<Target, string> = { amira: "Amira Hussain", daniel: "Daniel Okafor" };

/** How a role stands to a placement. */
type Relation = "admin" | "currentPe" | "formerPe" | "student" | "tutor" | "none";

type RoleSpec = { label: string; email: string; relation: Record<Target, Relation> };

const ROLES: RoleSpec[] = [
  { label: "admin", email: DEMO.admin, relation: { amira: "admin", daniel: "admin" } },
  {
    label: "practice educator of Amira (Priya Shah)",
    email: DEMO.pe,
    relation: { amira: "currentPe", daniel: "none" },
  },
  {
    label: "current practice educator of Daniel (Tom Fletcher)",
    email: DEMO.peTom,
    relation: { amira: "none", daniel: "currentPe" },
  },
  {
    label: "former practice educator of Daniel (Owen Pritchard)",
    email: DEMO.peOwen,
    relation: { amira: "none", daniel: "formerPe" },
  },
  {
    label: "on-site supervisor of Amira (Sam Rivers)",
    email: DEMO.onsite,
    relation: { amira: "none", daniel: "none" },
  },
  { label: "Severnside tutor", email: DEMO.tutorSevernside, relation: { amira: "tutor", daniel: "none" } },
  { label: "Three Counties tutor", email: DEMO.tutorThreeCounties, relation: { amira: "none", daniel: "tutor" } },
  { label: "student Amira (Severnside)", email: DEMO.studentAmira, relation: { amira: "student", daniel: "none" } },
  { label: "student Chloe (Three Counties)", email: DEMO.studentChloe, relation: { amira: "none", daniel: "none" } },
  { label: "student Daniel (Three Counties)", email: DANIEL_EMAIL, relation: { amira: "none", daniel: "student" } },
];

const readsAll = (relation: Relation) =>
  relation === "admin" || relation === "currentPe" || relation === "formerPe" || relation === "student";
const readsSigned = (relation: Relation) => readsAll(relation) || relation === "tutor";
/** What a role may read of a record with this status. */
const reads = (relation: Relation, status: RecordStatus) =>
  status === "SIGNED" ? readsSigned(relation) : readsAll(relation);

type RecordStatus = "DRAFT" | "PE_SIGNED" | "SIGNED";
type Action = {
  id: string;
  description: string;
  owner: "STUDENT" | "PRACTICE_EDUCATOR";
  dueDate: string;
  status: "OPEN" | "DONE" | "DROPPED";
  completedAt: string | null;
  completedByName: string | null;
};
type SupervisionRecord = {
  id: string;
  placementId: string;
  heldOn: string;
  startTime: string;
  durationMinutes: number;
  type: string;
  attendedPracticeEducator: boolean;
  attendedOnsiteSupervisor: boolean;
  attendedStudent: boolean;
  otherStudents: Array<{ id: string | null; name: string }>;
  otherAttendees: string[];
  agenda: string;
  caseDiscussion: string;
  reflectionAndLearning: string;
  wellbeingAndWorkload: string;
  pcfDomains: string[];
  studentReflection: string;
  status: RecordStatus;
  authorName: string;
  peSignedByName: string | null;
  studentSignedByName: string | null;
  version: number;
  reflectionVersion: number;
  actions: Action[];
  addenda: Array<{ id: string; text: string; authorName: string }>;
};
type SupervisionLog = {
  placement: { id: string; studentName: string; currentPracticeEducatorName: string | null };
  records: SupervisionRecord[];
  openActions: number;
  hiddenRecords: number;
};
type RecordView = {
  record: SupervisionRecord;
  placement: { id: string; studentName: string };
  otherStudentChoices: Array<{ id: string; name: string }>;
  carriedForward: Array<{ id: string; description: string; status: string }>;
  permissions: Record<
    | "canEditNotes"
    | "canSignAsPracticeEducator"
    | "canEditReflection"
    | "canSignAsStudent"
    | "canAddAddendum"
    | "canUpdateActions"
    | "canDropActions",
    boolean
  >;
};

type TargetInfo = {
  placementId: string;
  draft: SupervisionRecord;
  signed: SupervisionRecord; // a record both have signed, with at least one agreed action
  peSigned: SupervisionRecord | null; // awaiting the student, when the demo has one today
  openAction: { action: Action; recordStatus: RecordStatus } | null; // an action still open: marked DONE and back to OPEN by those who may
};

let baseURL: string;
const apis = new Map<string, APIRequestContext>();
const targets = {} as Record<Target, TargetInfo>;
let isaacPlacementId: string;

const api = (email: string) => apis.get(email)!;
const admin = () => api(DEMO.admin);

async function getLog(client: APIRequestContext, placementId: string): Promise<SupervisionLog> {
  const response = await client.get(`/api/v1/placements/${placementId}/supervision`);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

async function getRecord(client: APIRequestContext, recordId: string): Promise<RecordView> {
  const response = await client.get(`/api/v1/supervision/${recordId}`);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** A new session as the POST wants it. */
function sessionBody(overrides: Record<string, unknown> = {}) {
  return {
    heldOn: todayInUk(),
    startTime: "09:30",
    durationMinutes: 60,
    type: "FORMAL",
    attendedPracticeEducator: true,
    attendedOnsiteSupervisor: false,
    attendedStudent: true,
    otherAttendees: "",
    agenda: "1. Check-in\n2. Case discussion: C-0000",
    caseDiscussion: "Recorded by the supervision access-control e2e test.",
    reflectionAndLearning: "",
    wellbeingAndWorkload: "",
    pcfDomains: ["VALUES_AND_ETHICS"],
    actions: [],
    ...overrides,
  };
}

/** The PATCH body that repeats a record's notes as they are, at `version`. */
function notesBody(record: SupervisionRecord, version: number, overrides: Record<string, unknown> = {}) {
  return {
    heldOn: record.heldOn,
    startTime: record.startTime,
    durationMinutes: record.durationMinutes,
    type: record.type,
    attendedPracticeEducator: record.attendedPracticeEducator,
    attendedOnsiteSupervisor: record.attendedOnsiteSupervisor,
    attendedStudent: record.attendedStudent,
    otherStudentIds: record.otherStudents.flatMap((student) => (student.id ? [student.id] : [])),
    otherAttendees: record.otherAttendees.join("\n"),
    agenda: record.agenda,
    caseDiscussion: record.caseDiscussion,
    reflectionAndLearning: record.reflectionAndLearning,
    wellbeingAndWorkload: record.wellbeingAndWorkload,
    pcfDomains: record.pcfDomains,
    actions: record.actions.map((action) => ({
      id: action.id,
      description: action.description,
      owner: action.owner,
      dueDate: action.dueDate,
    })),
    version,
    ...overrides,
  };
}

/** A version number that is not the record's current one. */
const staleVersion = (current: number) => (current > 1 ? current - 1 : current + 1);

test.beforeAll(async ({}, testInfo) => {
  baseURL = testInfo.project.use.baseURL!;
  for (const email of new Set([...ROLES.map((role) => role.email), GRACE_EMAIL]))
    apis.set(email, await apiAs(baseURL, email));

  const placementIds = {
    amira: await placementIdOf(admin(), TARGETS.amira),
    daniel: await placementIdOf(admin(), TARGETS.daniel),
  };
  isaacPlacementId = await placementIdOf(admin(), "Isaac Mensah");

  // Daniel's latest seeded record is a draft on some days and not on others: the matrix brings its own (once per run).
  let danielLog = await getLog(admin(), placementIds.daniel);
  let matrixDraft = danielLog.records.find(
    (record) => record.agenda === MATRIX_DRAFT_AGENDA && record.status === "DRAFT",
  );
  if (!matrixDraft) {
    const body = sessionBody({
      agenda: MATRIX_DRAFT_AGENDA,
      actions: [
        {
          description: "Access-control e2e: an action the matrix marks done and reopens",
          owner: "STUDENT",
          dueDate: addDays(todayInUk(), 7),
        },
      ],
    });
    const created = await api(DEMO.peTom).post(`/api/v1/placements/${placementIds.daniel}/supervision`, { data: body });
    expect(created.status(), await created.text()).toBe(201);
    danielLog = await getLog(admin(), placementIds.daniel);
    matrixDraft = danielLog.records.find(
      (record) => record.agenda === MATRIX_DRAFT_AGENDA && record.status === "DRAFT",
    );
  }
  expect(matrixDraft, "the matrix's draft on Daniel's placement").toBeTruthy();

  for (const key of ["amira", "daniel"] as const) {
    const log = key === "daniel" ? danielLog : await getLog(admin(), placementIds[key]);
    const draft = key === "daniel" ? matrixDraft! : log.records.filter((record) => record.status === "DRAFT").at(-1);
    const signed = log.records.find((record) => record.status === "SIGNED" && record.actions.length > 0);
    expect(draft, `a draft on ${TARGETS[key]}'s placement`).toBeTruthy();
    expect(signed, `a signed record with actions on ${TARGETS[key]}'s placement`).toBeTruthy();
    const withOpen =
      key === "daniel"
        ? draft!
        : log.records.findLast((record) => record.actions.some((action) => action.status === "OPEN"));
    const open = withOpen?.actions.find((action) => action.status === "OPEN");
    targets[key] = {
      placementId: placementIds[key],
      draft: draft!,
      signed: signed!,
      peSigned: log.records.filter((record) => record.status === "PE_SIGNED").at(-1) ?? null,
      openAction: open ? { action: open, recordStatus: withOpen!.status } : null,
    };
  }
});

test.afterAll(async () => {
  // A context's trace may already have been written away with an (expected) failure's artifacts: disposing then is best effort.
  for (const client of apis.values()) await client.dispose().catch(() => undefined);
});

/** Collects every status that differs from the matrix, so one failure shows the whole row. */
class Matrix {
  readonly problems: string[] = [];
  async expect(what: string, response: APIResponse, expected: number) {
    const actual = response.status();
    if (actual !== expected) {
      const body = (await response.text()).slice(0, 200).replace(/\s+/g, " ");
      this.problems.push(`${what}: expected ${expected}, got ${actual} ${body}`);
    }
    return actual === expected;
  }
  expectEqual(what: string, actual: unknown, expected: unknown) {
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      this.problems.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Read or not: 200, else 404 (a record or placement you cannot read does not exist for you). */
const readStatus = (allowed: boolean) => (allowed ? 200 : 404);
/** A write: `writer` if you may, 403 if you can read but may not, 404 if you cannot read. */
const writeStatus = (mayWrite: boolean, canRead: boolean, writer: number) => (mayWrite ? writer : canRead ? 403 : 404);

for (const role of ROLES) {
  test(`supervision access matrix: ${role.label}`, async () => {
    const client = api(role.email);
    const matrix = new Matrix();

    for (const key of ["amira", "daniel"] as const) {
      const relation = role.relation[key];
      const { placementId, draft, signed, peSigned, openAction } = targets[key];
      const at = (what: string) => `${what} (${TARGETS[key]}'s placement)`;
      const isPe = relation === "currentPe";
      const isStudent = relation === "student";

      // The log: everything for readers, signed records only for the tutor (with the rest counted as hidden), 404 for everyone else.
      const adminLog = await getLog(admin(), placementId);
      const logResponse = await client.get(`/api/v1/placements/${placementId}/supervision`);
      if (
        (await matrix.expect(
          at("GET /api/v1/placements/:id/supervision"),
          logResponse,
          readStatus(readsSigned(relation)),
        )) &&
        readsSigned(relation)
      ) {
        const log: SupervisionLog = await logResponse.json();
        const expected =
          relation === "tutor" ? adminLog.records.filter((record) => record.status === "SIGNED") : adminLog.records;
        matrix.expectEqual(
          at("record ids in the log"),
          log.records.map((record) => record.id),
          expected.map((record) => record.id),
        );
        matrix.expectEqual(
          at("hiddenRecords in the log"),
          log.hiddenRecords,
          adminLog.records.length - expected.length,
        );
        if (relation === "tutor") {
          matrix.expectEqual(
            at("statuses in the tutor's log"),
            [...new Set(log.records.map((record) => record.status))],
            ["SIGNED"],
          );
          if (log.hiddenRecords === 0)
            matrix.problems.push(at("the tutor's log hides nothing, but the placement has unsigned records"));
        }
      }

      // One record of each kind: the draft, one awaiting the student (when there is one today) and one both have signed.
      const records: Array<[string, SupervisionRecord]> = [
        ["draft", draft],
        ["signed record", signed],
      ];
      if (peSigned) records.push(["record awaiting the student", peSigned]);
      for (const [name, record] of records) {
        const response = await client.get(`/api/v1/supervision/${record.id}`);
        const canRead = reads(relation, record.status);
        if (
          (await matrix.expect(at(`GET /api/v1/supervision/:id (${name})`), response, readStatus(canRead))) &&
          canRead
        ) {
          const view: RecordView = await response.json();
          matrix.expectEqual(at(`status of the ${name}`), view.record.status, record.status);
          matrix.expectEqual(at(`permissions on the ${name}`), view.permissions, {
            canEditNotes: isPe && record.status === "DRAFT",
            canSignAsPracticeEducator: isPe && record.status === "DRAFT",
            canEditReflection: isStudent && record.status !== "SIGNED",
            canSignAsStudent: isStudent && record.status === "PE_SIGNED",
            canAddAddendum: (isPe || isStudent) && record.status !== "DRAFT",
            canUpdateActions: isPe || isStudent,
            // Dropping an action agreed with the PE is the PE's decision alone.
            canDropActions: isPe,
          });
        }
      }

      const draftReadable = reads(relation, "DRAFT");
      const signedReadable = reads(relation, "SIGNED");

      // Notes: only the current PE, only on a draft. The body is at a version that is not the current one, so nothing changes.
      const patchDraft = await client.patch(`/api/v1/supervision/${draft.id}`, {
        data: notesBody(draft, staleVersion(draft.version)),
      });
      if (
        (await matrix.expect(
          at("PATCH draft at another version"),
          patchDraft,
          writeStatus(isPe, draftReadable, 409),
        )) &&
        isPe
      ) {
        matrix.expectEqual(
          at("the stale PATCH reports the current version"),
          (await patchDraft.json()).error?.details?.currentVersion,
          draft.version,
        );
      }
      const patchSigned = await client.patch(`/api/v1/supervision/${signed.id}`, {
        data: notesBody(signed, staleVersion(signed.version)),
      });
      await matrix.expect(at("PATCH signed record"), patchSigned, writeStatus(isPe, signedReadable, 409));

      // The student's reflection: only the student, until they sign. A stale reflectionVersion on the draft; the signed record is locked.
      const reflectionDraft = await client.put(`/api/v1/supervision/${draft.id}/student-reflection`, {
        data: { studentReflection: draft.studentReflection, reflectionVersion: staleVersion(draft.reflectionVersion) },
      });
      await matrix.expect(
        at("PUT reflection on the draft at another reflectionVersion"),
        reflectionDraft,
        writeStatus(isStudent, draftReadable, 409),
      );
      const reflectionSigned = await client.put(`/api/v1/supervision/${signed.id}/student-reflection`, {
        data: { studentReflection: signed.studentReflection, reflectionVersion: signed.reflectionVersion },
      });
      await matrix.expect(
        at("PUT reflection on the signed record"),
        reflectionSigned,
        writeStatus(isStudent, signedReadable, 409),
      );

      // Signatures: signing a record both have signed is signing twice (409) for the PE and the student alike.
      await matrix.expect(
        at("POST signatures on the signed record"),
        await client.post(`/api/v1/supervision/${signed.id}/signatures`),
        writeStatus(isPe || isStudent, signedReadable, 409),
      );
      // On the draft the PE's signature would count: the life-of-a-record test signs one. The student may not sign before the PE (409).
      if (!isPe) {
        await matrix.expect(
          at("POST signatures on the draft"),
          await client.post(`/api/v1/supervision/${draft.id}/signatures`),
          writeStatus(isStudent, draftReadable, 409),
        );
      }

      // Addenda: a draft is edited, not corrected (409 for the PE and the student); on the signed record only others are tried with a real text.
      const addendum = { text: "Access-control e2e: this addendum must not be saved" };
      await matrix.expect(
        at("POST addenda on the draft"),
        await client.post(`/api/v1/supervision/${draft.id}/addenda`, { data: addendum }),
        writeStatus(isPe || isStudent, draftReadable, 409),
      );
      if (isPe || isStudent) {
        await matrix.expect(
          at("POST addenda on the signed record with an empty text"),
          await client.post(`/api/v1/supervision/${signed.id}/addenda`, { data: { text: " " } }),
          422,
        );
      } else {
        await matrix.expect(
          at("POST addenda on the signed record"),
          await client.post(`/api/v1/supervision/${signed.id}/addenda`, { data: addendum }),
          signedReadable ? 403 : 404,
        );
      }

      // Agreed actions: the current PE and the student. An open action is marked done and reopened (as it was); others send OPEN, which changes nothing.
      const signedAction = signed.actions[0];
      if (isPe || isStudent) {
        await matrix.expect(
          at("PATCH an action of the signed record with an unknown status"),
          await client.patch(`/api/v1/supervision-actions/${signedAction.id}`, { data: { status: "FINISHED" } }),
          422,
        );
      } else {
        await matrix.expect(
          at("PATCH an action of the signed record"),
          await client.patch(`/api/v1/supervision-actions/${signedAction.id}`, {
            data: { status: signedAction.status },
          }),
          signedReadable ? 403 : 404,
        );
      }
      if (openAction) {
        const url = `/api/v1/supervision-actions/${openAction.action.id}`;
        const canReadIt = reads(relation, openAction.recordStatus);
        if (isPe || isStudent) {
          const done = await client.patch(url, { data: { status: "DONE" } });
          if (await matrix.expect(at("PATCH an open action to DONE"), done, 200)) {
            const reopened = await client.patch(url, { data: { status: "OPEN" } });
            await matrix.expect(at("PATCH the action back to OPEN"), reopened, 200);
          }
        } else {
          await matrix.expect(
            at("PATCH an open action"),
            await client.patch(url, { data: { status: "OPEN" } }),
            canReadIt ? 403 : 404,
          );
        }
      }

      // Recording a session: only the current PE. A session dated tomorrow passes validation but fails the date check made after the access checks.
      const future = sessionBody({ heldOn: addDays(todayInUk(), 1) });
      const posted = await client.post(`/api/v1/placements/${placementId}/supervision`, { data: future });
      if (
        (await matrix.expect(
          at("POST a session dated tomorrow"),
          posted,
          writeStatus(isPe, readsSigned(relation), 422),
        )) &&
        isPe
      ) {
        matrix.expectEqual(
          at("the field the future date is reported on"),
          Object.keys((await posted.json()).error?.fields ?? {}),
          ["heldOn"],
        );
      }

      // Nothing above changed a record: the admin sees the log exactly as before.
      const after = await getLog(admin(), placementId);
      matrix.expectEqual(
        at("records (id, status, version, reflectionVersion, addenda, actions) after the row"),
        summary(after),
        summary(adminLog),
      );
    }

    expect(matrix.problems, `statuses that differ from the supervision access matrix for the ${role.label}`).toEqual(
      [],
    );
  });
}

/** What the matrix must leave as it found it. */
function summary(log: SupervisionLog) {
  return log.records.map((record) => ({
    id: record.id,
    status: record.status,
    version: record.version,
    reflectionVersion: record.reflectionVersion,
    addenda: record.addenda.length,
    actions: record.actions.map((action) => `${action.id}:${action.status}:${action.completedAt ?? ""}`),
  }));
}

test("a record or log you may not read answers exactly like one that does not exist", async () => {
  const missingRecord = await admin().get("/api/v1/supervision/no-such-record");
  expect(missingRecord.status()).toBe(404);
  const missingRecordBody = await missingRecord.json();
  const missingLog = await admin().get("/api/v1/placements/no-such-placement/supervision");
  expect(missingLog.status()).toBe(404);

  const cases: Array<[string, string, string]> = [
    [DEMO.tutorSevernside, "Severnside tutor", targets.amira.draft.id],
    [DEMO.tutorThreeCounties, "Three Counties tutor", targets.daniel.draft.id],
    [DEMO.tutorThreeCounties, "Three Counties tutor", targets.amira.signed.id],
    [DEMO.onsite, "on-site supervisor", targets.amira.signed.id],
    [DEMO.studentChloe, "another student", targets.amira.signed.id],
    [DEMO.pe, "another placement's PE", targets.daniel.signed.id],
  ];
  for (const [email, who, recordId] of cases) {
    const response = await api(email).get(`/api/v1/supervision/${recordId}`);
    expect(response.status(), `${who} asking for ${recordId}`).toBe(404);
    const text = await response.text();
    expect(JSON.parse(text), `${who}: the same answer as for no record`).toEqual(missingRecordBody);
    expect(text, `${who}: no student's name in the answer`).not.toMatch(/Amira|Daniel/);
  }

  // The on-site supervisor cannot open Amira's log either, though they can open her placement.
  expect((await api(DEMO.onsite).get(`/api/v1/placements/${targets.amira.placementId}`)).status()).toBe(200);
  const onsiteLog = await api(DEMO.onsite).get(`/api/v1/placements/${targets.amira.placementId}/supervision`);
  expect(onsiteLog.status()).toBe(404);
  expect(await onsiteLog.text()).not.toContain("Amira");
});

test("recording a session: a future date, a length of 0 or 481 minutes, or a date before the placement is a 422 and nothing is created", async () => {
  const tom = api(DEMO.peTom);
  const { placementId, draft } = targets.daniel;
  const before = await getLog(admin(), placementId);
  const beforeTom = await getLog(tom, placementId);
  expect(beforeTom.records.length).toBe(before.records.length);
  const placement = (await (await admin().get(`/api/v1/placements/${placementId}`)).json()).placement as {
    startDate: string;
  };

  const bad: Array<[string, Record<string, unknown>, string]> = [
    ["a session dated tomorrow", { heldOn: addDays(todayInUk(), 1) }, "heldOn"],
    ["a session a year ahead", { heldOn: addDays(todayInUk(), 365) }, "heldOn"],
    ["a session of 0 minutes", { durationMinutes: 0 }, "durationMinutes"],
    ["a session of 481 minutes", { durationMinutes: 481 }, "durationMinutes"],
    ["a session before the placement started", { heldOn: addDays(placement.startDate, -1) }, "heldOn"],
  ];
  for (const [what, overrides, field] of bad) {
    const response = await tom.post(`/api/v1/placements/${placementId}/supervision`, { data: sessionBody(overrides) });
    expect(response.status(), what).toBe(422);
    expect(Object.keys((await response.json()).error?.fields ?? {}), `${what}: the field reported`).toEqual([field]);
  }

  // The same checks on a draft's PATCH, at the current version: refused, and the version does not move.
  for (const [what, overrides, field] of bad) {
    const response = await tom.patch(`/api/v1/supervision/${draft.id}`, {
      data: notesBody(draft, draft.version, overrides),
    });
    expect(response.status(), `PATCH with ${what}`).toBe(422);
    expect(Object.keys((await response.json()).error?.fields ?? {}), `PATCH with ${what}: the field reported`).toEqual([
      field,
    ]);
  }

  const after = await getLog(admin(), placementId);
  expect(after.records.length, "records on Daniel's placement after the refused sessions").toBe(before.records.length);
  expect(summary(after)).toEqual(summary(before));
  expect((await getLog(tom, placementId)).records.length).toBe(beforeTom.records.length);

  // A placement that is not active takes no new sessions, even from its own PE (Grace, Isaac Mensah's suspended placement).
  const isaacBefore = await getLog(admin(), isaacPlacementId);
  const suspended = await api(GRACE_EMAIL).post(`/api/v1/placements/${isaacPlacementId}/supervision`, {
    data: sessionBody({ heldOn: addDays(todayInUk(), -1) }),
  });
  expect(suspended.status(), await suspended.text()).toBe(409);
  expect((await getLog(admin(), isaacPlacementId)).records.length).toBe(isaacBefore.records.length);
});

/** The record the life-of-a-record test takes through sign-off (made by it), for the carried-forward test. */
let lifecycleRecordId: string | null = null;

test("the life of a record: only the current PE writes and signs first, only the student reflects and signs second, signing twice is a 409", async () => {
  const tom = api(DEMO.peTom);
  const owen = api(DEMO.peOwen);
  const daniel = api(DANIEL_EMAIL);
  const tutor = api(DEMO.tutorThreeCounties);
  const { placementId } = targets.daniel;
  const url = (suffix = "") => `/api/v1/supervision/${recordId}${suffix}`;

  const before = await getLog(admin(), placementId);
  const tutorBefore = await getLog(tutor, placementId);

  // Only the current PE records a session.
  for (const [who, client, expected] of [
    ["the former PE", owen, 403],
    ["the student", daniel, 403],
    ["the admin", admin(), 403],
    ["the tutor", tutor, 403],
    ["another student", api(DEMO.studentAmira), 404],
  ] as const) {
    const refused = await client.post(`/api/v1/placements/${placementId}/supervision`, { data: sessionBody() });
    expect(refused.status(), `${who} recording a session`).toBe(expected);
  }
  expect((await getLog(admin(), placementId)).records.length).toBe(before.records.length);

  const created = await tom.post(`/api/v1/placements/${placementId}/supervision`, {
    data: sessionBody({ agenda: "Access-control e2e: the life of a record" }),
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: recordId, version } = await created.json();
  lifecycleRecordId = recordId;
  expect(version).toBe(1);
  expect((await getLog(admin(), placementId)).records.length).toBe(before.records.length + 1);
  const tutorWithDraft = await getLog(tutor, placementId);
  expect(tutorWithDraft.records.map((record) => record.id)).toEqual(tutorBefore.records.map((record) => record.id));
  expect(tutorWithDraft.hiddenRecords).toBe(tutorBefore.hiddenRecords + 1);
  expect((await tutor.get(url())).status(), "the tutor asking for the new draft").toBe(404);
  expect((await owen.get(url())).status(), "the former PE reading the new draft").toBe(200);

  // Notes: the current PE only.
  const draft = (await getRecord(tom, recordId)).record;
  for (const [who, client] of [
    ["the former PE", owen],
    ["the student", daniel],
    ["the admin", admin()],
  ] as const) {
    const refused = await client.patch(url(), {
      data: notesBody(draft, draft.version, { agenda: `Changed by ${who}` }),
    });
    expect(refused.status(), `${who} editing the notes`).toBe(403);
  }
  const edited = await tom.patch(url(), {
    data: notesBody(draft, draft.version, { wellbeingAndWorkload: "Manageable; agreed a writing afternoon." }),
  });
  expect(edited.status(), await edited.text()).toBe(200);
  expect(await edited.json()).toEqual({ id: recordId, version: 2 });
  const stale = await tom.patch(url(), { data: notesBody(draft, 1, { agenda: "A second window" }) });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.details).toMatchObject({ currentVersion: 2, changedBy: ["Tom Fletcher"] });

  // The student may not sign before the PE; nobody else signs at all.
  expect((await daniel.post(url("/signatures"))).status(), "the student signing the draft").toBe(409);
  expect((await owen.post(url("/signatures"))).status(), "the former PE signing").toBe(403);
  expect((await admin().post(url("/signatures"))).status(), "the admin signing").toBe(403);
  expect((await tutor.post(url("/signatures"))).status(), "the tutor signing a draft").toBe(404);

  // The reflection is the student's only (403 for the PEs and the admin), with its own version.
  for (const [who, client] of [
    ["the current PE", tom],
    ["the former PE", owen],
    ["the admin", admin()],
  ] as const) {
    const refused = await client.put(url("/student-reflection"), {
      data: { studentReflection: `Written by ${who}`, reflectionVersion: 1 },
    });
    expect(refused.status(), `${who} writing the student's reflection`).toBe(403);
  }

  // The PE signs first, once.
  const peSigned = await tom.post(url("/signatures"));
  expect(peSigned.status(), await peSigned.text()).toBe(200);
  expect(await peSigned.json()).toEqual({ id: recordId, status: "PE_SIGNED" });
  expect((await tom.post(url("/signatures"))).status(), "the PE signing twice").toBe(409);
  expect((await tom.patch(url(), { data: notesBody(draft, 2) })).status(), "editing notes after the PE signed").toBe(
    409,
  );
  expect((await tutor.get(url())).status(), "the tutor asking for a record awaiting the student").toBe(404);

  // The student cannot sign without a reflection (or a disagreement), writes one, and signs once.
  const unreflected = await daniel.post(url("/signatures"));
  expect(unreflected.status(), "the student signing without a reflection").toBe(422);
  expect(Object.keys((await unreflected.json()).error?.fields ?? {})).toEqual(["studentReflection"]);
  const reflection = "I learned to slow down and let the child lead the session.";
  const reflected = await daniel.put(url("/student-reflection"), {
    data: { studentReflection: reflection, reflectionVersion: 1 },
  });
  expect(reflected.status(), await reflected.text()).toBe(200);
  expect(await reflected.json()).toEqual({ id: recordId, reflectionVersion: 2 });
  expect(
    (
      await daniel.put(url("/student-reflection"), {
        data: { studentReflection: "From an old window", reflectionVersion: 1 },
      })
    ).status(),
    "a stale reflection",
  ).toBe(409);
  expect((await owen.post(url("/signatures"))).status(), "the former PE signing second").toBe(403);
  expect((await tutor.post(url("/signatures"))).status(), "the tutor signing a record awaiting the student").toBe(404);
  const signed = await daniel.post(url("/signatures"));
  expect(signed.status(), await signed.text()).toBe(200);
  expect(await signed.json()).toEqual({ id: recordId, status: "SIGNED" });
  expect((await daniel.post(url("/signatures"))).status(), "the student signing twice").toBe(409);
  expect((await tom.post(url("/signatures"))).status(), "the PE signing a signed record").toBe(409);
  expect(
    (
      await daniel.put(url("/student-reflection"), {
        data: { studentReflection: "After signing", reflectionVersion: 2 },
      })
    ).status(),
    "the reflection after signing",
  ).toBe(409);

  // Signed: the tutor can read it now, and the log hides one record fewer.
  expect((await tutor.get(url())).status(), "the tutor reading the signed record").toBe(200);
  const tutorAfter = await getLog(tutor, placementId);
  expect(tutorAfter.records.map((record) => record.id)).toContain(recordId);
  expect(tutorAfter.hiddenRecords).toBe(tutorBefore.hiddenRecords);

  // Corrections are addenda, by the current PE or the student.
  for (const [who, client] of [
    ["the former PE", owen],
    ["the admin", admin()],
    ["the tutor", tutor],
    ["another student", api(DEMO.studentChloe)],
  ] as const) {
    const refused = await client.post(url("/addenda"), { data: { text: `A correction by ${who}` } });
    expect(refused.status(), `${who} adding an addendum`).toBe(who === "another student" ? 404 : 403);
  }
  const added = await daniel.post(url("/addenda"), {
    data: { text: "I meant the school's pastoral lead, not the DSL." },
  });
  expect(added.status(), await added.text()).toBe(201);

  const final = (await getRecord(admin(), recordId)).record;
  expect(final).toMatchObject({
    status: "SIGNED",
    version: 2,
    reflectionVersion: 2,
    studentReflection: reflection,
    wellbeingAndWorkload: "Manageable; agreed a writing afternoon.",
    authorName: "Tom Fletcher",
    peSignedByName: "Tom Fletcher",
    studentSignedByName: "Daniel Okafor",
  });
  expect(final.addenda.map((addendum) => [addendum.authorName, addendum.text])).toEqual([
    ["Daniel Okafor", "I meant the school's pastoral lead, not the DSL."],
  ]);
});

test("a tutor reading a signed record is not shown actions carried forward from records they may not read", async () => {
  const tutor = api(DEMO.tutorThreeCounties);
  const { placementId, draft } = targets.daniel;
  // A record both have signed, held on or after the matrix draft (which has an open action): the life-of-a-record test's.
  const log = await getLog(admin(), placementId);
  const signedAfterDraft =
    log.records.find((record) => record.id === lifecycleRecordId) ??
    log.records.find((record) => record.status === "SIGNED" && record.heldOn >= draft.heldOn);
  expect(signedAfterDraft, "a signed record held on or after the matrix draft").toBeTruthy();
  expect(
    draft.actions.some((action) => action.status === "OPEN"),
    "the draft has an open action",
  ).toBe(true);

  const readable = new Set(
    (await getLog(tutor, placementId)).records.flatMap((record) => record.actions.map((action) => action.id)),
  );
  const view = await getRecord(tutor, signedAfterDraft!.id);
  const unreadable = view.carriedForward
    .filter((action) => !readable.has(action.id))
    .map((action) => action.description);
  expect(unreadable, "actions carried forward to the tutor from records they cannot read").toEqual([]);
});

test("without a session every supervision route answers 401 and nothing changes", async () => {
  const anonymous = await anonymousApi(baseURL);
  const { placementId, draft, signed } = targets.amira;
  const before = await getLog(admin(), placementId);
  try {
    const calls: Array<[string, () => Promise<APIResponse>]> = [
      ["GET /api/v1/placements/:id/supervision", () => anonymous.get(`/api/v1/placements/${placementId}/supervision`)],
      [
        "POST /api/v1/placements/:id/supervision",
        () => anonymous.post(`/api/v1/placements/${placementId}/supervision`, { data: sessionBody() }),
      ],
      ["GET /api/v1/supervision/:id (draft)", () => anonymous.get(`/api/v1/supervision/${draft.id}`)],
      ["GET /api/v1/supervision/:id (signed)", () => anonymous.get(`/api/v1/supervision/${signed.id}`)],
      [
        "PATCH /api/v1/supervision/:id",
        () => anonymous.patch(`/api/v1/supervision/${draft.id}`, { data: notesBody(draft, draft.version) }),
      ],
      [
        "PUT /api/v1/supervision/:id/student-reflection",
        () =>
          anonymous.put(`/api/v1/supervision/${draft.id}/student-reflection`, {
            data: { studentReflection: "x", reflectionVersion: draft.reflectionVersion },
          }),
      ],
      ["POST /api/v1/supervision/:id/signatures", () => anonymous.post(`/api/v1/supervision/${draft.id}/signatures`)],
      [
        "POST /api/v1/supervision/:id/addenda",
        () => anonymous.post(`/api/v1/supervision/${signed.id}/addenda`, { data: { text: "x" } }),
      ],
      [
        "PATCH /api/v1/supervision-actions/:id",
        () => anonymous.patch(`/api/v1/supervision-actions/${signed.actions[0].id}`, { data: { status: "OPEN" } }),
      ],
    ];
    for (const [what, call] of calls) {
      const response = await call();
      expect(response.status(), what).toBe(401);
      expect(await response.json(), what).toEqual({
        error: { code: "unauthenticated", message: "Sign in to continue." },
      });
    }
  } finally {
    await anonymous.dispose();
  }
  expect(summary(await getLog(admin(), placementId))).toEqual(summary(before));
});

test("names crossing universities: a tutor reads other universities' students at group supervision only as a role, in the API and the print view", async () => {
  test.setTimeout(120_000);
  const tom = api(DEMO.peTom);
  const daniel = api(DANIEL_EMAIL);
  const tutor = api(DEMO.tutorThreeCounties); // Daniel's university
  const { placementId } = targets.daniel;

  // Tom records group supervision on Daniel's placement with Amira (Severnside) and Chloe (Three Counties) present.
  const choices = (await getRecord(tom, targets.daniel.draft.id)).otherStudentChoices;
  const amira = choices.find((student) => student.name === TARGETS.amira);
  const chloe = choices.find((student) => student.name === "Chloe Davies");
  expect(amira, "Amira among the students Tom may name").toBeTruthy();
  expect(chloe, "Chloe among the students Tom may name").toBeTruthy();
  const created = await tom.post(`/api/v1/placements/${placementId}/supervision`, {
    data: sessionBody({
      type: "GROUP",
      agenda: "Access-control e2e: group supervision with students of two universities",
      otherStudentIds: [amira!.id, chloe!.id],
    }),
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id: recordId } = await created.json();
  expect((await tom.post(`/api/v1/supervision/${recordId}/signatures`)).status()).toBe(200);
  const reflected = await daniel.put(`/api/v1/supervision/${recordId}/student-reflection`, {
    data: { studentReflection: "Hearing how others handle hostility helped.", reflectionVersion: 1 },
  });
  expect(reflected.status(), await reflected.text()).toBe(200);
  expect((await daniel.post(`/api/v1/supervision/${recordId}/signatures`)).status()).toBe(200);

  // The PE who ran the session reads both names.
  expect((await getRecord(tom, recordId)).record.otherStudents.map((student) => student.name).sort()).toEqual(
    ["Amira Hussain", "Chloe Davies"].sort(),
  );

  // The tutor: Chloe (their own university) by name, Amira as a role, with no id; her name is nowhere in the answer.
  const response = await tutor.get(`/api/v1/supervision/${recordId}`);
  expect(response.status()).toBe(200);
  const text = await response.text();
  const view: RecordView = JSON.parse(text);
  expect(view.record.otherStudents).toEqual(
    expect.arrayContaining([
      { id: null, name: "A student from another university" },
      { id: chloe!.id, name: "Chloe Davies" },
    ]),
  );
  expect(text).not.toContain("Amira");
  expect(text).not.toContain(amira!.id);
  const log = await tutor.get(`/api/v1/placements/${placementId}/supervision`);
  expect(await log.text()).not.toContain("Amira");

  // The print views (the record's and the whole log's) say the same.
  for (const path of [`/supervision/${recordId}/print`, `/placements/${placementId}/supervision/print`]) {
    const page = await tutor.get(path);
    expect(page.status(), path).toBe(200);
    const html = await page.text();
    expect(html, path).toContain("A student from another university");
    expect(html, path).toContain("Chloe Davies (student)");
    expect(html, path).not.toContain("Amira");
  }
});

test("hostile bodies and ids on every supervision write route are answered 4xx, never 500, and change nothing", async () => {
  const tom = api(DEMO.peTom);
  const { placementId, draft, signed } = targets.daniel;
  const before = summary(await getLog(admin(), placementId));
  const daniel = api(DANIEL_EMAIL);
  // Each route as someone who may use it: a body is only read once the caller may act.
  const routes: Array<[string, APIRequestContext, "post" | "patch" | "put", string]> = [
    ["record a session", tom, "post", `/api/v1/placements/${placementId}/supervision`],
    ["edit a draft", tom, "patch", `/api/v1/supervision/${draft.id}`],
    ["save a reflection", daniel, "put", `/api/v1/supervision/${draft.id}/student-reflection`],
    ["sign", tom, "post", `/api/v1/supervision/${draft.id}/signatures`],
    ["add an addendum", tom, "post", `/api/v1/supervision/${signed.id}/addenda`],
    ["set an action's status", tom, "patch", `/api/v1/supervision-actions/${signed.actions[0].id}`],
    ["set the arrangements", tom, "put", `/api/v1/placements/${placementId}/supervision-settings`],
  ];
  const bodies: Array<[string, string]> = [
    ["not JSON", "{"],
    ["a JSON string", JSON.stringify("hello")],
    ["a list", "[]"],
    ["a NUL in every field", JSON.stringify({ heldOn: "\u0000", text: "\u0000", status: "\u0000", version: "\u0000" })],
    ["huge numbers", JSON.stringify({ durationMinutes: 1e308, version: 1e308, supervisionEveryWeeks: 1e308 })],
    ["an unknown field", JSON.stringify({ sneaky: true })],
  ];
  for (const [what, client, method, url] of routes) {
    for (const [bodyName, body] of bodies) {
      const response = await client[method](url, { headers: { "Content-Type": "application/json" }, data: body });
      const status = response.status();
      expect(status >= 400 && status < 500, `${what} with ${bodyName}: ${status} ${await response.text()}`).toBe(true);
      expect((await response.json()).error.code, `${what} with ${bodyName}`).toMatch(/^(bad_request|validation)$/);
    }
  }
  // Ids that cannot be ids are not found, before any query.
  expect((await tom.post("/api/v1/supervision/%00/signatures", { data: {} })).status()).toBe(404);
  expect((await tom.patch("/api/v1/supervision-actions/a%00b", { data: { status: "DONE" } })).status()).toBe(404);
  expect(summary(await getLog(admin(), placementId))).toEqual(before);
});
