// The built-in daily reminders timer, started by scripts/start.ts and stopped on shutdown.
//
// At REMINDERS_AT (UK time, "07:00" by default; "off" disables it) it asks this
// instance's own server to run the reminders job (POST /api/v1/jobs/reminders),
// so the job runs inside the Next.js server process on its database pool — the
// embedded database allows only that one connection. With several instances,
// each fires and the job's idempotence sends every reminder once
// (lib/reminders/run-reminders.ts). It only ever fires at that time, so test
// runs are not disturbed (the e2e config also sets REMINDERS_AT=off).
import { randomBytes } from "node:crypto";
import { nextRunAfter, parseRemindersAt } from "../lib/reminders/schedule";

/** Starts the timer; returns what stops it (graceful shutdown). */
export function startReminderTimer(options: { port: string }): () => void {
  const at = parseRemindersAt(process.env.REMINDERS_AT);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  if (!at) {
    console.log("Daily reminders: off (REMINDERS_AT=off).");
    return () => {};
  }
  // Without a scheduler's secret, the server accepts a secret only this process knows
  // (passed to it in the environment); the route stays closed to everyone else.
  const secret =
    process.env.REMINDER_JOB_SECRET?.trim() ||
    (process.env.REMINDER_INTERNAL_SECRET ||= randomBytes(32).toString("base64url"));
  const label = `${String(at.hour).padStart(2, "0")}:${String(at.minute).padStart(2, "0")}`;

  const run = async () => {
    try {
      const response = await fetch(`http://127.0.0.1:${options.port}/api/v1/jobs/reminders`, {
        method: "POST",
        headers: { Authorization: `Bearer ${secret}` },
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) console.log(`Daily reminders: ${JSON.stringify(body.summary)}`);
      else console.error(`Daily reminders failed (${response.status}): ${body.error ?? "no message"}`);
    } catch (error) {
      console.error(`Daily reminders could not reach the server: ${error instanceof Error ? error.message : error}`);
    }
    schedule();
  };
  const schedule = () => {
    if (stopped) return;
    const wait = nextRunAfter(new Date(), at).getTime() - Date.now();
    timer = setTimeout(() => void run(), wait).unref();
  };
  schedule();
  console.log(`Daily reminders: every day at ${label} UK time (REMINDERS_AT; "off" disables).`);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
