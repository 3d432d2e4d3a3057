/** @jest-environment node */
// The Bearer path through the real route handlers (app/api/v1/**/route.ts),
// called with Request objects as Next calls them.
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { issueApiToken, revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { addDays, fromIsoDate, todayInUk } from "@/lib/dates";
import * as placementsRoute from "@/app/api/v1/placements/route";
import * as placementRoute from "@/app/api/v1/placements/[id]/route";
import * as milestonesRoute from "@/app/api/v1/milestones/route";
import * as childrenRoute from "@/app/api/v1/children/route";
import * as attendanceRoute from "@/app/api/v1/placements/[id]/attendance/route";
import * as attendanceDayRoute from "@/app/api/v1/placements/[id]/attendance/[attendanceId]/route";

const { db } = useTestDatabase();

let world: World;
let tokenA: string;
let tokenB: string;
beforeAll(async () => {
  world = await buildWorld();
  tokenA = (await issueApiToken(world.users.admin, { universityId: world.uniA.id, name: "Uni A" })).token;
  tokenB = (await issueApiToken(world.users.admin, { universityId: world.uniB.id, name: "Uni B" })).token;
});

afterEach(() => {
  delete process.env.API_TOKEN_RATE_LIMIT;
});

type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

async function call(
  handler: unknown,
  path: string,
  init: { token?: string | null; method?: string; body?: unknown; params?: object; authorization?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.authorization !== undefined) headers.authorization = init.authorization;
  else if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await (handler as RouteHandler)(request, { params: Promise.resolve((init.params ?? {}) as never) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function rowCounts() {
  const [placements, audit, attendance, milestones] = await Promise.all([
    db().placement.count(),
    db().auditLog.count(),
    db().attendanceDay.count(),
    db().placementMilestone.count(),
  ]);
  return { placements, audit, attendance, milestones };
}

describe("a token reads as a tutor of its university", () => {
  it("lists only its own university's placements, and the detail of another's is a 404", async () => {
    const before = await rowCounts();
    const listA = await call(placementsRoute.GET, "/api/v1/placements", { token: tokenA });
    expect(listA.status).toBe(200);
    expect(listA.body.placements.map((row: { id: string }) => row.id)).toEqual([world.placementA.id]);
    expect(listA.body.nextCursor).toBeNull();
    // Filtering for the other university does not widen the scope.
    expect(
      (await call(placementsRoute.GET, `/api/v1/placements?universityId=${world.uniB.id}`, { token: tokenA })).body
        .placements,
    ).toEqual([]);

    expect(
      (
        await call(placementRoute.GET, `/api/v1/placements/${world.placementA.id}`, {
          token: tokenA,
          params: { id: world.placementA.id },
        })
      ).status,
    ).toBe(200);
    const crossed = await call(placementRoute.GET, `/api/v1/placements/${world.placementB.id}`, {
      token: tokenA,
      params: { id: world.placementB.id },
    });
    expect(crossed.status).toBe(404);
    const missing = await call(placementRoute.GET, "/api/v1/placements/nope", {
      token: tokenA,
      params: { id: "nope" },
    });
    expect(missing).toMatchObject({ status: 404, body: crossed.body });

    const listB = await call(placementsRoute.GET, "/api/v1/placements", { token: tokenB });
    expect(listB.body.placements.map((row: { id: string }) => row.id)).toEqual([world.placementB.id]);
    // Reading writes nothing: no audit row (its actor would not be a User), no other change.
    expect(await rowCounts()).toEqual(before);
  });

  it("reads the milestones of its own university's placements only", async () => {
    const heldOn = fromIsoDate(addDays(todayInUk(), -20));
    const mA = await db().placementMilestone.create({
      data: {
        placementId: world.placementA.id,
        kind: "LEARNING_AGREEMENT",
        heldOn,
        recordedById: world.users.peA.id,
        learningNeeds: "Court skills",
      },
    });
    const mB = await db().placementMilestone.create({
      data: { placementId: world.placementB.id, kind: "LEARNING_AGREEMENT", heldOn, recordedById: world.users.peB.id },
    });
    const before = await rowCounts();
    const listA = await call(milestonesRoute.GET, "/api/v1/milestones", { token: tokenA });
    expect(listA.status).toBe(200);
    expect(listA.body.milestones.map((row: { id: string }) => row.id)).toEqual([mA.id]);
    expect(listA.body.milestones[0]).toMatchObject({
      placementId: world.placementA.id,
      kind: "LEARNING_AGREEMENT",
      learningAgreement: { learningNeeds: "Court skills" },
      recordedByName: "Test peA",
    });
    expect(
      (await call(milestonesRoute.GET, "/api/v1/milestones", { token: tokenB })).body.milestones.map(
        (row: { id: string }) => row.id,
      ),
    ).toEqual([mB.id]);
    expect(
      (await call(milestonesRoute.GET, `/api/v1/milestones?placementId=${world.placementB.id}`, { token: tokenA })).body
        .milestones,
    ).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });
});

describe("what a token may not do", () => {
  it("cannot write: POST, PATCH and DELETE are a 403 and nothing changes", async () => {
    const before = await rowCounts();
    const post = await call(placementsRoute.POST, "/api/v1/placements", {
      token: tokenA,
      method: "POST",
      body: { studentId: world.users.studentA.id },
    });
    expect(post).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden", message: "API tokens are read-only: they can only make GET requests." } },
    });
    const patch = await call(placementRoute.PATCH, `/api/v1/placements/${world.placementA.id}`, {
      token: tokenA,
      method: "PATCH",
      body: {},
      params: { id: world.placementA.id },
    });
    expect(patch.status).toBe(403);
    const attend = await call(attendanceRoute.POST, `/api/v1/placements/${world.placementA.id}/attendance`, {
      token: tokenA,
      method: "POST",
      body: { date: todayInUk(), kind: "PLACEMENT_DAY" },
      params: { id: world.placementA.id },
    });
    expect(attend.status).toBe(403);
    const day = await db().attendanceDay.create({
      data: {
        placementId: world.placementA.id,
        date: fromIsoDate(addDays(todayInUk(), -1)),
        kind: "PLACEMENT_DAY",
        recordedById: world.users.peA.id,
      },
    });
    const removal = await call(
      attendanceDayRoute.DELETE,
      `/api/v1/placements/${world.placementA.id}/attendance/${day.id}`,
      { token: tokenA, method: "DELETE", params: { id: world.placementA.id, attendanceId: day.id } },
    );
    expect(removal.status).toBe(403);
    expect(await db().attendanceDay.findUnique({ where: { id: day.id } })).not.toBeNull();
    expect(await rowCounts()).toEqual({ ...before, attendance: before.attendance + 1 });
  });

  it("cannot call a route not flagged for tokens (401), even a GET", async () => {
    const children = await call(childrenRoute.GET, "/api/v1/children", { token: tokenA });
    expect(children).toMatchObject({
      status: 401,
      body: { error: { code: "unauthenticated", message: "This route does not accept API tokens." } },
    });
    const attendance = await call(attendanceRoute.GET, `/api/v1/placements/${world.placementA.id}/attendance`, {
      token: tokenA,
      params: { id: world.placementA.id },
    });
    expect(attendance.status).toBe(401);
  });

  it("gives one 401 for an unknown, malformed, empty, revoked or expired token", async () => {
    const revoked = await issueApiToken(world.users.admin, { universityId: world.uniA.id, name: "To revoke" });
    const expired = await issueApiToken(world.users.admin, { universityId: world.uniA.id, name: "To expire" });
    expect((await call(placementsRoute.GET, "/api/v1/placements", { token: revoked.token })).status).toBe(200);
    await revokeApiToken(world.users.admin, revoked.id);
    await db().apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const answers = await Promise.all(
      [
        { token: revoked.token },
        { token: expired.token },
        { token: "pt_" + "x".repeat(43) },
        { token: "not-a-token" },
        { authorization: "Bearer" },
        { authorization: "Bearer    " },
      ].map((init) => call(placementsRoute.GET, "/api/v1/placements", init)),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        error: {
          code: "unauthenticated",
          message: "The API token is not valid: check it, or ask the team manager for a new one.",
        },
      });
      expect(answer.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("is rate limited per token: 429 with Retry-After after the limit, other tokens unaffected", async () => {
    process.env.API_TOKEN_RATE_LIMIT = "3";
    // Four requests in one fixed window: wait for the next one if this one is about to end.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 50));
    const limited = await issueApiToken(world.users.admin, { universityId: world.uniA.id, name: "Busy system" });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call(placementsRoute.GET, "/api/v1/placements", { token: limited.token })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const over = await call(placementsRoute.GET, "/api/v1/placements", { token: limited.token });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe("rate_limited");
    expect(over.body.error.message).toMatch(
      /^Too many requests with this API token: the limit is 3 a minute\. Try again in \d+ seconds\.$/,
    );
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const other = await issueApiToken(world.users.admin, { universityId: world.uniA.id, name: "Quiet system" });
    expect((await call(placementsRoute.GET, "/api/v1/placements", { token: other.token })).status).toBe(200);
  });
});

describe("paging through changes", () => {
  it("returns every row exactly once with limit and cursor, even with equal update times, and updatedSince narrows inclusively", async () => {
    // Nine more placements for University A's student, five of them with the same updatedAt.
    const extra = [];
    for (let i = 0; i < 9; i++) {
      extra.push(
        await db().placement.create({
          data: {
            studentId: world.users.studentA.id,
            teamId: world.team.id,
            setting: `Extra ${i}`,
            level: "FIRST",
            startDate: fromIsoDate(todayInUk()),
            endDate: fromIsoDate(addDays(todayInUk(), 60)),
            requiredDays: 70,
            status: "PLANNED",
          },
        }),
      );
    }
    const tie = new Date("2030-05-01T09:00:00.000Z");
    await db()
      .$executeRaw`UPDATE "Placement" SET "updatedAt" = ${tie.toISOString()}::timestamptz AT TIME ZONE 'UTC' WHERE id IN (${extra[0].id}, ${extra[1].id}, ${extra[2].id}, ${extra[3].id}, ${extra[4].id})`;
    const later = new Date("2030-05-02T09:00:00.000Z");
    await db()
      .$executeRaw`UPDATE "Placement" SET "updatedAt" = ${later.toISOString()}::timestamptz AT TIME ZONE 'UTC' WHERE id IN (${extra[5].id}, ${extra[6].id})`;

    const all = (await call(placementsRoute.GET, "/api/v1/placements", { token: tokenA })).body.placements as Array<{
      id: string;
      updatedAt: string;
    }>;
    expect(all).toHaveLength(10);
    const pairs = all.map((row) => `${row.updatedAt}|${row.id}`);
    expect([...pairs].sort()).toEqual(pairs);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/v1/placements?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await call(placementsRoute.GET, query, { token: tokenA });
      expect(page.status).toBe(200);
      expect(page.body.placements.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.placements.map((row: { id: string }) => row.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(all.map((row) => row.id));
    expect(new Set(seen).size).toBe(10);
    expect(pages).toBe(4);

    const since = await call(placementsRoute.GET, `/api/v1/placements?updatedSince=${tie.toISOString()}&limit=2`, {
      token: tokenA,
    });
    const sinceIds: string[] = since.body.placements.map((row: { id: string }) => row.id);
    const next = await call(
      placementsRoute.GET,
      `/api/v1/placements?updatedSince=${tie.toISOString()}&limit=500&cursor=${since.body.nextCursor}`,
      { token: tokenA },
    );
    sinceIds.push(...next.body.placements.map((row: { id: string }) => row.id));
    expect(next.body.nextCursor).toBeNull();
    expect(sinceIds.sort()).toEqual(
      extra
        .slice(0, 7)
        .map((row) => row.id)
        .sort(),
    );
    expect(
      (
        await call(placementsRoute.GET, `/api/v1/placements?updatedSince=2030-05-02T10:00:00%2B01:00`, {
          token: tokenA,
        })
      ).body.placements
        .map((row: { id: string }) => row.id)
        .sort(),
    ).toEqual([extra[5].id, extra[6].id].sort());
  });

  it("answers bad paging parameters with a 422 naming each", async () => {
    const bad = await call(placementsRoute.GET, "/api/v1/placements?limit=501&updatedSince=yesterday&cursor=zzz", {
      token: tokenA,
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["cursor", "limit", "updatedSince"]);
    expect((await call(milestonesRoute.GET, "/api/v1/milestones?limit=0", { token: tokenA })).status).toBe(422);
  });
});
