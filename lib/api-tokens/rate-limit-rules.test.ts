import {
  DEFAULT_API_TOKEN_RATE_LIMIT,
  rateLimitDecision,
  rateLimitFromEnv,
  shouldRecordUse,
  windowStartOf,
} from "./rate-limit-rules";

describe("rate limit rules", () => {
  it("puts every instant of a minute in the same window", () => {
    expect(windowStartOf(new Date("2026-11-23T10:15:00.000Z")).toISOString()).toBe("2026-11-23T10:15:00.000Z");
    expect(windowStartOf(new Date("2026-11-23T10:15:59.999Z")).toISOString()).toBe("2026-11-23T10:15:00.000Z");
    expect(windowStartOf(new Date("2026-11-23T10:16:00.000Z")).toISOString()).toBe("2026-11-23T10:16:00.000Z");
  });

  it("allows up to the limit, then says how long to wait until the next window", () => {
    const windowStart = new Date("2026-11-23T10:15:00.000Z");
    const now = new Date("2026-11-23T10:15:40.200Z");
    expect(rateLimitDecision({ count: 1, limit: 3, now, windowStart })).toEqual({ allowed: true, remaining: 2 });
    expect(rateLimitDecision({ count: 3, limit: 3, now, windowStart })).toEqual({ allowed: true, remaining: 0 });
    expect(rateLimitDecision({ count: 4, limit: 3, now, windowStart })).toEqual({
      allowed: false,
      retryAfterSeconds: 20,
    });
    // Never "retry after 0 seconds", even at the very end of the window.
    expect(rateLimitDecision({ count: 4, limit: 3, now: new Date("2026-11-23T10:15:59.999Z"), windowStart })).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it.each([
    [undefined, DEFAULT_API_TOKEN_RATE_LIMIT],
    ["", DEFAULT_API_TOKEN_RATE_LIMIT],
    ["abc", DEFAULT_API_TOKEN_RATE_LIMIT],
    ["0", DEFAULT_API_TOKEN_RATE_LIMIT],
    ["-5", DEFAULT_API_TOKEN_RATE_LIMIT],
    ["2.5", DEFAULT_API_TOKEN_RATE_LIMIT],
    ["3", 3],
    ["600", 600],
  ])("reads API_TOKEN_RATE_LIMIT=%p as %p", (value, expected) => {
    expect(rateLimitFromEnv(value)).toBe(expected);
  });

  it("records a token's use at most once a minute", () => {
    const now = new Date("2026-11-23T10:15:00.000Z");
    expect(shouldRecordUse(null, now)).toBe(true);
    expect(shouldRecordUse(new Date("2026-11-23T10:14:30.000Z"), now)).toBe(false);
    expect(shouldRecordUse(new Date("2026-11-23T10:14:00.000Z"), now)).toBe(true);
  });
});
