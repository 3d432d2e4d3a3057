import { createHash, timingSafeEqual } from "node:crypto";

// Who may trigger the reminders job over HTTP: a scheduler holding
// REMINDER_JOB_SECRET, or the app's own daily timer (scripts/start.ts), which
// hands the server a per-process REMINDER_INTERNAL_SECRET when no public secret
// is configured. Not a user session and not a university API token.

export type JobAuth = "ok" | "not-configured" | "unauthorised";

/** Constant-time comparison: hashing first makes the lengths equal, so nothing leaks through timing. */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export function checkJobAuthorization(
  header: string | null,
  env: Record<string, string | undefined> = process.env,
): JobAuth {
  const publicSecret = env.REMINDER_JOB_SECRET?.trim() || null;
  const internalSecret = env.REMINDER_INTERNAL_SECRET?.trim() || null;
  const match = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? "");
  const given = match?.[1].trim() ?? "";
  // Check both, always, so the answer takes the same time whichever matched.
  const publicOk = publicSecret !== null && given !== "" && secretsMatch(given, publicSecret);
  const internalOk = internalSecret !== null && given !== "" && secretsMatch(given, internalSecret);
  if (publicOk || internalOk) return "ok";
  return publicSecret === null ? "not-configured" : "unauthorised";
}
