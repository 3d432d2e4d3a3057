// What a log line may say. Logs leave the council's database for log
// shippers and dashboards, so they carry ids, routes and codes, never a
// child's name, a password, a token, a cookie or free text from the records
// (docs/operations.md#logs). Free text cannot be recognised, so anything
// that might carry it is reduced to its shape instead.

const SECRET_KEY = /pass(word)?|secret|token|cookie|authori[sz]ation|session|csrf|credential|api[-_]?key/i;
// Keys whose values are record content: names, notes, reflections, addresses…
const CONTENT_KEY =
  /name|email|notes?|text|title|body|description|reflection|comment|feedback|words|address|phone|dob|birth|changes|query|search|^q$/i;

/**
 * An error message with anything that may be data removed: quoted strings,
 * key=(value) pairs from PostgreSQL, email addresses, tokens and long numbers.
 * Prisma's messages quote the query's arguments, which can hold a child's name.
 */
export function scrubMessage(message: string): string {
  return (
    message
      // Prisma prints the failing call's arguments after "invocation:"; keep what follows the arguments only.
      .replace(/invocation(?: in)?[\s\S]*?(?=\n\n[A-Z]|$)/, "invocation: [arguments removed]")
      .replace(/\(([^()]*)\)=\(([^()]*)\)/g, "($1)=([removed])")
      .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '"[removed]"')
      .replace(/[^\s@<>()"']+@[^\s@<>()"']+\.[A-Za-z]{2,}/g, "[email removed]")
      .replace(/\b(?:pt_|eyJ)[A-Za-z0-9._~+/=-]{8,}/g, "[token removed]")
      .replace(/\b[A-Za-z0-9+/=_-]{32,}\b/g, "[token removed]")
      .slice(0, 2000)
  );
}

/** An error as a log field: its class, codes and stack frames, and its message scrubbed. */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const withCodes = error as Error & { code?: unknown; digest?: unknown; cause?: unknown };
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
  return {
    type: error.name,
    message: scrubMessage(error.message),
    ...(typeof withCodes.code === "string" || typeof withCodes.code === "number" ? { code: withCodes.code } : {}),
    ...(typeof withCodes.digest === "string" ? { digest: withCodes.digest } : {}),
    ...(frames.length ? { stack: frames } : {}),
    ...(withCodes.cause instanceof Error ? { cause: serializeError(withCodes.cause) } : {}),
  };
}

// Fields the server itself sets, passed as they are when they look like what they should be.
const OWN_FIELDS = new Set(["requestId", "userId", "route", "method"]);
const OWN_VALUE = /^[\w\-.:/[\]()]{1,200}$/;

/** A value as a log field: secrets and record content by key are removed, strings scrubbed, depth bounded. */
export function redactValue(value: unknown, key = "", depth = 0): unknown {
  if (OWN_FIELDS.has(key) && typeof value === "string" && OWN_VALUE.test(value)) return value;
  if (SECRET_KEY.test(key) || CONTENT_KEY.test(key)) return "[removed]";
  if (value instanceof Error) return serializeError(value);
  if (typeof value === "string") return scrubMessage(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 4) return "[nested]";
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => redactValue(item, "", depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([name, item]) => [name, redactValue(item, name, depth + 1)]),
  );
}
