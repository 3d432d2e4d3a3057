import pino, { type Logger } from "pino";
import { currentRequestId } from "@/lib/observability/request-context";
import { redactValue, serializeError } from "@/lib/observability/redact";

// One JSON line per event on stdout, for the council's log collector; in
// development a short human-readable line instead (LOG_FORMAT=json|pretty).
// Fields are redacted by key and scrubbed by shape (lib/observability/redact.ts).

const LEVEL_NAMES: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};

function prettyLine(line: string): string {
  try {
    const { level, time, msg, requestId, method, route, status, durationMs, userId, err, ...rest } = JSON.parse(line);
    const clock = new Date(time).toISOString().slice(11, 23);
    const request = route ? ` ${method} ${route} ${status} ${durationMs}ms` : "";
    const who = userId ? ` user=${userId}` : "";
    const id = requestId ? ` [${requestId}]` : "";
    const extra = Object.keys(rest).filter((key) => !["pid", "hostname"].includes(key)).length
      ? ` ${JSON.stringify(Object.fromEntries(Object.entries(rest).filter(([key]) => !["pid", "hostname"].includes(key))))}`
      : "";
    const error = err ? `\n    ${err.type}: ${err.message}${err.stack ? `\n    ${err.stack.join("\n    ")}` : ""}` : "";
    return `${clock} ${(LEVEL_NAMES[level] ?? level).padEnd(5)} ${msg}${request}${who}${id}${extra}${error}\n`;
  } catch {
    return line;
  }
}

function createLogger(): Logger {
  const pretty = (process.env.LOG_FORMAT ?? (process.env.NODE_ENV === "production" ? "json" : "pretty")) === "pretty";
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      base: { pid: process.pid },
      messageKey: "msg",
      timestamp: pino.stdTimeFunctions.isoTime,
      // Every field passes the redactor; a request id is added wherever one is in scope.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      formatters: {
        log: (fields) => redactValue(fields) as Record<string, unknown>,
      },
      serializers: { err: serializeError },
    },
    pretty ? { write: (line: string) => process.stdout.write(prettyLine(line)) } : pino.destination({ sync: true }),
  );
}

const globalForLogger = globalThis as unknown as { placementTrackerLogger?: Logger };

/** The process's logger, shared by the HTTP server and the code Next.js runs. */
export function logger(): Logger {
  return (globalForLogger.placementTrackerLogger ??= createLogger());
}
