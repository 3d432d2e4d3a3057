import { Counter, Gauge, Histogram, Registry } from "prom-client";

// Prometheus metrics, served at /metrics behind a bearer token (METRICS_TOKEN).
// One registry per process on globalThis: the HTTP server records request
// durations, the code Next.js runs counts sign-in failures and reminder runs,
// and both must land in the same registry (docs/operations.md#metrics).

export type PoolStats = { total: number; idle: number; waiting: number; max: number };

function createMetrics() {
  const registry = new Registry();
  const requestDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer a request, by route pattern, method and status class",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const signInFailures = new Counter({
    name: "sign_in_failures_total",
    help: "Failed sign-ins (wrong password, unknown or locked account)",
    registers: [registry],
  });
  const reminderRuns = new Counter({
    name: "reminders_job_runs_total",
    help: "Runs of the daily reminders job, by outcome",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const remindersNotified = new Counter({
    name: "reminders_notified_total",
    help: "Reminders sent (in-app notifications created) by the reminders job",
    registers: [registry],
  });
  const pool: { stats: (() => PoolStats | null) | null } = { stats: null };
  new Gauge({
    name: "db_pool_connections",
    help: "Database connections of this instance's pool, by state (total, idle, waiting requests, max)",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = pool.stats?.();
      if (!stats) return;
      for (const [state, value] of Object.entries(stats)) this.set({ state }, value);
    },
  });
  const inFlight = new Gauge({
    name: "http_requests_in_flight",
    help: "Requests being answered now",
    registers: [registry],
  });
  return { registry, requestDuration, signInFailures, reminderRuns, remindersNotified, pool, inFlight };
}

const globalForMetrics = globalThis as unknown as { placementTrackerMetrics?: ReturnType<typeof createMetrics> };

export function metrics() {
  return (globalForMetrics.placementTrackerMetrics ??= createMetrics());
}

export function countSignInFailure() {
  metrics().signInFailures.inc();
}

export function countReminderRun(outcome: "ok" | "failed", notified = 0) {
  metrics().reminderRuns.inc({ outcome });
  if (notified) metrics().remindersNotified.inc(notified);
}
