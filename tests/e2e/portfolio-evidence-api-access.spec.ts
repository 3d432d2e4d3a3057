import { expect, test, type APIRequestContext } from "@playwright/test";
import { addDays, anonymousApi, apiAs, DEMO, placementIdOf, todayInUk, useSessionOf } from "./support";

// The evidence access matrix over HTTP (lib/access/portfolio.ts): every demo
// role against every evidence route, on Amira Hussain's placement (Severnside,
// PE Priya Shah, on-site Sam Rivers). Rules: the student and the placement's
// PEs read all evidence; the student's university tutor reads all but drafts;
// the team manager, on-site supervisors and everyone else get 404. Only the
// student writes; only the current PE reviews. Someone who can read an item
// but may not do this to it gets a 403.
//
// The matrix never changes anything: those who may write send something that
// fails after the access checks (a stale version, an item in the wrong state,
// a refused file, a missing title) and so get 409 or 422.

type Relation = "student" | "currentPe" | "tutor" | "none";
const ROLES: Array<{ label: string; email: string; relation: Relation }> = [
  { label: "admin", email: DEMO.admin, relation: "none" },
  { label: "Amira's practice educator (Priya Shah)", email: DEMO.pe, relation: "currentPe" },
  { label: "another practice educator (Tom Fletcher)", email: DEMO.peTom, relation: "none" },
  { label: "a practice educator of another placement (Owen Pritchard)", email: DEMO.peOwen, relation: "none" },
  { label: "Amira's on-site supervisor (Sam Rivers)", email: DEMO.onsite, relation: "none" },
  { label: "Severnside tutor", email: DEMO.tutorSevernside, relation: "tutor" },
  { label: "Three Counties tutor", email: DEMO.tutorThreeCounties, relation: "none" },
  { label: "student Amira", email: DEMO.studentAmira, relation: "student" },
  { label: "student Chloe", email: DEMO.studentChloe, relation: "none" },
];

const EXE_AS_PDF = Buffer.concat([
  Buffer.from([0x4d, 0x5a, 0x90, 0x00]),
  Buffer.from("This program cannot be run in DOS mode"),
]);
const PDF = Buffer.from("%PDF-1.4\n%%EOF\n", "latin1");

const evidenceBody = (overrides: Record<string, unknown> = {}) => ({
  title: "Access matrix evidence",
  occurredOn: addDays(todayInUk(), -1),
  type: "REFLECTIVE_LOG",
  body: "Written by the evidence access-control e2e test.",
  childCode: null,
  links: [{ frameworkItemId: "fi_pcf_2018_6", note: "Reflection on the session." }],
  ...overrides,
});

let baseURL: string;
let placementId: string;
let draft: { id: string; version: number };
let submitted: { id: string; version: number; attachmentId: string };
const apis = new Map<string, APIRequestContext>();

test.beforeAll(async ({}, testInfo) => {
  baseURL = testInfo.project.use.baseURL!;
  for (const role of ROLES) apis.set(role.email, await apiAs(baseURL, role.email));
  placementId = await placementIdOf(apis.get(DEMO.admin)!, "Amira Hussain");
  const amira = apis.get(DEMO.studentAmira)!;

  const createdDraft = await amira.post(`/api/v1/placements/${placementId}/evidence`, {
    data: evidenceBody({ title: "Access matrix draft" }),
  });
  expect(createdDraft.status(), await createdDraft.text()).toBe(201);
  draft = await createdDraft.json();

  const created = await amira.post(`/api/v1/placements/${placementId}/evidence`, {
    data: evidenceBody({ title: "Access matrix submitted" }),
  });
  expect(created.status()).toBe(201);
  const { id, version } = await created.json();
  const attached = await amira.post(`/api/v1/evidence/${id}/attachments`, {
    multipart: { file: { name: "matrix.pdf", mimeType: "application/pdf", buffer: PDF } },
  });
  expect(attached.status(), await attached.text()).toBe(201);
  const submit = await amira.post(`/api/v1/evidence/${id}/submit`, { data: { version } });
  expect(submit.status(), await submit.text()).toBe(200);
  submitted = { id, version: (await submit.json()).version, attachmentId: (await attached.json()).id };
});

test.afterAll(async () => {
  for (const api of apis.values()) await api.dispose();
});

const readsDrafts = (relation: Relation) => relation === "student" || relation === "currentPe";
const readsSubmitted = (relation: Relation) => readsDrafts(relation) || relation === "tutor";

for (const role of ROLES) {
  test(`${role.label}: reads and writes evidence only as allowed`, async () => {
    const api = apis.get(role.email)!;
    const r = role.relation;
    const status = async (
      response: Promise<{ status(): number; text(): Promise<string> }>,
      expected: number,
      what: string,
    ) => {
      const answer = await response;
      expect(answer.status(), `${what}: ${await answer.text()}`).toBe(expected);
    };

    // Reads
    await status(api.get(`/api/v1/placements/${placementId}/evidence`), readsSubmitted(r) ? 200 : 404, "list");
    await status(api.get(`/api/v1/evidence/${draft.id}`), readsDrafts(r) ? 200 : 404, "draft");
    await status(api.get(`/api/v1/evidence/${submitted.id}`), readsSubmitted(r) ? 200 : 404, "submitted item");
    await status(
      api.get(`/api/v1/evidence/${submitted.id}/attachments/${submitted.attachmentId}`),
      readsSubmitted(r) ? 200 : 404,
      "attachment download",
    );
    if (r === "tutor") {
      const list = await (await api.get(`/api/v1/placements/${placementId}/evidence`)).json();
      expect(list.evidence.map((item: { id: string }) => item.id)).not.toContain(draft.id);
    }

    // Create: the student's attempt is invalid (422), anyone else's is valid and refused.
    if (r === "student")
      await status(
        api.post(`/api/v1/placements/${placementId}/evidence`, { data: evidenceBody({ title: "" }) }),
        422,
        "create, no title",
      );
    else
      await status(
        api.post(`/api/v1/placements/${placementId}/evidence`, { data: evidenceBody() }),
        readsSubmitted(r) ? 403 : 404,
        "create",
      );

    // Edit the draft at a stale version.
    const stale = { ...evidenceBody({ title: "Changed by the matrix" }), version: draft.version + 5 };
    await status(
      api.patch(`/api/v1/evidence/${draft.id}`, { data: stale }),
      r === "student" ? 409 : r === "currentPe" ? 403 : 404,
      "edit draft",
    );
    // Edit or submit the submitted item (it is with the PE).
    await status(
      api.patch(`/api/v1/evidence/${submitted.id}`, { data: { ...stale, version: submitted.version } }),
      r === "student" ? 409 : readsSubmitted(r) ? 403 : 404,
      "edit submitted",
    );
    await status(
      api.post(`/api/v1/evidence/${submitted.id}/submit`, { data: { version: submitted.version } }),
      r === "student" ? 409 : readsSubmitted(r) ? 403 : 404,
      "submit again",
    );

    // Review at a stale version: only the current PE gets past the access check.
    const review = { decision: "CHANGES_REQUESTED", comment: "Matrix", version: submitted.version + 5 };
    await status(
      api.post(`/api/v1/evidence/${submitted.id}/review`, { data: review }),
      r === "currentPe" ? 409 : readsSubmitted(r) ? 403 : 404,
      "review",
    );
    await status(
      api.post(`/api/v1/evidence/${draft.id}/review`, { data: { decision: "ACCEPTED", comment: "" } }),
      r === "currentPe" ? 409 : r === "student" ? 403 : 404,
      "accept a draft",
    );

    // Addenda are for accepted evidence only.
    await status(
      api.post(`/api/v1/evidence/${submitted.id}/addenda`, { data: { body: "Matrix addendum" } }),
      r === "student" || r === "currentPe" ? 409 : readsSubmitted(r) ? 403 : 404,
      "addendum",
    );

    // Attachments: a refused file from the student; others are stopped before the file is read.
    await status(
      api.post(`/api/v1/evidence/${draft.id}/attachments`, {
        multipart: { file: { name: "evidence.pdf", mimeType: "application/pdf", buffer: EXE_AS_PDF } },
      }),
      r === "student" ? 422 : r === "currentPe" ? 403 : 404,
      "attach to draft",
    );
    await status(
      api.delete(`/api/v1/evidence/${submitted.id}/attachments/${submitted.attachmentId}`),
      r === "student" ? 409 : readsSubmitted(r) ? 403 : 404,
      "remove attachment",
    );
  });
}

test("nothing changed: the draft and the submitted item are as they were", async () => {
  const amira = apis.get(DEMO.studentAmira)!;
  const draftNow = (await (await amira.get(`/api/v1/evidence/${draft.id}`)).json()).evidence;
  expect(draftNow).toMatchObject({
    title: "Access matrix draft",
    status: "DRAFT",
    version: draft.version,
    attachments: [],
    comments: [],
  });
  const submittedNow = (await (await amira.get(`/api/v1/evidence/${submitted.id}`)).json()).evidence;
  expect(submittedNow).toMatchObject({
    title: "Access matrix submitted",
    status: "SUBMITTED",
    version: submitted.version,
  });
  expect(submittedNow.attachments).toHaveLength(1);
  expect(submittedNow.comments.map((comment: { kind: string }) => comment.kind)).toEqual(["SUBMITTED"]);
});

test("pages follow the same rules: admin and on-site supervisor get 404, the tutor no drafts", async ({ page }) => {
  for (const [email, portfolio, draftPage, submittedPage] of [
    [DEMO.admin, 404, 404, 404],
    [DEMO.onsite, 404, 404, 404],
    [DEMO.tutorSevernside, 200, 404, 200],
    [DEMO.tutorThreeCounties, 404, 404, 404],
    [DEMO.pe, 200, 200, 200],
  ] as const) {
    await useSessionOf(page, baseURL, email);
    expect((await page.goto(`/placements/${placementId}/portfolio`))!.status(), `${email} portfolio`).toBe(portfolio);
    expect((await page.goto(`/evidence/${draft.id}`))!.status(), `${email} draft`).toBe(draftPage);
    expect((await page.goto(`/evidence/${submitted.id}`))!.status(), `${email} submitted`).toBe(submittedPage);
    expect((await page.goto(`/placements/${placementId}/portfolio/new`))!.status(), `${email} new evidence form`).toBe(
      404,
    );
  }
});

test("without a session every evidence route answers 401", async () => {
  const anonymous = await anonymousApi(baseURL);
  expect((await anonymous.get(`/api/v1/placements/${placementId}/evidence`)).status()).toBe(401);
  expect((await anonymous.get(`/api/v1/evidence/${submitted.id}`)).status()).toBe(401);
  expect((await anonymous.get(`/api/v1/evidence/${submitted.id}/attachments/${submitted.attachmentId}`)).status()).toBe(
    401,
  );
  expect(
    (await anonymous.post(`/api/v1/evidence/${submitted.id}/review`, { data: { decision: "ACCEPTED" } })).status(),
  ).toBe(401);
  expect(
    (
      await anonymous.post(`/api/v1/evidence/${draft.id}/attachments`, {
        multipart: { file: { name: "a.pdf", mimeType: "application/pdf", buffer: PDF } },
      })
    ).status(),
  ).toBe(401);
  await anonymous.dispose();
});
