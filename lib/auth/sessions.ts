import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { sessionAlive, sessionExpiry, sessionSettings, shouldTouch } from "@/lib/auth/session-rules";

// Server-side sessions (docs/decisions/0011-sessions.md). Signing in makes a
// Session row and gives the browser a random token in an httpOnly cookie; only
// the token's SHA-256 is stored. Every request looks the row up, so deleting
// it (sign out, sign out everywhere, a password change, deactivation) ends
// the session at once on every instance.

export type SessionMeta = { userAgent?: string | null; ipAddress?: string | null };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh token: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** Starts a session for a user who has just proved who they are; returns the cookie's token. */
export async function startSession(userId: string, meta: SessionMeta, now = new Date()) {
  const token = newToken();
  const expiresAt = sessionExpiry(now, sessionSettings());
  await getDb().$transaction([
    getDb().session.create({
      data: {
        tokenHash: hashToken(token),
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        ipAddress: meta.ipAddress?.slice(0, 64) ?? null,
      },
    }),
    getDb().user.update({ where: { id: userId }, data: { lastSignedInAt: now } }),
  ]);
  return { token, expiresAt };
}

export type ActiveSession = { sessionId: string; user: SessionUser };

/**
 * The session a cookie's token names, if it is still alive and its user still
 * active; null otherwise. Notes the activity (at most once a minute) for the
 * idle timeout.
 */
export async function sessionOfToken(token: string | undefined, now = new Date()): Promise<ActiveSession | null> {
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const row = await getDb().session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, role: true, organisationId: true, active: true } },
    },
  });
  if (!row) return null;
  if (!row.user.active || !sessionAlive(row, now, sessionSettings())) {
    await getDb().session.deleteMany({ where: { id: row.id } });
    return null;
  }
  if (shouldTouch(row, now)) await getDb().session.updateMany({ where: { id: row.id }, data: { lastSeenAt: now } });
  const { active: _active, ...user } = row.user;
  return { sessionId: row.id, user };
}

/** Ends the session a token names (signing out). */
export async function endSessionOfToken(token: string | undefined) {
  if (!token || !TOKEN_SHAPE.test(token)) return;
  await getDb().session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Ends every session of a user, except `keep` (the one asking, when they stay signed in). Returns how many ended. */
export async function endSessionsOf(tx: Tx, userId: string, keep?: string): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
  return count;
}

/** Removes sessions past their end, so the table does not grow for ever (called when someone signs in). */
export async function sweepExpiredSessions(now = new Date()) {
  const idleCutoff = new Date(now.getTime() - sessionSettings().idleMs);
  await getDb().session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleCutoff } }] },
  });
}
