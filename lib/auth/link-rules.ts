// One-time links sent by email (docs/decisions/0012-sessions.md): how long
// each kind lasts and whether one still works. Pure, tested beside.

export type LinkPurpose = "INVITATION" | "PASSWORD_RESET";

export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  INVITATION: 7 * 24 * 3_600_000,
  PASSWORD_RESET: 30 * 60_000,
};

export type LinkState = "usable" | "used" | "expired" | "revoked" | "unknown";

export function linkExpiry(purpose: LinkPurpose, issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + LINK_LIFETIME_MS[purpose]);
}

export function linkState(
  link: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null } | null,
  now: Date,
): LinkState {
  if (!link) return "unknown";
  if (link.usedAt) return "used";
  if (link.revokedAt) return "revoked";
  if (link.expiresAt <= now) return "expired";
  return "usable";
}

/** What the page says about a link that does not work: plain words, and what to do next. */
export const LINK_PROBLEMS: Record<Exclude<LinkState, "usable">, string> = {
  used: "This link has already been used. Each link works once.",
  expired: "This link has expired.",
  revoked: "This link has been replaced by a newer one or withdrawn.",
  unknown: "This link is not valid. Check that you copied the whole address from the email.",
};
