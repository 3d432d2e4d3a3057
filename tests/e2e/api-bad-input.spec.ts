import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import {
  addDays,
  apiAs,
  DEMO,
  getPlacement,
  listPlacements,
  placementIdOf,
  signIn,
  todayInUk,
  unchangedPatchBody,
  type PlacementDetail,
} from "./support";

// Bad input over HTTP, as the admin: every mistake is a 422 that names the
// fields and says what is wrong in words, a stale version is a 409, and none
// of them writes a row.

let admin: APIRequestContext;
let jade: PlacementDetail; // a student whose only demo placement is completed: a valid student to create for
let chloe: PlacementDetail; // Three Counties, active: ids of every role to borrow
let amira: PlacementDetail; // Severnside, active: a tutor of the wrong university for Jade

test.beforeAll(async ({}, testInfo) => {
  admin = await apiAs(testInfo.project.use.baseURL!, DEMO.admin);
  jade = await getPlacement(admin, await placementIdOf(admin, "Jade Robinson"));
  chloe = await getPlacement(admin, await placementIdOf(admin, "Chloe Davies"));
  amira = await getPlacement(admin, await placementIdOf(admin, "Amira Hussain"));
});

test.afterAll(async () => {
  await admin?.dispose();
});

/** A body that would create a placement, far enough ahead to overlap nothing. */
function validBody(): Record<string, unknown> {
  const start = addDays(todayInUk(), 400);
  return {
    studentId: jade.student.id,
    setting: "Early help direct work in schools",
    level: "FINAL",
    startDate: start,
    endDate: addDays(start, 150),
    requiredDays: 100,
    practiceEducatorId: chloe.currentPracticeEducator!.id,
    onsiteSupervisorId: chloe.onsiteSupervisor!.id,
    tutorId: chloe.tutor!.id, // Three Counties, like Jade
  };
}

/** The error every route answers with (docs/api.md, Errors). */
type ApiError = { code: string; message: string; fields?: Record<string, string[]>; details?: Record<string, unknown> };

const CODE_OF_STATUS: Record<number, string> = {
  400: "bad_request",
  409: "conflict",
  413: "too_large",
  422: "validation",
};

async function expectError(response: APIResponse, status: number): Promise<ApiError> {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = JSON.parse(text) as { error: ApiError };
  expect(body.error.code).toBe(CODE_OF_STATUS[status]);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

/** A 422 naming exactly these fields, each with at least one message a person can read. */
async function expectFieldErrors(response: APIResponse, fields: string[]) {
  const error = await expectError(response, 422);
  expect(error.message).toBe("Check the highlighted fields.");
  expect(Object.keys(error.fields ?? {}).sort()).toEqual([...fields].sort());
  for (const field of fields) {
    expect(error.fields![field].length, field).toBeGreaterThan(0);
    for (const message of error.fields![field]) expect(message, field).toMatch(/^[A-Z].{5,}/);
  }
  return error.fields!;
}

/** Runs `attempts`, then checks the admin's list of placements has exactly as many rows as before. */
async function withoutNewRows(attempts: () => Promise<void>) {
  const before = await listPlacements(admin);
  await attempts();
  const after = await listPlacements(admin);
  expect(after.length, "placements after the bad requests").toBe(before.length);
  expect(after.map((row) => row.id).sort()).toEqual(before.map((row) => row.id).sort());
}

const post = (data: unknown) => admin.post("/api/v1/placements", { data });

test("POST /api/v1/placements with missing fields names every one", async () => {
  await withoutNewRows(async () => {
    const errors = await expectFieldErrors(await post({}), [
      "studentId",
      "setting",
      "level",
      "startDate",
      "endDate",
      "practiceEducatorId",
    ]);
    expect(errors.studentId).toEqual(["Choose the student"]);
    expect(errors.setting).toEqual(["Enter the setting"]);
    expect(errors.startDate).toEqual(["Enter the start date"]);
    expect(errors.requiredDays).toBeUndefined(); // left out, the level's default applies

    // Blank strings are missing too.
    const { studentId: _s, ...rest } = validBody();
    const blanks = await expectFieldErrors(await post({ ...rest, studentId: "  ", setting: "", startDate: "" }), [
      "studentId",
      "setting",
      "startDate",
    ]);
    expect(blanks.setting).toEqual(["The setting needs at least 2 characters"]);
  });
});

test("POST /api/v1/placements with wrong types, impossible dates and out-of-range numbers", async () => {
  await withoutNewRows(async () => {
    await expectFieldErrors(
      await post({
        ...validBody(),
        studentId: 123,
        setting: 42,
        level: "SECOND",
        startDate: 20270101,
        endDate: true,
        requiredDays: "100",
        practiceEducatorId: ["x"],
        onsiteSupervisorId: 5,
        tutorId: { id: "x" },
      }),
      [
        "studentId",
        "setting",
        "level",
        "startDate",
        "endDate",
        "requiredDays",
        "practiceEducatorId",
        "onsiteSupervisorId",
        "tutorId",
      ],
    );
    expect(
      (await expectFieldErrors(await post({ ...validBody(), startDate: "2027-02-30" }), ["startDate"])).startDate,
    ).toEqual(["Enter the start date as a real date (YYYY-MM-DD)"]);
    expect(
      (await expectFieldErrors(await post({ ...validBody(), endDate: "01/03/2028" }), ["endDate"])).endDate,
    ).toContain("Enter the end date as a real date (YYYY-MM-DD)");
    expect(
      (await expectFieldErrors(await post({ ...validBody(), requiredDays: 0 }), ["requiredDays"])).requiredDays,
    ).toEqual(["A placement needs at least 1 day"]);
    expect(
      (await expectFieldErrors(await post({ ...validBody(), requiredDays: 201 }), ["requiredDays"])).requiredDays,
    ).toEqual(["No placement is longer than 200 days"]);
    expect(
      (await expectFieldErrors(await post({ ...validBody(), requiredDays: 12.5 }), ["requiredDays"])).requiredDays,
    ).toEqual(["Enter the required days as a whole number"]);

    // Not an object at all.
    for (const body of [null, [], "a string", 7]) {
      await expectError(
        await admin.post("/api/v1/placements", {
          data: JSON.stringify(body),
          headers: { "Content-Type": "application/json" },
        }),
        422,
      );
    }
  });
});

test("POST /api/v1/placements with the end before the start", async () => {
  await withoutNewRows(async () => {
    const body = validBody();
    const errors = await expectFieldErrors(await post({ ...body, endDate: addDays(body.startDate as string, -1) }), [
      "endDate",
    ]);
    expect(errors.endDate).toEqual(["The end date must be on or after the start date"]);
  });
});

test("POST /api/v1/placements with unknown ids, or ids of the wrong kind of person", async () => {
  await withoutNewRows(async () => {
    expect(
      (await expectFieldErrors(await post({ ...validBody(), studentId: "no-such-student" }), ["studentId"])).studentId,
    ).toEqual(["Choose an existing student"]);
    // A practice educator is not a student, and a student not a practice educator.
    expect(
      (
        await expectFieldErrors(await post({ ...validBody(), studentId: chloe.currentPracticeEducator!.id }), [
          "studentId",
        ])
      ).studentId,
    ).toEqual(["Choose an existing student"]);
    expect(
      (
        await expectFieldErrors(await post({ ...validBody(), practiceEducatorId: "no-such-pe" }), [
          "practiceEducatorId",
        ])
      ).practiceEducatorId,
    ).toEqual(["Choose an existing practice educator"]);
    expect(
      (
        await expectFieldErrors(await post({ ...validBody(), practiceEducatorId: chloe.student.id }), [
          "practiceEducatorId",
        ])
      ).practiceEducatorId,
    ).toEqual(["Choose an existing practice educator"]);
    expect(
      (
        await expectFieldErrors(await post({ ...validBody(), onsiteSupervisorId: "no-such-supervisor" }), [
          "onsiteSupervisorId",
        ])
      ).onsiteSupervisorId,
    ).toEqual(["Choose an existing on-site supervisor"]);
    expect(
      (await expectFieldErrors(await post({ ...validBody(), tutorId: "no-such-tutor" }), ["tutorId"])).tutorId,
    ).toEqual(["Choose an existing university tutor"]);
    // A tutor of another university than the student's.
    expect(
      (await expectFieldErrors(await post({ ...validBody(), tutorId: amira.tutor!.id }), ["tutorId"])).tutorId,
    ).toEqual(["Choose a tutor from the student's own university"]);
  });
});

test("POST /api/v1/placements with oversized strings", async () => {
  await withoutNewRows(async () => {
    expect(
      (await expectFieldErrors(await post({ ...validBody(), setting: "x".repeat(201) }), ["setting"])).setting,
    ).toEqual(["The setting must be 200 characters or fewer"]);
    expect(
      (
        await expectFieldErrors(await post({ ...validBody(), setting: "A very long setting ".repeat(2_000) }), [
          "setting",
        ])
      ).setting,
    ).toEqual(["The setting must be 200 characters or fewer"]);
    await expectFieldErrors(
      await post({
        ...validBody(),
        studentId: "s".repeat(65),
        practiceEducatorId: "p".repeat(500),
        tutorId: "t".repeat(65),
      }),
      ["studentId", "practiceEducatorId", "tutorId"],
    );
    // A body over 100 kB is refused before it is parsed (docs/api.md: 413).
    const huge = await post({ ...validBody(), setting: "x".repeat(150_000) });
    expect((await expectError(huge, 413)).message).toBe("The request body is larger than 100 kB.");
  });
});

test("POST /api/v1/placements with a body that is not JSON, or not sent as JSON", async () => {
  await withoutNewRows(async () => {
    const json = JSON.stringify(validBody());
    const notJson = await admin.post("/api/v1/placements", {
      data: Buffer.from('{ "studentId": oops'),
      headers: { "Content-Type": "application/json" },
    });
    expect((await expectError(notJson, 400)).message).toBe("The request body is not valid JSON.");
    const empty = await admin.post("/api/v1/placements", { headers: { "Content-Type": "application/json" } });
    expect((await expectError(empty, 400)).message).toBe("The request body is not valid JSON.");

    // Valid JSON, but labelled as something else: refused (this is what blocks cross-site form posts).
    const wrongType = "Send the body as JSON with Content-Type: application/json.";
    expect(
      (
        await expectError(
          await admin.post("/api/v1/placements", { data: json, headers: { "Content-Type": "text/plain" } }),
          400,
        )
      ).message,
    ).toBe(wrongType);
    expect(
      (
        await expectError(
          await admin.post("/api/v1/placements", { form: { studentId: jade.student.id, setting: "Form post" } }),
          400,
        )
      ).message,
    ).toBe(wrongType);
    expect(
      (await expectError(await admin.post("/api/v1/placements", { multipart: { payload: json } }), 400)).message,
    ).toBe(wrongType);
    expect(
      (await expectError(await admin.post("/api/v1/placements", { data: json, headers: { "Content-Type": "" } }), 400))
        .message,
    ).toBe(wrongType);
  });
});

test("PATCH /api/v1/placements/:id: bad input is a 422 and a stale version a 409, and neither writes", async () => {
  const id = await placementIdOf(admin, "Ben Carter");
  const opened = await getPlacement(admin, id);
  const body = unchangedPatchBody(opened);
  const url = `/api/v1/placements/${id}`;

  const { version: _version, ...withoutVersion } = body;
  expect((await expectFieldErrors(await admin.patch(url, { data: withoutVersion }), ["version"])).version).toEqual([
    "The record's version is missing: reload the page",
  ]);
  expect(
    (
      await expectFieldErrors(await admin.patch(url, { data: { ...body, status: "SUSPENDED", statusReason: "" } }), [
        "statusReason",
      ])
    ).statusReason,
  ).toEqual(["Say why the placement is suspended or ended early"]);
  expect(
    (await expectFieldErrors(await admin.patch(url, { data: { ...body, status: "PLANNED" } }), ["status"])).status,
  ).toEqual(["A placement that is active cannot become planned"]);
  expect(
    (
      await expectFieldErrors(await admin.patch(url, { data: { ...body, endDate: addDays(body.startDate, -1) } }), [
        "endDate",
      ])
    ).endDate,
  ).toEqual(["The end date must be on or after the start date"]);
  await expectFieldErrors(await admin.patch(url, { data: { ...body, setting: "y".repeat(300), requiredDays: -3 } }), [
    "setting",
    "requiredDays",
  ]);
  expect(
    (
      await expectError(
        await admin.patch(url, { data: JSON.stringify(body), headers: { "Content-Type": "text/plain" } }),
        400,
      )
    ).message,
  ).toBe("Send the body as JSON with Content-Type: application/json.");
  expect(await getPlacement(admin, id)).toMatchObject({
    version: opened.version,
    setting: opened.setting,
    status: "ACTIVE",
  });

  // Someone else saves first (here: the same admin, changing nothing)…
  const first = await admin.patch(url, { data: body });
  expect(first.status()).toBe(200);
  expect(await first.json()).toEqual({ id, version: opened.version + 1, changed: [] });

  // …so a save from the version opened before is stale: 409, with what now differs, and nothing written.
  const stale = await admin.patch(url, {
    data: { ...body, setting: "A change made from a stale page", requiredDays: 120 },
  });
  const conflict = await expectError(stale, 409);
  expect(conflict.message).toMatch(/ changed this placement after you opened it\. Nothing of yours was saved/);
  expect(conflict.details).toEqual({
    currentVersion: opened.version + 1,
    changedFields: [],
    changedBy: [expect.any(String)],
  });

  const after = await getPlacement(admin, id);
  expect(after).toMatchObject({
    version: opened.version + 1,
    setting: opened.setting,
    requiredDays: opened.requiredDays,
    status: opened.status,
  });
});

test("POST /api/v1/placements/:id/attendance with bad input is a 422 naming the field", async () => {
  const id = chloe.id;
  const url = `/api/v1/placements/${id}/attendance`;
  const before = (await getPlacement(admin, id)).attendance.length;

  await expectFieldErrors(await admin.post(url, { data: {} }), ["date", "kind"]);
  expect(
    (await expectFieldErrors(await admin.post(url, { data: { date: todayInUk(), kind: "HOLIDAY" } }), ["kind"])).kind,
  ).toEqual(["Choose what kind of day it was"]);
  expect(
    (
      await expectFieldErrors(
        await admin.post(url, { data: { date: addDays(todayInUk(), 1), kind: "PLACEMENT_DAY" } }),
        ["date"],
      )
    ).date,
  ).toEqual(["Days can only be logged once they have happened"]);
  expect(
    (
      await expectFieldErrors(
        await admin.post(url, { data: { date: addDays(chloe.startDate, -1), kind: "PLACEMENT_DAY" } }),
        ["date"],
      )
    ).date[0],
  ).toMatch(/^The placement starts on /);
  await expectFieldErrors(await admin.post(url, { data: { date: todayInUk(), kind: "SICK", note: "n".repeat(501) } }), [
    "note",
  ]);
  // A day already logged is a conflict on that field.
  const logged = chloe.attendance[0].date;
  const duplicate = await expectError(await admin.post(url, { data: { date: logged, kind: "PLACEMENT_DAY" } }), 409);
  expect(duplicate.fields).toEqual({ date: ["Already logged"] });

  expect((await getPlacement(admin, id)).attendance.length).toBe(before);
});

test("adding a person with an email address already in use shows the error in the summary and beside Email", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users?q=priya.shah");
  await expect(page.getByText("1 person", { exact: true })).toBeVisible();

  await page.goto("/admin/users/new");
  await page.getByLabel("Full name").fill("Priya Shah Again");
  // A different case is the same address.
  const email = page.getByRole("textbox", { name: "Email address" });
  await email.fill("Priya.Shah@POP.example.org");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Practice educator" });
  await page.getByLabel("PEPS stage").selectOption({ label: "Stage 2" });
  await page.getByLabel("Password (optional)").fill("Kestrel-orchard-47-lantern");
  await page.getByRole("button", { name: "Add person" }).click();

  const summary = page
    .getByRole("alert")
    .filter({ has: page.getByRole("heading", { name: "An account with that email address already exists." }) });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Already in use" })).toHaveAttribute("href", "#email");

  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#email-error")).toHaveText("Error: Already in use");
  await expect(email).toHaveAttribute("aria-describedby", /email-error/);
  await expect(page).toHaveURL(/\/admin\/users\/new$/);

  // No second account was made.
  await page.goto("/admin/users?q=priya.shah");
  await expect(page.getByText("1 person", { exact: true })).toBeVisible();
});
