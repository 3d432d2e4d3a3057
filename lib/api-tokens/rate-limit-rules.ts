// How many requests one API token may make: a fixed window of one minute,
// counted in the database so the limit holds across app instances.

export const RATE_LIMIT_WINDOW_MS = 60_000;
export const DEFAULT_API_TOKEN_RATE_LIMIT = 120;

/** The start of the fixed window an instant falls in. */
export function windowStartOf(now: Date, windowMs = RATE_LIMIT_WINDOW_MS): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** The limit from API_TOKEN_RATE_LIMIT: a positive whole number, else the default. */
export function rateLimitFromEnv(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_API_TOKEN_RATE_LIMIT;
}

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** Given this request's count within its window: allowed, or how long until the next window opens (at least 1 s). */
export function rateLimitDecision(input: {
  count: number;
  limit: number;
  now: Date;
  windowStart: Date;
  windowMs?: number;
}): RateLimitDecision {
  if (input.count <= input.limit) return { allowed: true, remaining: input.limit - input.count };
  const windowEnd = input.windowStart.getTime() + (input.windowMs ?? RATE_LIMIT_WINDOW_MS);
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - input.now.getTime()) / 1000)) };
}

/** Whether lastUsedAt is stale enough to write again: at most once a minute per token, never on every request. */
export function shouldRecordUse(lastUsedAt: Date | null, now: Date, everyMs = 60_000): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= everyMs;
}
