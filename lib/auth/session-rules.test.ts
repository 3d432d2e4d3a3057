import { secureCookies, sessionAlive, sessionExpiry, sessionSettings, shouldTouch } from "./session-rules";

const at = (iso: string) => new Date(iso);

describe("session settings", () => {
  it("defaults to 30 minutes idle and 8 hours in all", () => {
    expect(sessionSettings({})).toEqual({ idleMs: 30 * 60_000, maxMs: 8 * 3_600_000 });
  });

  it("reads SESSION_IDLE_MINUTES and SESSION_MAX_HOURS, ignoring nonsense", () => {
    expect(sessionSettings({ SESSION_IDLE_MINUTES: "15", SESSION_MAX_HOURS: "12" })).toEqual({
      idleMs: 15 * 60_000,
      maxMs: 12 * 3_600_000,
    });
    expect(sessionSettings({ SESSION_IDLE_MINUTES: "-1", SESSION_MAX_HOURS: "eight" })).toEqual(sessionSettings({}));
    expect(sessionSettings({ SESSION_IDLE_MINUTES: "0", SESSION_MAX_HOURS: "" })).toEqual(sessionSettings({}));
  });
});

describe("when a session ends", () => {
  const settings = sessionSettings({});
  const signedIn = at("2026-12-03T09:00:00Z");
  const expiresAt = sessionExpiry(signedIn, settings);

  it("ends 8 hours after signing in, however busy", () => {
    expect(expiresAt).toEqual(at("2026-12-03T17:00:00Z"));
    const lastSeenAt = at("2026-12-03T16:59:00Z");
    expect(sessionAlive({ lastSeenAt, expiresAt }, at("2026-12-03T16:59:30Z"), settings)).toBe(true);
    expect(sessionAlive({ lastSeenAt, expiresAt }, at("2026-12-03T17:00:00Z"), settings)).toBe(false);
  });

  it("ends after 30 minutes without a request", () => {
    const lastSeenAt = at("2026-12-03T10:00:00Z");
    expect(sessionAlive({ lastSeenAt, expiresAt }, at("2026-12-03T10:29:59Z"), settings)).toBe(true);
    expect(sessionAlive({ lastSeenAt, expiresAt }, at("2026-12-03T10:30:00Z"), settings)).toBe(false);
  });

  it("notes activity at most once a minute", () => {
    const lastSeenAt = at("2026-12-03T10:00:00Z");
    expect(shouldTouch({ lastSeenAt, expiresAt }, at("2026-12-03T10:00:59Z"))).toBe(false);
    expect(shouldTouch({ lastSeenAt, expiresAt }, at("2026-12-03T10:01:00Z"))).toBe(true);
  });
});

describe("Secure cookies", () => {
  it("follow an https APP_URL, and default to on in production", () => {
    expect(secureCookies({ APP_URL: "https://placements.example.gov.uk" })).toBe(true);
    expect(secureCookies({ APP_URL: "http://localhost:3201", NODE_ENV: "production" })).toBe(false);
    expect(secureCookies({ NODE_ENV: "production" })).toBe(true);
    expect(secureCookies({ NODE_ENV: "development" })).toBe(false);
  });
});
