import { format } from "node:util";
import { logger } from "../../lib/observability/logger";

// Next.js and the app's own code write to console.*; in production every line
// on stdout must be one JSON log line carrying the request id. So once the
// server starts, console.* goes through the logger (and its redaction).

export function routeConsoleToLog() {
  const log = logger();
  const emit =
    (level: "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const error = args.find((arg) => arg instanceof Error);
      const text = format(...args.filter((arg) => !(arg instanceof Error)));
      if (error) log[level]({ err: error }, text || (error as Error).name);
      else log[level](text);
    };
  console.log = emit("info");
  console.info = emit("info");
  console.warn = emit("warn");
  console.error = emit("error");
}
