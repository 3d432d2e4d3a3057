import { createHash, randomBytes } from "node:crypto";

// A university API token: "pt_" and 32 random bytes in base64url. Only its
// sha256 is stored, so a copy of the database cannot be used to call the API,
// and a short prefix, so people can tell their tokens apart in the list.

export const TOKEN_PREFIX = "pt_";
/** "pt_" and the first 8 random characters: enough to tell tokens apart, far too few to guess the rest. */
export const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;
const TOKEN_PATTERN = /^pt_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function shownPrefixOf(token: string): string {
  return token.slice(0, SHOWN_PREFIX_LENGTH);
}

/** Whether a string could be a token at all: anything else is refused without a database look-up. */
export function looksLikeApiToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export type AuthorizationHeader =
  | { kind: "none" }
  /** A Bearer header: its credential, or "" when it had none (refused like an unknown token). */
  | { kind: "bearer"; token: string };

/**
 * Reads the Authorization header. Any Bearer header, even an empty or
 * malformed one, takes the token path: a request that tried to use a token
 * must never fall back to the browser's session cookie.
 */
export function parseAuthorizationHeader(header: string | null | undefined): AuthorizationHeader {
  if (!header) return { kind: "none" };
  const match = /^\s*bearer(?:\s+(.*))?$/i.exec(header);
  if (!match) return { kind: "none" };
  return { kind: "bearer", token: (match[1] ?? "").trim() };
}
