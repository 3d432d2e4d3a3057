/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import {
  authenticateApiToken,
  countApiTokenRequest,
  issueApiToken,
  listApiTokens,
  revokeApiToken,
} from "@/lib/api-tokens/api-tokens";
import { hashApiToken } from "@/lib/api-tokens/token-format";
import { listAuditEntries } from "@/lib/audit-log";
import { addDays, fromIsoDate, todayInUk } from "@/lib/dates";
import { toAppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-user";

const { db } = useTestDatabase();

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

async function tokenCounts() {
  const [tokens, audit] = await Promise.all([db().apiToken.count(), db().auditLog.count()]);
  return { tokens, audit };
}

async function refused(action: () => Promise<unknown>) {
  const before = await tokenCounts();
  const error = await action().then(
    () => null,
    (caught) => toAppError(caught),
  );
  if (!error) throw new Error("Expected a user-facing error");
  expect(await tokenCounts()).toEqual(before);
  return error;
}

const issue = (overrides: object = {}) =>
  issueApiToken(world.users.admin, { universityId: world.uniA.id, name: "University A student records", ...overrides });

describe("issuing a token", () => {
  it("shows the token once, stores only its sha256 and prefix, and audits without the token", async () => {
    const issued = await issue({ name: "Uni A SITS" });
    expect(issued.token).toMatch(/^pt_[A-Za-z0-9_-]{43}$/);
    expect(issued.prefix).toBe(issued.token.slice(0, 11));
    expect(issued.universityName).toBe("University A");

    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(stored.tokenHash).toBe(hashApiToken(issued.token));
    expect(JSON.stringify(stored)).not.toContain(issued.token);
    expect(stored).toMatchObject({
      universityId: world.uniA.id,
      name: "Uni A SITS",
      createdById: world.users.admin.id,
      revokedAt: null,
      lastUsedAt: null,
    });

    const audit = await listAuditEntries(world.users.admin, { entity: "ApiToken", entityId: issued.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "CREATE", actorName: "Test admin" });
    expect(audit[0].changes).toMatchObject({ universityId: world.uniA.id, name: "Uni A SITS", prefix: issued.prefix });
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toContain(issued.token);
    expect(auditText).not.toContain(stored.tokenHash);
    expect(auditText).not.toContain(issued.token.slice(11));
  });

  it("lasts 90 days by default: it works to the end of the 90th day", async () => {
    const issued = await issue();
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(stored.expiresAt.toISOString()).toBe(fromIsoDate(addDays(todayInUk(), 91)).toISOString());
  });

  it("accepts an expiry from tomorrow to 365 days ahead", async () => {
    const tomorrow = await issue({ expiresOn: addDays(todayInUk(), 1) });
    const year = await issue({ expiresOn: addDays(todayInUk(), 365) });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: tomorrow.id } })).expiresAt.toISOString()).toBe(
      fromIsoDate(addDays(todayInUk(), 2)).toISOString(),
    );
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: year.id } })).expiresAt.toISOString()).toBe(
      fromIsoDate(addDays(todayInUk(), 366)).toISOString(),
    );
  });

  it.each([
    ["an expiry today", { expiresOn: todayInUk() }, "expiresOn"],
    ["an expiry in the past", { expiresOn: addDays(todayInUk(), -3) }, "expiresOn"],
    ["an expiry more than 365 days ahead", { expiresOn: addDays(todayInUk(), 366) }, "expiresOn"],
    ["an impossible date", { expiresOn: "2027-02-30" }, "expiresOn"],
    ["no name", { name: "" }, "name"],
    ["a name too long", { name: "x".repeat(101) }, "name"],
    ["no university", { universityId: "" }, "universityId"],
    ["a team rather than a university", { universityId: "TEAM" }, "universityId"],
    ["an unknown university", { universityId: "no-such-university" }, "universityId"],
  ])("refuses %s with a 422 on the field, saving nothing", async (_label, overrides, field) => {
    const input = { ...overrides } as Record<string, unknown>;
    if (input.universityId === "TEAM") input.universityId = world.team.id;
    const error = await refused(() => issue(input));
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.[field]).toBeDefined();
  });
});

describe("only the team manager manages tokens", () => {
  const others = ["peA", "peB", "onsiteA", "studentA", "tutorA", "tutorB"] as const;

  it.each(others)("%s may not issue, list or revoke (403), and nothing changes", async (who) => {
    const user = world.users[who];
    const existing = await issue();
    expect((await refused(() => issueApiToken(user, { universityId: world.uniA.id, name: "Mine" }))).status).toBe(403);
    expect((await refused(() => listApiTokens(user))).status).toBe(403);
    expect((await refused(() => revokeApiToken(user, existing.id))).status).toBe(403);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: existing.id } })).revokedAt).toBeNull();
  });

  it("another team's manager sees none of this team's tokens and cannot revoke them (404)", async () => {
    const existing = await issue();
    expect((await listApiTokens(world.users.otherAdmin)).map((row) => row.id)).not.toContain(existing.id);
    expect((await refused(() => revokeApiToken(world.users.otherAdmin, existing.id))).status).toBe(404);
  });

  it("lists prefix, university, name, creator, dates and state, never the token or hash", async () => {
    const issued = await issue({ name: "Listed token" });
    const rows = await listApiTokens(world.users.admin);
    const row = rows.find((candidate) => candidate.id === issued.id);
    expect(row).toMatchObject({
      prefix: issued.prefix,
      name: "Listed token",
      university: { id: world.uniA.id, name: "University A" },
      createdByName: "Test admin",
      lastUsedAt: null,
      revokedAt: null,
      state: "ACTIVE",
    });
    expect(JSON.stringify(rows)).not.toContain(issued.token);
    expect(JSON.stringify(rows)).not.toContain("tokenHash");
  });
});

describe("revoking", () => {
  it("revokes with an optional reason, audited; a second revoke is a 409 that changes nothing", async () => {
    const issued = await issue();
    expect(await authenticateApiToken(issued.token)).not.toBeNull();
    await revokeApiToken(world.users.admin, issued.id, { reason: "System replaced" });
    expect(await authenticateApiToken(issued.token)).toBeNull();
    expect((await listApiTokens(world.users.admin)).find((row) => row.id === issued.id)?.state).toBe("REVOKED");
    const audit = await listAuditEntries(world.users.admin, { entity: "ApiToken", entityId: issued.id });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["CREATE", "UPDATE"]);
    expect(audit.find((entry) => entry.action === "UPDATE")?.changes).toMatchObject({
      reason: "System replaced",
      revokedAt: { from: null },
    });

    const error = await refused(() => revokeApiToken(world.users.admin, issued.id));
    expect(error.status).toBe(409);
  });

  it("refuses an unknown token (404) and an overlong reason (422)", async () => {
    expect((await refused(() => revokeApiToken(world.users.admin, "no-such-token"))).status).toBe(404);
    const issued = await issue();
    const error = await refused(() => revokeApiToken(world.users.admin, issued.id, { reason: "x".repeat(501) }));
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.reason).toBeDefined();
  });
});

describe("authenticating a token", () => {
  it("acts as a tutor of its university, of the team that issued it, under an id no User has", async () => {
    const issued = await issue({ name: "Uni A" });
    expect(await authenticateApiToken(issued.token)).toEqual({
      tokenId: issued.id,
      user: {
        id: `api-token:${issued.id}`,
        role: "UNIVERSITY_TUTOR",
        organisationId: world.uniA.id,
        name: "API token: Uni A",
        email: "",
        apiTokenTeamId: world.team.id,
      } satisfies SessionUser & { apiTokenTeamId: string },
    });
  });

  it("refuses unknown, malformed, revoked and expired tokens alike (null)", async () => {
    const issued = await issue();
    expect(await authenticateApiToken("pt_" + "A".repeat(43))).toBeNull();
    expect(await authenticateApiToken(issued.token + "x")).toBeNull();
    expect(await authenticateApiToken("")).toBeNull();
    // Works to the end of its last day, not a moment after.
    const expiresAt = (await db().apiToken.findUniqueOrThrow({ where: { id: issued.id } })).expiresAt;
    expect(await authenticateApiToken(issued.token, new Date(expiresAt.getTime() - 1))).not.toBeNull();
    expect(await authenticateApiToken(issued.token, expiresAt)).toBeNull();
  });

  it("records its last use at most once a minute", async () => {
    const issued = await issue();
    const now = new Date();
    await authenticateApiToken(issued.token, now);
    const lastUsed = async () =>
      (await db().apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt?.toISOString();
    expect(await lastUsed()).toBe(now.toISOString());
    await authenticateApiToken(issued.token, new Date(now.getTime() + 30_000));
    expect(await lastUsed()).toBe(now.toISOString());
    const later = new Date(now.getTime() + 61_000);
    await authenticateApiToken(issued.token, later);
    expect(await lastUsed()).toBe(later.toISOString());
  });
});

describe("the rate limit, counted in the database", () => {
  it("allows the limit in a window, refuses the next with a wait, and starts again in the next window", async () => {
    const issued = await issue();
    const start = new Date("2030-01-01T10:00:10.000Z");
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await countApiTokenRequest(issued.id, 3, start));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(await countApiTokenRequest(issued.id, 3, new Date("2030-01-01T10:01:00.000Z"))).toEqual({
      allowed: true,
      remaining: 2,
    });
  });

  it("counts every one of concurrent requests (one atomic statement)", async () => {
    const issued = await issue();
    const now = new Date("2030-02-01T10:00:00.000Z");
    const decisions = await Promise.all(Array.from({ length: 10 }, () => countApiTokenRequest(issued.id, 6, now)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(6);
    expect((await db().rateLimitWindow.findFirstOrThrow({ where: { key: `api-token:${issued.id}` } })).count).toBe(10);
  });

  it("clears ended windows when a new one starts", async () => {
    const issued = await issue();
    await countApiTokenRequest(issued.id, 3, new Date("2030-03-01T10:00:00.000Z"));
    await countApiTokenRequest(issued.id, 3, new Date("2030-03-01T10:01:00.000Z"));
    await countApiTokenRequest(issued.id, 3, new Date("2030-03-01T10:05:00.000Z"));
    const windows = await db().rateLimitWindow.findMany({ where: { key: `api-token:${issued.id}` } });
    expect(windows.map((window) => window.windowStart.toISOString())).toEqual(["2030-03-01T10:05:00.000Z"]);
  });
});
