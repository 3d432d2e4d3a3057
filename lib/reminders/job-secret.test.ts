import { checkJobAuthorization, secretsMatch } from "@/lib/reminders/job-secret";

describe("who may trigger the reminders job", () => {
  const env = { REMINDER_JOB_SECRET: "a-long-scheduler-secret" };

  it("accepts the configured secret as a Bearer token", () => {
    expect(checkJobAuthorization("Bearer a-long-scheduler-secret", env)).toBe("ok");
    expect(checkJobAuthorization("bearer  a-long-scheduler-secret ", env)).toBe("ok");
  });

  it("refuses a missing, wrong, prefixed or truncated secret", () => {
    for (const header of [
      null,
      "",
      "Bearer",
      "Bearer ",
      "Bearer wrong",
      "Basic a-long-scheduler-secret",
      "Bearer a-long-scheduler-secre",
      "Bearer a-long-scheduler-secretX",
    ]) {
      expect(checkJobAuthorization(header, env)).toBe("unauthorised");
    }
  });

  it("is switched off (not configured) without REMINDER_JOB_SECRET, except for the app's own timer", () => {
    expect(checkJobAuthorization("Bearer anything", {})).toBe("not-configured");
    expect(checkJobAuthorization("Bearer internal-1", { REMINDER_INTERNAL_SECRET: "internal-1" })).toBe("ok");
    expect(checkJobAuthorization("Bearer other", { REMINDER_INTERNAL_SECRET: "internal-1" })).toBe("not-configured");
    expect(checkJobAuthorization("Bearer ", { REMINDER_JOB_SECRET: "   " })).toBe("not-configured");
  });

  it("compares whole strings", () => {
    expect(secretsMatch("abc", "abc")).toBe(true);
    expect(secretsMatch("abc", "abcd")).toBe(false);
    expect(secretsMatch("", "abc")).toBe(false);
  });
});
