import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canManageApiTokens } from "@/lib/access/admin";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, forbidden, notFound } from "@/lib/errors";
import { addDays, fromIsoDate } from "@/lib/dates";
import { defaultTokenExpiry, issueApiTokenSchema, revokeApiTokenSchema } from "@/lib/validations/api-token";
import { generateApiToken, hashApiToken, looksLikeApiToken, shownPrefixOf } from "@/lib/api-tokens/token-format";
import {
  rateLimitDecision,
  RATE_LIMIT_WINDOW_MS,
  shouldRecordUse,
  windowStartOf,
  type RateLimitDecision,
} from "@/lib/api-tokens/rate-limit-rules";

// University API tokens: the team manager issues a read-only token for one
// university's system. The token acts as a tutor of that university, so it
// reads exactly what the university's tutors read, through the same access
// rules. The token itself is shown once and never stored or audited.

const MANAGE_TOKENS = "Only the team manager can issue, list and revoke API tokens.";
const mayManage = (user: SessionUser) => canManageApiTokens(user) || MANAGE_TOKENS;

/** The tokens a team manager manages: those issued by anyone in their own team. */
const tokensOfTeam = (user: SessionUser) => ({ createdBy: { organisationId: user.organisationId } });

/** A token issued on a day stops working at the end of its expiry day (UTC). */
const expiryInstant = (expiresOn: string) => fromIsoDate(addDays(expiresOn, 1));

export type IssuedApiToken = {
  id: string;
  token: string;
  prefix: string;
  name: string;
  universityName: string;
  expiresAt: string;
};

export const issueApiToken = command({
  parse: (body: unknown) => ({ body }),
  input: issueApiTokenSchema,
  load: async () => null,
  allow: mayManage,
  async run({ tx, user, audit }, _nothing, data): Promise<IssuedApiToken> {
    const university = await tx.organisation.findFirst({
      where: { id: data.universityId, kind: "UNIVERSITY" },
      select: { id: true, name: true },
    });
    if (!university) throw fieldError("universityId", "Choose one of the universities");
    const token = generateApiToken();
    const created = await tx.apiToken.create({
      data: {
        universityId: university.id,
        name: data.name,
        prefix: shownPrefixOf(token),
        tokenHash: hashApiToken(token),
        createdById: user.id,
        expiresAt: expiryInstant(data.expiresOn ?? defaultTokenExpiry()),
      },
    });
    // Neither the token nor its hash goes into the audit log.
    await audit.entry("CREATE", "ApiToken", created.id, {
      universityId: university.id,
      universityName: university.name,
      name: created.name,
      prefix: created.prefix,
      expiresAt: created.expiresAt,
    });
    return {
      id: created.id,
      token,
      prefix: created.prefix,
      name: created.name,
      universityName: university.name,
      expiresAt: created.expiresAt.toISOString(),
    };
  },
});

export type ApiTokenState = "ACTIVE" | "EXPIRED" | "REVOKED";

function apiTokenState(token: { revokedAt: Date | null; expiresAt: Date }, now = new Date()): ApiTokenState {
  if (token.revokedAt) return "REVOKED";
  return token.expiresAt <= now ? "EXPIRED" : "ACTIVE";
}

/** The team's tokens, newest first: never the token or its hash, only the prefix. */
export async function listApiTokens(user: SessionUser, now = new Date()) {
  assertVerifiedUser(user);
  if (!canManageApiTokens(user)) throw forbidden(MANAGE_TOKENS);
  const rows = await getDb().apiToken.findMany({
    where: tokensOfTeam(user),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      prefix: true,
      name: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      university: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    university: row.university,
    createdByName: row.createdBy.name,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: apiTokenState(row, now),
  }));
}

/** Stops a token at once, with an optional reason for the audit log. Revoking twice is a 409. */
export const revokeApiToken = command({
  parse: (tokenId: string, body: unknown = {}) => ({ tokenId: parseId(tokenId, "That API token"), body: body ?? {} }),
  input: revokeApiTokenSchema,
  // Null when it is not one of the team's: anyone but the team manager is refused first (403), the manager then gets a 404.
  load: ({ tx, user }, input) =>
    tx.apiToken.findFirst({ where: { id: input.tokenId, ...tokensOfTeam(user) }, select: { id: true } }),
  allow: mayManage,
  async run({ tx, audit }, token, { reason }) {
    if (!token) throw notFound("That API token");
    const revokedAt = new Date();
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) throw conflict("That API token is already revoked.");
    await audit.entry("UPDATE", "ApiToken", token.id, {
      revokedAt: { from: null, to: revokedAt },
      ...(reason ? { reason } : {}),
    });
    return { id: token.id, revokedAt: revokedAt.toISOString() };
  },
});

/** The id an API token acts under: never a User's id, so nothing can be written in its name (foreign keys refuse it). */
const API_TOKEN_USER_PREFIX = "api-token:";

/**
 * The tutor-like user a Bearer token acts as, or null when the token is
 * unknown, revoked or expired (the caller answers all three the same way).
 * lastUsedAt is written at most once a minute, not on every request.
 */
export async function authenticateApiToken(
  token: string,
  now = new Date(),
): Promise<{ tokenId: string; user: SessionUser & { apiTokenTeamId: string } } | null> {
  if (!looksLikeApiToken(token)) return null;
  const db = getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      name: true,
      universityId: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      university: { select: { kind: true } },
      createdBy: { select: { organisationId: true } },
    },
  });
  if (!row || apiTokenState(row, now) !== "ACTIVE" || row.university.kind !== "UNIVERSITY") return null;
  if (shouldRecordUse(row.lastUsedAt, now)) {
    // The condition repeats the check, so instances racing on one token write once.
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - 60_000) } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    tokenId: row.id,
    user: {
      id: `${API_TOKEN_USER_PREFIX}${row.id}`,
      role: "UNIVERSITY_TUTOR",
      organisationId: row.universityId,
      name: `API token: ${row.name}`,
      email: "",
      // A token is the issuing team's: it reads the university's students' placements with that team only.
      apiTokenTeamId: row.createdBy.organisationId,
    },
  };
}

const RATE_LIMIT_KEY_PREFIX = "api-token:";

/**
 * Counts one request of a token in the current one-minute window. One atomic
 * statement, so app instances counting the same token at once never lose a
 * request (see lib/auth/sign-in-throttle.ts for the same pattern).
 */
export async function countApiTokenRequest(
  tokenId: string,
  limit: number,
  now = new Date(),
): Promise<RateLimitDecision> {
  const key = `${RATE_LIMIT_KEY_PREFIX}${tokenId}`;
  const windowStart = windowStartOf(now);
  // Prisma keeps DateTime as UTC in "timestamp" columns, hence AT TIME ZONE 'UTC'.
  const [{ count }] = await getDb().$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimitWindow" ("key", "windowStart", "count")
    VALUES (${key}, ${windowStart.toISOString()}::timestamptz AT TIME ZONE 'UTC', 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
    RETURNING "count"`;
  if (count === 1) {
    // A token's first request in a window clears the windows that have ended
    // (for every token): cheap, and the table stays small without a job.
    await getDb().rateLimitWindow.deleteMany({
      where: {
        key: { startsWith: RATE_LIMIT_KEY_PREFIX },
        windowStart: { lt: new Date(windowStart.getTime() - RATE_LIMIT_WINDOW_MS) },
      },
    });
  }
  return rateLimitDecision({ count: Number(count), limit, now, windowStart });
}
