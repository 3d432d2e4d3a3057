// When a session ends (docs/decisions/0011-sessions.md): after IDLE minutes
// without a request, or MAX hours after signing in, whichever comes first.
// Pure, so the rules are tested without a clock or a database.

export type SessionSettings = { idleMs: number; maxMs: number };

export const DEFAULT_IDLE_MINUTES = 30;
export const DEFAULT_MAX_HOURS = 8;
/** lastSeenAt is written at most this often, so a busy page does not write on every request. */
export const TOUCH_EVERY_MS = 60_000;

function positive(value: string | undefined, fallback: number, max: number): number {
  const number = Number(value);
  return value?.trim() && Number.isFinite(number) && number > 0 ? Math.min(number, max) : fallback;
}

/** SESSION_IDLE_MINUTES (default 30) and SESSION_MAX_HOURS (default 8); nonsense falls back to the default. */
export function sessionSettings(env: Record<string, string | undefined> = process.env): SessionSettings {
  const idleMinutes = positive(env.SESSION_IDLE_MINUTES, DEFAULT_IDLE_MINUTES, 24 * 60);
  const maxHours = positive(env.SESSION_MAX_HOURS, DEFAULT_MAX_HOURS, 24 * 30);
  return { idleMs: idleMinutes * 60_000, maxMs: maxHours * 3_600_000 };
}

export type SessionTimes = { lastSeenAt: Date; expiresAt: Date };

export function sessionExpiry(createdAt: Date, settings: SessionSettings): Date {
  return new Date(createdAt.getTime() + settings.maxMs);
}

/** Whether a session is still alive at `now`. */
export function sessionAlive(session: SessionTimes, now: Date, settings: SessionSettings): boolean {
  return session.expiresAt > now && now.getTime() - session.lastSeenAt.getTime() < settings.idleMs;
}

/** Whether this request should move lastSeenAt forward (at most once a minute). */
export function shouldTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS;
}

/**
 * The session cookie is Secure when the app's public address is https, and by
 * default in production when APP_URL is not set; a plain-http APP_URL (a test
 * run on localhost) leaves it off, or browsers would not send it back.
 */
export function secureCookies(env: Record<string, string | undefined> = process.env): boolean {
  const appUrl = env.APP_URL?.trim();
  if (appUrl) return appUrl.startsWith("https://");
  return env.NODE_ENV === "production";
}

export const SESSION_COOKIE = "pt_session";
