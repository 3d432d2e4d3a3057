import { LINK_LIFETIME_MS, linkExpiry, linkState } from "./link-rules";

const issued = new Date("2026-12-03T09:00:00Z");

describe("one-time links", () => {
  it("an invitation lasts 7 days and a password reset 30 minutes", () => {
    expect(linkExpiry("INVITATION", issued)).toEqual(new Date("2026-12-10T09:00:00Z"));
    expect(linkExpiry("PASSWORD_RESET", issued)).toEqual(new Date("2026-12-03T09:30:00Z"));
    expect(LINK_LIFETIME_MS.PASSWORD_RESET).toBe(30 * 60_000);
  });

  it("works until it expires, and never once used or revoked", () => {
    const link = { expiresAt: linkExpiry("PASSWORD_RESET", issued), usedAt: null, revokedAt: null };
    expect(linkState(link, new Date("2026-12-03T09:29:59Z"))).toBe("usable");
    expect(linkState(link, new Date("2026-12-03T09:30:00Z"))).toBe("expired");
    expect(linkState({ ...link, usedAt: issued }, issued)).toBe("used");
    expect(linkState({ ...link, revokedAt: issued }, issued)).toBe("revoked");
    expect(linkState(null, issued)).toBe("unknown");
  });
});
