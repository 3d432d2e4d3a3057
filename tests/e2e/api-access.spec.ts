import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import {
  addDays,
  anonymousApi,
  apiAs,
  DEMO,
  DEMO_STUDENTS,
  getPlacement,
  listPlacements,
  placementIdOf,
  SEVERNSIDE_STUDENTS,
  THREE_COUNTIES_STUDENTS,
  todayInUk,
  unchangedPatchBody,
  type PlacementDetail,
} from "./support";

// The access-control matrix over HTTP: every demo role against every placement
// route and page, for three placements chosen so that each role sees a
// different subset of them:
//   Amira Hussain  Severnside,      PE Priya, on-site Sam
//   Daniel Okafor  Three Counties,  PE Tom now, Owen before
//   Chloe Davies   Three Counties,  PE Grace, on-site Nadia
// Allowed is 200/201, a placement the role can see but not change is 403, a
// placement the role cannot see is 404 (the same answer as for no placement),
// and an admin page is 404 for everyone but the admin.
//
// Writes are undone or harmless: attendance logged by a role is removed again
// by that role; the admin's PATCH changes nothing; the only lasting rows are a
// second placement for Jade Robinson (whose first is completed) and its PE
// change, made by the last test.

// The tests run in file order (one worker); only the last one leaves lasting changes.

type Target = "amira" | "daniel" | "chloe";
const TARGETS: Record<Target, string> = { amira: "Amira Hussain", daniel: "Daniel Okafor", chloe: "Chloe Davies" };

type RoleSpec = {
  label: string;
  email: string;
  /** The demo students whose placements the role's list shows. */
  sees: readonly string[];
  /** Of the three targets: those the role can read… */
  read: Target[];
  /** …and those it can log attendance on. */
  record: Target[];
  admin?: boolean;
};

const ROLES: RoleSpec[] = [
  {
    label: "admin",
    email: DEMO.admin,
    sees: DEMO_STUDENTS,
    read: ["amira", "daniel", "chloe"],
    record: ["amira", "daniel", "chloe"],
    admin: true,
  },
  {
    label: "practice educator (Priya Shah)",
    email: DEMO.pe,
    sees: ["Amira Hussain", "Ella Thompson", "Jade Robinson"],
    read: ["amira"],
    record: ["amira"],
  },
  {
    label: "current practice educator of Daniel (Tom Fletcher)",
    email: DEMO.peTom,
    sees: ["Ben Carter", "Daniel Okafor", "Farah Begum", "Lucy Nowak"],
    read: ["daniel"],
    record: ["daniel"],
  },
  {
    label: "former practice educator of Daniel (Owen Pritchard)",
    email: DEMO.peOwen,
    sees: ["Daniel Okafor", "Hannah Price", "Kieran Walsh"],
    read: ["daniel"],
    record: [],
  },
  {
    label: "on-site supervisor (Sam Rivers)",
    email: DEMO.onsite,
    sees: ["Amira Hussain", "Farah Begum"],
    read: ["amira"],
    record: ["amira"],
  },
  { label: "Severnside tutor", email: DEMO.tutorSevernside, sees: SEVERNSIDE_STUDENTS, read: ["amira"], record: [] },
  {
    label: "Three Counties tutor",
    email: DEMO.tutorThreeCounties,
    sees: THREE_COUNTIES_STUDENTS,
    read: ["daniel", "chloe"],
    record: [],
  },
  { label: "student Amira", email: DEMO.studentAmira, sees: ["Amira Hussain"], read: ["amira"], record: ["amira"] },
  { label: "student Chloe", email: DEMO.studentChloe, sees: ["Chloe Davies"], read: ["chloe"], record: ["chloe"] },
];

type TargetInfo = { id: string; detail: PlacementDetail; seededAttendanceId: string; freeDate: string };

let baseURL: string;
let admin: APIRequestContext;
const targets = {} as Record<Target, TargetInfo>;
let graceId: string; // Grace Adeyemi, Chloe's PE: a PE for request bodies
let amiraUserId: string;
let threeCountiesId: string;
let jadeStudentId: string;

/** The latest day up to today with nothing logged: a day any recorder may log and then remove. */
function freeDateOf(detail: PlacementDetail) {
  const logged = new Set(detail.attendance.map((day) => day.date));
  let date = todayInUk();
  while (logged.has(date)) date = addDays(date, -1);
  expect(date >= detail.startDate, `a free day in ${detail.student.name}'s placement`).toBeTruthy();
  return date;
}

test.beforeAll(async ({}, testInfo) => {
  baseURL = testInfo.project.use.baseURL!;
  admin = await apiAs(baseURL, DEMO.admin);
  for (const [key, name] of Object.entries(TARGETS) as Array<[Target, string]>) {
    const id = await placementIdOf(admin, name);
    const detail = await getPlacement(admin, id);
    expect(detail.status, `${name}'s placement is active`).toBe("ACTIVE");
    targets[key] = { id, detail, seededAttendanceId: detail.attendance[0].id, freeDate: freeDateOf(detail) };
  }
  graceId = targets.chloe.detail.currentPracticeEducator!.id;
  amiraUserId = targets.amira.detail.student.id;
  threeCountiesId = targets.chloe.detail.university!.id;
  jadeStudentId = (await getPlacement(admin, await placementIdOf(admin, "Jade Robinson"))).student.id;
});

test.afterAll(async () => {
  await admin?.dispose();
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

const attendanceBody = (date: string) => ({
  date,
  kind: "PLACEMENT_DAY",
  note: "Logged by the access-control e2e test",
});

function newPlacementBody() {
  const start = addDays(todayInUk(), 150);
  return {
    studentId: jadeStudentId,
    setting: "Early help: second placement (e2e)",
    level: "FINAL",
    startDate: start,
    endDate: addDays(start, 150),
    requiredDays: 100,
    practiceEducatorId: graceId,
    onsiteSupervisorId: null,
    tutorId: targets.chloe.detail.tutor!.id, // Dr Kwame Asante, Three Counties like Jade
  };
}

for (const role of ROLES) {
  test(`access matrix: ${role.label}`, async () => {
    const api = await apiAs(baseURL, role.email);
    const matrix = new Matrix();
    const adminOnly = role.admin ? 200 : 404;
    try {
      // The list shows exactly the role's placements (of the demo world's; later specs add others).
      const list = await listPlacements(api);
      const demoNames = [
        ...new Set(list.map((row) => row.studentName).filter((name) => DEMO_STUDENTS.includes(name))),
      ].sort();
      expect(demoNames, "the demo students in the role's list").toEqual([...role.sees].sort());

      // Creating a placement is the admin's alone (the admin's own create is the last test).
      if (!role.admin)
        await matrix.expect(
          "POST /api/v1/placements",
          await api.post("/api/v1/placements", { data: newPlacementBody() }),
          403,
        );

      for (const [key, name] of Object.entries(TARGETS) as Array<[Target, string]>) {
        const { id, seededAttendanceId, freeDate } = targets[key];
        const canRead = role.read.includes(key);
        const canRecord = role.record.includes(key);
        const hidden = canRead ? null : 404;
        const base = `/api/v1/placements/${id}`;
        const at = (what: string) => `${what} (${name})`;

        // Read
        const detail = await api.get(base);
        if ((await matrix.expect(at(`GET ${base}`), detail, canRead ? 200 : 404)) && canRead) {
          const { placement } = await detail.json();
          matrix.expectEqual(at("permissions in the detail"), placement.permissions, {
            canManage: Boolean(role.admin),
            canRecordAttendance: canRecord,
          });
        }
        await matrix.expect(at(`GET ${base}/attendance`), await api.get(`${base}/attendance`), canRead ? 200 : 404);

        // Change the placement: a valid body at the current version, which changes nothing.
        const current = await getPlacement(admin, id);
        const patch = await api.patch(base, { data: unchangedPatchBody(current) });
        if ((await matrix.expect(at(`PATCH ${base}`), patch, hidden ?? (role.admin ? 200 : 403))) && role.admin) {
          expect((await patch.json()).changed, at("fields the no-op PATCH changed")).toEqual([]);
        }

        // Log a day, then remove it again.
        const posted = await api.post(`${base}/attendance`, { data: attendanceBody(freeDate) });
        if (await matrix.expect(at(`POST ${base}/attendance`), posted, hidden ?? (canRecord ? 201 : 403))) {
          if (canRecord) {
            const { id: attendanceId } = await posted.json();
            await matrix.expect(
              at(`DELETE own day ${base}/attendance/:id`),
              await api.delete(`${base}/attendance/${attendanceId}`),
              200,
            );
          }
        } else if (posted.status() === 201) {
          // Logged when it should not have been: tidy up as the admin so later rows still hold.
          await admin.delete(`${base}/attendance/${(await posted.json()).id}`);
        }

        // Remove a day: a recorder is told an unknown entry is not found; a reader may not remove one.
        if (canRecord) {
          await matrix.expect(
            at(`DELETE unknown ${base}/attendance/:id`),
            await api.delete(`${base}/attendance/no-such-entry`),
            404,
          );
        } else {
          await matrix.expect(
            at(`DELETE seeded ${base}/attendance/:id`),
            await api.delete(`${base}/attendance/${seededAttendanceId}`),
            hidden ?? 403,
          );
        }

        // Hand the placement to another PE (the admin's own success is the last test).
        if (!role.admin) {
          const body = { practiceEducatorId: graceId, startDate: todayInUk(), reason: "Access-control e2e test" };
          await matrix.expect(
            at(`POST ${base}/practice-educators`),
            await api.post(`${base}/practice-educators`, { data: body }),
            hidden ?? 403,
          );
        }

        // Pages
        await matrix.expect(
          at(`page /placements/${id}`),
          await api.get(`/placements/${id}`, { maxRedirects: 0 }),
          canRead ? 200 : 404,
        );
        await matrix.expect(
          at(`page /placements/${id}/edit`),
          await api.get(`/placements/${id}/edit`, { maxRedirects: 0 }),
          adminOnly,
        );
      }

      // An attendance entry of another placement is not found through this one.
      if (role.admin) {
        const crossed = `/api/v1/placements/${targets.amira.id}/attendance/${targets.chloe.seededAttendanceId}`;
        await matrix.expect(
          `DELETE ${crossed} (Chloe's day through Amira's placement)`,
          await api.delete(crossed),
          404,
        );
      }

      const pages: Array<[string, number]> = [
        ["/", 200],
        ["/placements", 200],
        ["/placements/new", adminOnly],
        ["/admin/users", adminOnly],
        ["/admin/users/new", adminOnly],
        [`/admin/users/${amiraUserId}`, adminOnly],
        ["/admin/universities", adminOnly],
        ["/admin/audit", adminOnly],
      ];
      for (const [path, expected] of pages)
        await matrix.expect(`page ${path}`, await api.get(path, { maxRedirects: 0 }), expected);

      expect(matrix.problems, `statuses that differ from the access matrix for the ${role.label}`).toEqual([]);
    } finally {
      await api.dispose();
    }
  });
}

test("a tutor asking for another university's placement gets 404, the same answer as for no placement at all", async () => {
  const tutor = await apiAs(baseURL, DEMO.tutorSevernside);
  try {
    const missing = await tutor.get("/api/v1/placements/no-such-placement");
    expect(missing.status()).toBe(404);
    const otherUniversity = await tutor.get(`/api/v1/placements/${targets.chloe.id}`);
    expect(otherUniversity.status()).toBe(404);
    expect(await otherUniversity.json()).toEqual(await missing.json());
    expect(await otherUniversity.text()).not.toContain("Chloe");

    // Filtering the list by the other university finds nothing rather than widening it.
    expect(await listPlacements(tutor, `?universityId=${threeCountiesId}`)).toEqual([]);
    expect((await listPlacements(tutor, "?q=Chloe")).map((row) => row.studentName)).toEqual([]);
  } finally {
    await tutor.dispose();
  }
});

test("a student asking for another student's placement gets 404", async () => {
  const student = await apiAs(baseURL, DEMO.studentAmira);
  try {
    for (const other of ["chloe", "daniel"] as const) {
      const response = await student.get(`/api/v1/placements/${targets[other].id}`);
      expect(response.status()).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: "not_found", message: "That placement was not found, or you do not have access to it." },
      });
      expect((await student.get(`/api/v1/placements/${targets[other].id}/attendance`)).status()).toBe(404);
    }
    const own = await getPlacement(student, targets.amira.id);
    expect(own.student.name).toBe("Amira Hussain");
  } finally {
    await student.dispose();
  }
});

test("without a session every API route answers 401 and every page sends you to sign in", async ({ page }) => {
  const anonymous = await anonymousApi(baseURL);
  const { id, seededAttendanceId, freeDate } = targets.amira;
  try {
    const calls: Array<[string, () => Promise<APIResponse>]> = [
      ["GET /api/v1/placements", () => anonymous.get("/api/v1/placements")],
      ["POST /api/v1/placements", () => anonymous.post("/api/v1/placements", { data: newPlacementBody() })],
      ["GET /api/v1/placements/:id", () => anonymous.get(`/api/v1/placements/${id}`)],
      [
        "PATCH /api/v1/placements/:id",
        () => anonymous.patch(`/api/v1/placements/${id}`, { data: unchangedPatchBody(targets.amira.detail) }),
      ],
      ["GET /api/v1/placements/:id/attendance", () => anonymous.get(`/api/v1/placements/${id}/attendance`)],
      [
        "POST /api/v1/placements/:id/attendance",
        () => anonymous.post(`/api/v1/placements/${id}/attendance`, { data: attendanceBody(freeDate) }),
      ],
      [
        "DELETE /api/v1/placements/:id/attendance/:attendanceId",
        () => anonymous.delete(`/api/v1/placements/${id}/attendance/${seededAttendanceId}`),
      ],
      [
        "POST /api/v1/placements/:id/practice-educators",
        () =>
          anonymous.post(`/api/v1/placements/${id}/practice-educators`, {
            data: { practiceEducatorId: graceId, startDate: todayInUk(), reason: "e2e" },
          }),
      ],
    ];
    for (const [what, call] of calls) {
      const response = await call();
      expect(response.status(), what).toBe(401);
      expect(await response.json(), what).toEqual({
        error: { code: "unauthenticated", message: "Sign in to continue." },
      });
    }

    const pages = [
      "/",
      "/placements",
      `/placements/${id}`,
      `/placements/${id}/edit`,
      "/placements/new",
      "/admin/users",
      "/admin/users/new",
      `/admin/users/${amiraUserId}`,
      "/admin/universities",
      "/admin/audit",
    ];
    for (const path of pages) {
      const response = await anonymous.get(path, { maxRedirects: 0 });
      expect([302, 303, 307, 308], `${path} redirects`).toContain(response.status());
      expect(new URL(response.headers()["location"], baseURL).pathname, `${path} redirects to sign in`).toBe(
        "/sign-in",
      );
    }
    // And a browser following the redirect lands on the sign-in form.
    for (const path of ["/placements", `/placements/${id}`, "/admin/audit"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
    }
  } finally {
    await anonymous.dispose();
  }

  // Nothing above was written: Amira's placement is as the admin last saw it, attendance included.
  const after = await getPlacement(admin, id);
  expect(after.attendance.map((day) => day.id)).toContain(seededAttendanceId);
  expect(after.attendance.map((day) => day.date)).not.toContain(freeDate);
});

test("a completed placement's attendance can no longer be removed", async () => {
  const jadeId = await placementIdOf(admin, "Jade Robinson");
  const completed = await getPlacement(admin, jadeId);
  expect(completed.status).toBe("COMPLETED");
  const student = await apiAs(baseURL, completed.student.email);
  try {
    const refusedLog = await student.post(`/api/v1/placements/${jadeId}/attendance`, {
      data: attendanceBody(completed.endDate),
    });
    expect(refusedLog.status(), "logging a day on a completed placement").toBe(409);
    const day = completed.attendance[0];
    const removed = await student.delete(`/api/v1/placements/${jadeId}/attendance/${day.id}`);
    expect(removed.status(), "removing a day from a completed placement").toBe(409);
  } finally {
    await student.dispose();
  }
});

test("the admin creates a placement and hands it to another practice educator; others may not", async () => {
  const created = await admin.post("/api/v1/placements", { data: newPlacementBody() });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();
  const placement = await getPlacement(admin, id);
  expect(placement.student.name).toBe("Jade Robinson");
  expect(placement.status).toBe("PLANNED");
  expect(placement.currentPracticeEducator?.id).toBe(graceId);

  const owenId = targets.daniel.detail.practiceEducators.find(
    (spell) => spell.name === "Owen Pritchard",
  )!.practiceEducatorId;
  const handover = {
    practiceEducatorId: owenId,
    startDate: addDays(placement.startDate, 7),
    reason: "Grace moves to another team",
  };

  // The Three Counties tutor can see Jade's new placement but not change its PE; Amira cannot see it at all.
  const tutor = await apiAs(baseURL, DEMO.tutorThreeCounties);
  const student = await apiAs(baseURL, DEMO.studentAmira);
  try {
    expect((await tutor.get(`/api/v1/placements/${id}`)).status()).toBe(200);
    expect((await tutor.post(`/api/v1/placements/${id}/practice-educators`, { data: handover })).status()).toBe(403);
    expect((await student.post(`/api/v1/placements/${id}/practice-educators`, { data: handover })).status()).toBe(404);
  } finally {
    await tutor.dispose();
    await student.dispose();
  }

  const assigned = await admin.post(`/api/v1/placements/${id}/practice-educators`, { data: handover });
  expect(assigned.status(), await assigned.text()).toBe(201);
  const after = await getPlacement(admin, id);
  expect(after.currentPracticeEducator?.name).toBe("Owen Pritchard");
  expect(after.practiceEducators.map((spell) => [spell.name, spell.startDate, spell.endDate])).toEqual([
    ["Grace Adeyemi", placement.startDate, addDays(handover.startDate, -1)],
    ["Owen Pritchard", handover.startDate, null],
  ]);
});
