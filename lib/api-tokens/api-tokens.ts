import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { AppError, conflict, forbidden, notFound, parseInput } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
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

// University API tokens (issue 6): the team manager issues a read-only token
// for one university's system. The token acts as a tutor of that university,
// so it reads exactly what the university's tutors read, through the same
// access rules. The token itself is shown once and never stored or audited.

const ADMIN_ONLY = "Only the team manager can issue, list and revoke API tokens.";

function requireAdmin(user: SessionUser) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden(ADMIN_ONLY);
}

/** The tokens an admin manages: those issued by anyone in their own team. */
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

export async function issueApiToken(user: SessionUser, input: unknown): Promise<IssuedApiToken> {
  requireAdmin(user);
  const data = parseInput(issueApiTokenSchema, input);
  const token = generateApiToken();

  return getDb().$transaction(async (tx) => {
    const university = await tx.organisation.findFirst({
      where: { id: data.universityId, kind: "UNIVERSITY" },
      select: { id: true, name: true },
    });
    if (!university)
      throw new AppError("validation", "Check the highlighted fields.", {
        universityId: ["Choose one of the universities"],
      });
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
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "ApiToken",
      entityId: created.id,
      changes: {
        universityId: university.id,
        universityName: university.name,
        name: created.name,
        prefix: created.prefix,
        expiresAt: created.expiresAt,
      },
    });
    return {
      id: created.id,
      token,
      prefix: created.prefix,
      name: created.name,
      universityName: university.name,
      expiresAt: created.expiresAt.toISOString(),
    };
  });
}

export type ApiTokenState = "ACTIVE" | "EXPIRED" | "REVOKED";

export function apiTokenState(token: { revokedAt: Date | null; expiresAt: Date }, now = new Date()): ApiTokenState {
  if (token.revokedAt) return "REVOKED";
  return token.expiresAt <= now ? "EXPIRED" : "ACTIVE";
}

/** The team's tokens, newest first: never the token or its hash, only the prefix. */
export async function listApiTokens(user: SessionUser, now = new Date()) {
  requireAdmin(user);
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

export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

export async function revokeApiToken(user: SessionUser, tokenId: string, input: unknown = {}) {
  requireAdmin(user);
  const { reason } = parseInput(revokeApiTokenSchema, input ?? {});
  return getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, ...tokensOfTeam(user) },
      select: { id: true, revokedAt: true },
    });
    if (!token) throw notFound("That API token");
    const revokedAt = new Date();
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) throw conflict("That API token is already revoked.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "ApiToken",
      entityId: token.id,
      changes: { revokedAt: { from: null, to: revokedAt }, ...(reason ? { reason } : {}) },
    });
    return { id: token.id, revokedAt: revokedAt.toISOString() };
  });
}

/** The id an API token acts under: never a User's id, so nothing can be written in its name (foreign keys refuse it). */
export const API_TOKEN_USER_PREFIX = "api-token:";

export function isApiTokenUser(user: Pick<SessionUser, "id">): boolean {
  return user.id.startsWith(API_TOKEN_USER_PREFIX);
}

/**
 * The tutor-like user a Bearer token acts as, or null when the token is
 * unknown, revoked or expired (the caller answers all three the same way).
 * lastUsedAt is written at most once a minute, not on every request.
 */
export async function authenticateApiToken(
  token: string,
  now = new Date(),
): Promise<{ tokenId: string; user: SessionUser } | null> {
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
