import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { addDays, anonymousApi, apiAs, DEMO, DEMO_STUDENTS, placementIdOf, todayInUk } from "./support";

// Children's records over HTTP (lib/access/children.ts): a child's identity
// (name, date of birth, family, referrals) is for the team manager, the
// child's currently allocated student and that student's PE; the on-site
// supervisor of a placement the child is allocated to sees the work by code
// only (name null); tutors, other students and other PEs see nothing (404, or
// an empty list). The names are read from the admin's view first, then every
// response any other role gets, from every route, is searched (as text) for
// the first and last names of the children that role may not identify.
//
// The demo names repeat across caseloads (Amira's Ethan Murphy and Chloe's
// Ethan Murphy are different children), so a role's forbidden words are the
// names of the children it may not identify minus the names of those it may;
// each response is also checked structurally (a non-null name only on a child
// the role may identify), which catches a leak hidden by a repeated name.
//
// Writes: none that last, apart from the audit rows every read of a name
// makes (VIEW) and the admin's one export (EXPORT). Writes are tried only with
// bodies refused after the access checks: an allocation that already exists
// (409), a referral received tomorrow (422), a suspended placement (409).

const GRACE_EMAIL = "grace.adeyemi@pop.example.org"; // PE of Chloe Davies (and of Isaac Mensah, suspended)

type ChildSummary = { id: string; code: string; name: string | null; dateOfBirth: string | null; label: string };
type AllocationRow = {
  id: string;
  child: ChildSummary;
  kind: "DIRECT_WORK" | "ASSESSMENT" | "LIFE_STORY";
  status: "ACTIVE" | "ENDED";
  studentName: string;
  overseeingPeName: string;
  programmeId: string | null;
};
type ChildRecord = {
  child: ChildSummary;
  contacts: unknown[];
  referrals: unknown[];
  allocations: Array<{
    id: string;
    kind: string;
    status: string;
    studentName: string;
    programmeId: string | null;
    assessmentId: string | null;
    lifeStoryId: string | null;
  }>;
};
type Viewer = {
  at: string;
  actorName: string;
  actorRole: string | null;
  action: "VIEW" | "EXPORT";
  context: string | null;
};

type RoleSpec = {
  label: string;
  email: string;
  /** The active allocations through which the role may identify a child (and see the allocation). */
  identifies: (allocation: AllocationRow) => boolean;
  /** Allocations the role sees by the child's code only. */
  byCodeOnly?: (allocation: AllocationRow) => boolean;
  /** POST /api/v1/allocations of Amira's child to Amira (already allocated): 409 for those who may allocate there, else 403. */
  mayAllocateToAmira?: boolean;
  admin?: boolean;
};

const peOf = (name: string) => (allocation: AllocationRow) => allocation.overseeingPeName === name;
const studentIs =
  (...names: string[]) =>
  (allocation: AllocationRow) =>
    names.includes(allocation.studentName);
const nobody = () => false;

const ROLES: RoleSpec[] = [
  { label: "admin", email: DEMO.admin, identifies: () => true, mayAllocateToAmira: true, admin: true },
  {
    label: "practice educator of Amira and Ella (Priya Shah)",
    email: DEMO.pe,
    identifies: peOf("Priya Shah"),
    mayAllocateToAmira: true,
  },
  {
    label: "practice educator of Ben, Daniel and Farah (Tom Fletcher)",
    email: DEMO.peTom,
    identifies: peOf("Tom Fletcher"),
  },
  { label: "practice educator of Chloe (Grace Adeyemi)", email: GRACE_EMAIL, identifies: peOf("Grace Adeyemi") },
  { label: "former practice educator of Daniel (Owen Pritchard)", email: DEMO.peOwen, identifies: nobody },
  {
    label: "on-site supervisor of Amira and Farah (Sam Rivers)",
    email: DEMO.onsite,
    identifies: nobody,
    byCodeOnly: studentIs("Amira Hussain", "Farah Begum"),
  },
  { label: "Severnside tutor (Amira's university)", email: DEMO.tutorSevernside, identifies: nobody },
  { label: "Three Counties tutor", email: DEMO.tutorThreeCounties, identifies: nobody },
  { label: "student Amira", email: DEMO.studentAmira, identifies: studentIs("Amira Hussain") },
  {
    label: "student Chloe (unrelated to Amira's children)",
    email: DEMO.studentChloe,
    identifies: studentIs("Chloe Davies"),
  },
];

/** Names in the demo that are not children's (staff, students, referrers) and may share a word with one (Grace Adeyemi, Owen Pritchard). */
const NOT_CHILDREN = [
  "Morgan Ellis",
  "Priya Shah",
  "Tom Fletcher",
  "Grace Adeyemi",
  "Owen Pritchard",
  "Sam Rivers",
  "Nadia Kowalski",
  "Dr Helen Marsh",
  "Dr Kwame Asante",
  ...DEMO_STUDENTS,
  "Mr Hughes",
  "Mrs Patel",
  "Jo Hartley",
];

type ChildInfo = { id: string; code: string; name: string; firstName: string; lastName: string };

let baseURL: string;
const apis = new Map<string, APIRequestContext>();
const children = new Map<string, ChildInfo>(); // every child of the team, as the admin sees them
let allocations: AllocationRow[] = []; // the team's active allocations, as the admin sees them
let amiraChildren: ChildInfo[] = [];
let chloeChildren: ChildInfo[] = [];
let target: ChildInfo; // one of Amira's children: the child of the export, viewers, referral and allocation checks
let targetAllocation: AllocationRow;
let placements: { amira: string; chloe: string; isaac: string };
let notFoundChild: unknown;

const api = (email: string) => apis.get(email)!;
const admin = () => api(DEMO.admin);

async function json<T>(response: APIResponse, what: string): Promise<T> {
  expect(response.status(), `${what}: ${(await response.text()).slice(0, 200)}`).toBe(200);
  return response.json();
}

test.beforeAll(async ({}, testInfo) => {
  baseURL = testInfo.project.use.baseURL!;
  for (const email of new Set(ROLES.map((role) => role.email))) apis.set(email, await apiAs(baseURL, email));

  // The admin sees every child's name: the words no one else may see.
  const list = (await json<{ children: ChildSummary[] }>(await admin().get("/api/v1/children"), "the admin's children"))
    .children;
  for (const child of list) {
    expect(child.name, `the admin sees ${child.code}'s name`).toBeTruthy();
    const [firstName, ...rest] = child.name!.split(" ");
    children.set(child.id, { id: child.id, code: child.code, name: child.name!, firstName, lastName: rest.join(" ") });
  }
  allocations = (
    await json<{ allocations: AllocationRow[] }>(await admin().get("/api/v1/allocations"), "the admin's caseload view")
  ).allocations;
  const caseloadOf = (student: string) =>
    [...new Set(allocations.filter((row) => row.studentName === student).map((row) => row.child.id))]
      .map((id) => children.get(id)!)
      .sort((a, b) => a.code.localeCompare(b.code));
  amiraChildren = caseloadOf("Amira Hussain");
  chloeChildren = caseloadOf("Chloe Davies");
  expect(amiraChildren.length, "Amira's caseload").toBeGreaterThan(2);
  expect(chloeChildren.length, "Chloe's caseload").toBeGreaterThan(2);
  // The target: the child of Amira's whose first and last names are shared by the fewest other children (the demo repeats names).
  const sharing = (child: ChildInfo) =>
    [...children.values()].filter(
      (other) =>
        other.id !== child.id &&
        [other.firstName, other.lastName].some((word) => word === child.firstName || word === child.lastName),
    ).length;
  target = [...amiraChildren].sort((a, b) => sharing(a) - sharing(b) || a.code.localeCompare(b.code))[0];
  targetAllocation = allocations.find((row) => row.child.id === target.id && row.studentName === "Amira Hussain")!;

  placements = {
    amira: await placementIdOf(admin(), "Amira Hussain"),
    chloe: await placementIdOf(admin(), "Chloe Davies"),
    isaac: await placementIdOf(admin(), "Isaac Mensah"),
  };
  const missing = await admin().get("/api/v1/children/no-such-child");
  expect(missing.status()).toBe(404);
  notFoundChild = await missing.json();
});

test.afterAll(async () => {
  for (const client of apis.values()) await client.dispose().catch(() => undefined);
});

/** What a role may see: the children it may identify, those it sees by code, and the allocations. */
function scopeOf(role: RoleSpec) {
  const seen = allocations.filter((row) => role.identifies(row) || role.byCodeOnly?.(row));
  const identifiable = new Set(
    role.admin ? [...children.keys()] : allocations.filter(role.identifies).map((row) => row.child.id),
  );
  const visible = new Set([...identifiable, ...seen.map((row) => row.child.id)]);
  // Forbidden words: the names of children the role may not identify, less any name it legitimately sees on a child it may identify.
  const allowedWords = new Set(
    [...identifiable].flatMap((id) => [children.get(id)!.firstName, children.get(id)!.lastName]),
  );
  const forbidden = [
    ...new Set(
      [...children.values()]
        .filter((child) => !identifiable.has(child.id))
        .flatMap((child) => [child.firstName, child.lastName]),
    ),
  ].filter((word) => !allowedWords.has(word));
  return { identifiable, visible, allocationIds: seen.map((row) => row.id).sort(), forbidden };
}

/** Children's names found in a response, after removing the names of staff, students and referrers. */
function namesIn(text: string, forbidden: string[]) {
  let cleaned = text;
  for (const name of NOT_CHILDREN) cleaned = cleaned.split(name).join(" ");
  return forbidden.filter((word) => new RegExp(`\\b${word}\\b`).test(cleaned));
}

/** Collects every difference, so one failure shows the whole row. */
class Findings {
  readonly problems: string[] = [];
  constructor(private readonly forbidden: string[]) {}
  /** Checks the status and that the body names no child the role may not identify; returns the body text. */
  async check(what: string, response: APIResponse, expected: number | number[]) {
    const text = await response.text();
    const allowed = Array.isArray(expected) ? expected : [expected];
    if (!allowed.includes(response.status()))
      this.problems.push(
        `${what}: expected ${allowed.join(" or ")}, got ${response.status()} ${text.slice(0, 200).replace(/\s+/g, " ")}`,
      );
    const leaked = namesIn(text, this.forbidden);
    if (leaked.length)
      this.problems.push(`${what}: the answer contains children's names the role may not see: ${leaked.join(", ")}`);
    return text;
  }
  equal(what: string, actual: unknown, expected: unknown) {
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      this.problems.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  /** A child as presented to this role: the admin's name where the role may identify them, otherwise null. */
  presented(what: string, child: ChildSummary, identifiable: Set<string>) {
    const expectedName = identifiable.has(child.id) ? children.get(child.id)!.name : null;
    if (child.name !== expectedName)
      this.problems.push(
        `${what}: ${child.code} is shown as ${JSON.stringify(child.name)}, expected ${JSON.stringify(expectedName)}`,
      );
    if (expectedName === null && (child.dateOfBirth !== null || child.label !== child.code))
      this.problems.push(`${what}: ${child.code} shows a date of birth or a named label`);
  }
}

const referralBody = (childId: string, receivedOn = todayInUk()) => ({
  childId,
  schoolId: null,
  receivedOn,
  referrerName: "Ms Example",
  referrerRole: "Class teacher",
  reason: "Access-control e2e: this referral must not be saved",
  parentConsent: "PENDING",
  parentConsentOn: null,
  childAgreement: false,
});

for (const role of ROLES) {
  test(`children access: ${role.label}`, async () => {
    const client = api(role.email);
    const { identifiable, visible, allocationIds, forbidden } = scopeOf(role);
    const findings = new Findings(forbidden);

    // The list: exactly the children the role may see, named only where it may identify them.
    const listText = await findings.check("GET /api/v1/children", await client.get("/api/v1/children"), 200);
    const list: ChildSummary[] = JSON.parse(listText).children ?? [];
    findings.equal("children in the list", list.map((child) => child.id).sort(), [...visible].sort());
    for (const child of list) findings.presented("the list", child, identifiable);

    // The caseload view: the allocations the role may see, the child named only where allowed.
    const caseloadText = await findings.check("GET /api/v1/allocations", await client.get("/api/v1/allocations"), 200);
    const caseload: AllocationRow[] = JSON.parse(caseloadText).allocations ?? [];
    findings.equal("allocations in the caseload view", caseload.map((row) => row.id).sort(), allocationIds);
    for (const row of caseload) findings.presented("the caseload view", row.child, identifiable);
    const endedText = await findings.check(
      "GET /api/v1/allocations?status=ENDED",
      await client.get("/api/v1/allocations?status=ENDED"),
      200,
    );
    for (const row of (JSON.parse(endedText).allocations ?? []) as AllocationRow[])
      findings.presented("the ended allocations", row.child, identifiable);

    // Search by name finds only children the role may identify; search by code finds a child the role may see, named only if allowed.
    const probes = [...new Map([...amiraChildren, ...chloeChildren].map((child) => [child.id, child])).values()];
    for (const word of [...new Set(probes.flatMap((child) => [child.firstName, child.lastName]))]) {
      const text = await findings.check(
        `GET /api/v1/children?q=${word}`,
        await client.get(`/api/v1/children?q=${encodeURIComponent(word)}`),
        200,
      );
      const found: ChildSummary[] = JSON.parse(text).children ?? [];
      const expected = [...children.values()].filter(
        (child) =>
          identifiable.has(child.id) &&
          (child.firstName.toLowerCase().includes(word.toLowerCase()) ||
            child.lastName.toLowerCase().includes(word.toLowerCase())),
      );
      findings.equal(
        `children found by the name ${word}`,
        found.map((child) => child.id).sort(),
        expected.map((child) => child.id).sort(),
      );
      for (const child of found) findings.presented(`search ${word}`, child, identifiable);
    }
    for (const probe of probes) {
      const text = await findings.check(
        `GET /api/v1/children?q=${probe.code}`,
        await client.get(`/api/v1/children?q=${probe.code}`),
        200,
      );
      const found: ChildSummary[] = JSON.parse(text).children ?? [];
      findings.equal(
        `children found by the code ${probe.code}`,
        found.map((child) => child.id),
        visible.has(probe.id) ? [probe.id] : [],
      );
      for (const child of found) findings.presented(`search ${probe.code}`, child, identifiable);
    }

    // One child's record: identity, family and referrals only for those who may identify; by code for the on-site supervisor; otherwise 404 like no child at all.
    for (const probe of probes) {
      const response = await client.get(`/api/v1/children/${probe.id}`);
      const text = await findings.check(
        `GET /api/v1/children/:id (${probe.code})`,
        response,
        visible.has(probe.id) ? 200 : 404,
      );
      if (response.status() === 200) {
        const record: ChildRecord = JSON.parse(text);
        findings.presented(`the record of ${probe.code}`, record.child, identifiable);
        if (!identifiable.has(probe.id))
          findings.equal(
            `family contacts and referrals of ${probe.code} shown by code`,
            [record.contacts.length, record.referrals.length],
            [0, 0],
          );
      } else if (response.status() === 404) {
        findings.equal(`the 404 for ${probe.code}`, JSON.parse(text), notFoundChild);
      }
    }

    // Export and who-viewed: the team manager's alone (403 for everyone else, whatever the child).
    for (const child of [target, chloeChildren[0]]) {
      await findings.check(
        `GET /api/v1/children/:id/export (${child.code})`,
        await client.get(`/api/v1/children/${child.id}/export`),
        role.admin ? 200 : 403,
      );
      await findings.check(
        `GET /api/v1/children/:id/viewers (${child.code})`,
        await client.get(`/api/v1/children/${child.id}/viewers`),
        role.admin ? 200 : 403,
      );
    }

    // A referral: the team manager's alone. The admin's is dated tomorrow, so it is refused after the access check.
    if (role.admin) {
      const refused = await client.post("/api/v1/referrals", {
        data: referralBody(target.id, addDays(todayInUk(), 1)),
      });
      const text = await findings.check("POST /api/v1/referrals received tomorrow", refused, 422);
      findings.equal("the field a future referral is reported on", Object.keys(JSON.parse(text).error?.fields ?? {}), [
        "receivedOn",
      ]);
    } else {
      await findings.check(
        "POST /api/v1/referrals",
        await client.post("/api/v1/referrals", { data: referralBody(target.id) }),
        403,
      );
    }

    // An allocation of Amira's child to Amira for the work she already does with them: a 409 for those who may allocate there, a 403 for everyone else.
    const allocation = {
      childIds: [target.id],
      placementId: placements.amira,
      kind: targetAllocation.kind,
      startDate: todayInUk(),
    };
    await findings.check(
      "POST /api/v1/allocations (already allocated)",
      await client.post("/api/v1/allocations", { data: allocation }),
      role.mayAllocateToAmira ? 409 : 403,
    );

    expect(findings.problems, `what the ${role.label} sees of children that differs from the rules`).toEqual([]);
  });
}

test("the allocated student and their PE see the names of their own caseloads only; the on-site supervisor sees codes only", async () => {
  const namesOf = (rows: ChildSummary[]) => rows.map((child) => `${child.code} ${child.name}`).sort();
  const expected = (...students: string[]) =>
    [...new Set(allocations.filter((row) => students.includes(row.studentName)).map((row) => row.child.id))]
      .map((id) => `${children.get(id)!.code} ${children.get(id)!.name}`)
      .sort();

  const amira = (
    await json<{ children: ChildSummary[] }>(await api(DEMO.studentAmira).get("/api/v1/children"), "Amira's children")
  ).children;
  expect(namesOf(amira), "Amira's list: her caseload, by name").toEqual(expected("Amira Hussain"));
  const priya = (
    await json<{ children: ChildSummary[] }>(await api(DEMO.pe).get("/api/v1/children"), "Priya's children")
  ).children;
  expect(namesOf(priya), "Priya's list: Amira's and Ella's caseloads, by name").toEqual(
    expected("Amira Hussain", "Ella Thompson"),
  );

  const sam = (
    await json<{ children: ChildSummary[] }>(await api(DEMO.onsite).get("/api/v1/children"), "Sam's children")
  ).children;
  expect(
    sam.map((child) => child.name).filter((name) => name !== null),
    "names the on-site supervisor sees",
  ).toEqual([]);
  expect(
    sam.map((child) => `${child.code} ${child.label}`).sort(),
    "the on-site supervisor's list: Amira's and Farah's children, by code",
  ).toEqual(
    [
      ...new Set(
        allocations
          .filter((row) => ["Amira Hussain", "Farah Begum"].includes(row.studentName))
          .map((row) => children.get(row.child.id)!.code),
      ),
    ]
      .map((code) => `${code} ${code}`)
      .sort(),
  );
  const record: ChildRecord = await json(
    await api(DEMO.onsite).get(`/api/v1/children/${target.id}`),
    "Sam opening one of Amira's children",
  );
  expect(record.child).toMatchObject({ code: target.code, name: null, dateOfBirth: null, label: target.code });
  expect(record.contacts).toEqual([]);
  expect(record.referrals).toEqual([]);
});

test("the admin's who-viewed list records a VIEW when the student opens the child's record, and none for those who saw no name", async () => {
  const viewersOf = async () =>
    (await json<{ viewers: Viewer[] }>(await admin().get(`/api/v1/children/${target.id}/viewers`), "the viewers list"))
      .viewers;
  const amirasViews = (viewers: Viewer[]) =>
    viewers.filter(
      (viewer) => viewer.actorName === "Amira Hussain" && viewer.action === "VIEW" && viewer.context === "child record",
    );
  const before = await viewersOf();

  // Those who may not identify the child ask for it too: no VIEW for them.
  for (const email of [DEMO.onsite, DEMO.tutorSevernside, DEMO.studentChloe, GRACE_EMAIL])
    await api(email).get(`/api/v1/children/${target.id}`);
  const opened = await api(DEMO.studentAmira).get(`/api/v1/children/${target.id}`);
  expect(opened.status()).toBe(200);
  expect((await opened.json()).child.name).toBe(target.name);

  const after = await viewersOf();
  expect(amirasViews(after).length, "Amira's views of the record").toBe(amirasViews(before).length + 1);
  expect(after[0], "the newest entry").toMatchObject({
    actorName: "Amira Hussain",
    actorRole: "STUDENT",
    action: "VIEW",
    context: "child record",
  });
  expect(new Date(after[0].at).getTime()).toBeGreaterThanOrEqual(new Date(before[0]?.at ?? 0).getTime());
  const viewersOfTarget = [...new Set(after.map((viewer) => viewer.actorName))].sort();
  for (const name of viewersOfTarget)
    expect(
      ["Amira Hussain", "Morgan Ellis", "Priya Shah"],
      `${name} is recorded as having seen ${target.code}'s name`,
    ).toContain(name);
});

test("the export is the admin's alone and is a JSON attachment of everything held", async () => {
  for (const email of [DEMO.pe, DEMO.studentAmira, DEMO.onsite, DEMO.tutorSevernside]) {
    const refused = await api(email).get(`/api/v1/children/${target.id}/export`);
    expect(refused.status(), `${email} exporting`).toBe(403);
    expect(refused.headers()["content-disposition"], `${email}: no attachment`).toBeUndefined();
  }
  const response = await admin().get(`/api/v1/children/${target.id}/export`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["content-disposition"]).toBe(
    `attachment; filename="child-${target.code}-subject-access.json"`,
  );
  expect(response.headers()["cache-control"]).toContain("no-store");
  const exported = await response.json();
  expect(exported.exportedBy).toBe("Morgan Ellis");
  expect(exported.child).toMatchObject({
    id: target.id,
    code: target.code,
    firstName: target.firstName,
    lastName: target.lastName,
  });
  expect(exported.child.allocations.map((allocation: { id: string }) => allocation.id)).toContain(targetAllocation.id);
  expect(exported.child.contacts.length, "family contacts in the export").toBeGreaterThan(0);

  const viewers = (
    await json<{ viewers: Viewer[] }>(await admin().get(`/api/v1/children/${target.id}/viewers`), "the viewers list")
  ).viewers;
  expect(viewers[0]).toMatchObject({ actorName: "Morgan Ellis", action: "EXPORT", context: "subject access export" });
});

test("allocating a child to a student whose placement is not active (Isaac Mensah, suspended) is a 409 and creates nothing", async () => {
  const countAllocations = async () => {
    const active = (
      await json<{ allocations: AllocationRow[] }>(await admin().get("/api/v1/allocations"), "active allocations")
    ).allocations;
    const ended = (
      await json<{ allocations: AllocationRow[] }>(
        await admin().get("/api/v1/allocations?status=ENDED"),
        "ended allocations",
      )
    ).allocations;
    return {
      total: active.length + ended.length,
      isaac: [...active, ...ended].filter((row) => row.studentName === "Isaac Mensah").length,
    };
  };
  const before = await countAllocations();
  expect(before.isaac, "Isaac's allocations before").toBe(0);
  const targetBefore: ChildRecord = await json(
    await admin().get(`/api/v1/children/${target.id}`),
    "the child's record",
  );

  const body = { childIds: [target.id], placementId: placements.isaac, kind: "DIRECT_WORK", startDate: todayInUk() };
  const refused = await admin().post("/api/v1/allocations", { data: body });
  expect(refused.status(), await refused.text()).toBe(409);
  expect((await refused.json()).error.message).toBe(
    "Children can only be allocated to a student whose placement is active.",
  );

  // Isaac's own PE cannot either, with a child she works with.
  const graceChild = chloeChildren[0];
  const refusedPe = await api(GRACE_EMAIL).post("/api/v1/allocations", {
    data: { ...body, childIds: [graceChild.id] },
  });
  expect(refusedPe.status(), await refusedPe.text()).toBe(409);

  expect(await countAllocations()).toEqual(before);
  const targetAfter: ChildRecord = await json(await admin().get(`/api/v1/children/${target.id}`), "the child's record");
  expect(targetAfter.allocations.map((row) => row.id)).toEqual(targetBefore.allocations.map((row) => row.id));
});

test("a PE cannot allocate a child they do not work with, even to their own student, and the refusal does not name the child", async () => {
  const { forbidden } = scopeOf(ROLES.find((role) => role.email === GRACE_EMAIL)!);
  const before = (
    await json<{ allocations: AllocationRow[] }>(await api(GRACE_EMAIL).get("/api/v1/allocations"), "Grace's caseload")
  ).allocations.length;
  const refused = await api(GRACE_EMAIL).post("/api/v1/allocations", {
    data: { childIds: [target.id], placementId: placements.chloe, kind: "DIRECT_WORK", startDate: todayInUk() },
  });
  expect(refused.status()).toBe(422);
  const text = await refused.text();
  expect(JSON.parse(text).error.fields).toEqual({ childIds: ["Choose children of the team that you work with"] });
  expect(namesIn(text, forbidden)).toEqual([]);
  expect(
    (
      await json<{ allocations: AllocationRow[] }>(
        await api(GRACE_EMAIL).get("/api/v1/allocations"),
        "Grace's caseload",
      )
    ).allocations.length,
  ).toBe(before);
  // And a child that does not exist gets the same answer: the refusal says nothing about whether the child exists.
  const unknown = await api(GRACE_EMAIL).post("/api/v1/allocations", {
    data: { childIds: ["no-such-child"], placementId: placements.chloe, kind: "DIRECT_WORK", startDate: todayInUk() },
  });
  expect(unknown.status()).toBe(422);
  expect(await unknown.text()).toBe(text);
});

test("the work with a child (assessment, life story, direct-work programme) follows the same rules", async () => {
  // The records of Amira's caseload, found through the admin's view of each child.
  const work: Array<[string, string, ChildInfo]> = [];
  for (const child of amiraChildren) {
    const record: ChildRecord = await json(
      await admin().get(`/api/v1/children/${child.id}`),
      `the admin opening ${child.code}`,
    );
    for (const allocation of record.allocations.filter(
      (row) => row.status === "ACTIVE" && row.studentName === "Amira Hussain",
    )) {
      if (allocation.assessmentId) work.push([`/api/v1/assessments/${allocation.assessmentId}`, "assessment", child]);
      if (allocation.lifeStoryId) work.push([`/api/v1/life-story/${allocation.lifeStoryId}`, "life story work", child]);
      if (allocation.programmeId) work.push([`/api/v1/programmes/${allocation.programmeId}`, "programme", child]);
    }
  }
  expect(new Set(work.map(([, kind]) => kind)), "kinds of work on Amira's caseload").toEqual(
    new Set(["assessment", "life story work", "programme"]),
  );

  const problems: string[] = [];
  for (const role of ROLES) {
    const { identifiable, visible, forbidden } = scopeOf(role);
    const findings = new Findings(forbidden);
    for (const [path, kind, child] of work) {
      const response = await api(role.email).get(path);
      const text = await findings.check(
        `${role.label}: GET ${kind} of ${child.code}`,
        response,
        visible.has(child.id) ? 200 : 404,
      );
      if (response.status() === 200) {
        const body = JSON.parse(text);
        findings.presented(
          `${role.label}: the ${kind} of ${child.code}`,
          body.child ?? body.programme?.child,
          identifiable,
        );
      }
    }
    problems.push(...findings.problems);
  }
  expect(problems, "what each role sees of the work with Amira's children that differs from the rules").toEqual([]);
});

test("without a session every children route answers 401", async () => {
  const anonymous = await anonymousApi(baseURL);
  try {
    const calls: Array<[string, () => Promise<APIResponse>]> = [
      ["GET /api/v1/children", () => anonymous.get("/api/v1/children")],
      ["GET /api/v1/children?q=", () => anonymous.get(`/api/v1/children?q=${target.firstName}`)],
      ["GET /api/v1/children/:id", () => anonymous.get(`/api/v1/children/${target.id}`)],
      ["GET /api/v1/children/:id/export", () => anonymous.get(`/api/v1/children/${target.id}/export`)],
      ["GET /api/v1/children/:id/viewers", () => anonymous.get(`/api/v1/children/${target.id}/viewers`)],
      ["GET /api/v1/allocations", () => anonymous.get("/api/v1/allocations")],
      [
        "POST /api/v1/allocations",
        () =>
          anonymous.post("/api/v1/allocations", {
            data: { childIds: [target.id], placementId: placements.amira, kind: "DIRECT_WORK", startDate: todayInUk() },
          }),
      ],
      ["POST /api/v1/referrals", () => anonymous.post("/api/v1/referrals", { data: referralBody(target.id) })],
    ];
    for (const [what, call] of calls) {
      const response = await call();
      expect(response.status(), what).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text), what).toEqual({ error: { code: "unauthenticated", message: "Sign in to continue." } });
      expect(text).not.toContain(target.firstName);
    }
  } finally {
    await anonymous.dispose();
  }
});
