import { randomUUID, timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { databaseSeemsUnavailable } from "../../lib/db/availability";
import { logger } from "../../lib/observability/logger";
import { metrics } from "../../lib/observability/metrics";
import { requestStorage, type RequestContext } from "../../lib/observability/request-context";
import { checkReadiness } from "./readiness";
import { routeNamer } from "./route-names";
import { unavailableBody } from "./unavailable";

// The HTTP server around Next.js' request handler (docs/operations.md). For
// every request it assigns a request id (kept from a load balancer's
// X-Request-Id when well-formed), passes it to Next.js as the x-request-id
// header and returns it as X-Request-Id, writes one JSON log line and records
// the duration for /metrics. It answers /api/ready and /metrics itself, turns
// a 500 into a clear 503 while the database is unreachable, and on shutdown
// stops accepting, lets requests in flight finish (bounded) and then returns.

export type AppServer = {
  port: number;
  /** Stops accepting, waits for requests in flight (at most `graceMs`), then closes every connection. */
  drain(graceMs: number): Promise<{ unfinished: number }>;
};

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

function bearerMatches(header: string | undefined, secret: string | undefined): boolean {
  if (!secret || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice(7).trim());
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/**
 * While the database is unreachable, an answer Next.js is about to send as a
 * 5xx (a page whose query failed) becomes a 503 "temporarily unavailable"
 * instead: the status and headers are not yet written when writeHead is called.
 */
function answerUnavailableInsteadOf5xx(req: IncomingMessage, res: ServerResponse, requestId: string) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  (res as unknown as { writeHead: (...args: unknown[]) => ServerResponse }).writeHead = (...args: unknown[]) => {
    const status = args[0] as number;
    if (status < 500 || status === 503 || !databaseSeemsUnavailable()) return writeHead(...args);
    for (const name of res.getHeaderNames()) if (name !== "x-request-id") res.removeHeader(name);
    const { contentType, body } = unavailableBody(req, requestId, "database");
    writeHead(503, {
      "Content-Type": contentType,
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
      "Retry-After": "10",
    });
    end(body);
    // What Next.js still writes (its error page) goes nowhere.
    const swallow = (...rest: unknown[]) => {
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    };
    (res as unknown as { write: typeof swallow }).write = swallow;
    (res as unknown as { end: (...rest: unknown[]) => ServerResponse }).end = (...rest: unknown[]) => {
      swallow(...rest);
      return res;
    };
    return res;
  };
}

function clientAddress(req: IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (process.env.TRUST_PROXY && typeof forwarded === "string") {
    const nearest = forwarded.split(",").at(-1)?.trim();
    if (nearest) return nearest;
  }
  return req.socket.remoteAddress ?? "";
}

export async function startAppServer(options: { port: number; dev: boolean }): Promise<AppServer> {
  const app = next({ dev: options.dev, dir: process.cwd(), hostname: "localhost", port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const routeOf = routeNamer();
  const log = logger();
  const { requestDuration, registry, inFlight: inFlightGauge } = metrics();
  let draining = false;
  let inFlight = 0;
  let allDone: (() => void) | null = null;

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    req.headers["x-request-id"] = requestId;
    // The caller's address for the sessions page and per-address throttles (lib/auth/request-meta.ts):
    // the socket's, or the nearest proxy's X-Forwarded-For entry when TRUST_PROXY is set. Never the client's own header.
    req.headers["x-client-ip"] = clientAddress(req);
    res.setHeader("X-Request-Id", requestId);
    if (draining) res.setHeader("Connection", "close");
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = url.pathname === "/metrics" || url.pathname === "/api/ready" ? url.pathname : routeOf(url.pathname);
    const context: RequestContext = { requestId };
    inFlight++;
    inFlightGauge.inc();
    res.on("close", () => {
      inFlight--;
      inFlightGauge.dec();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.statusCode;
      requestDuration.observe({ route, method: req.method ?? "GET", status: String(status) }, seconds);
      // Static files are many and say nothing; everything else is one line.
      if (route !== "(static)" || status >= 400)
        log[status >= 500 ? "error" : "info"](
          {
            requestId,
            method: req.method,
            route,
            status,
            durationMs: Math.round(seconds * 10_000) / 10,
            ...(context.userId ? { userId: context.userId } : {}),
            ...(res.writableFinished ? {} : { aborted: true }),
          },
          "request",
        );
      if (inFlight === 0) allDone?.();
    });

    requestStorage().run(context, () => {
      if (url.pathname === "/api/ready" && req.method === "GET") {
        if (draining) return sendJson(res, 503, { status: "shutting down" });
        void checkReadiness().then(
          (result) =>
            sendJson(res, result.ready ? 200 : 503, { status: result.ready ? "ready" : "not ready", ...result }),
          () => sendJson(res, 503, { status: "not ready" }),
        );
        return;
      }
      if (url.pathname === "/metrics" && req.method === "GET") {
        const token = process.env.METRICS_TOKEN?.trim();
        if (!token)
          return sendJson(res, 404, { error: { code: "not_found", message: "Set METRICS_TOKEN to enable /metrics." } });
        if (!bearerMatches(req.headers.authorization, token))
          return sendJson(
            res,
            401,
            { error: { code: "unauthenticated", message: "A bearer token is required." } },
            {
              "WWW-Authenticate": 'Bearer realm="metrics"',
            },
          );
        void registry.metrics().then((text) => {
          res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" });
          res.end(text);
        });
        return;
      }
      answerUnavailableInsteadOf5xx(req, res, requestId);
      handle(req, res).catch((error: unknown) => {
        log.error({ err: error, requestId }, "unhandled error in the request handler");
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end();
        }
      });
    });
  });
  // Slightly longer than a typical load balancer's idle timeout, so the balancer closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;

  return {
    port,
    async drain(graceMs: number) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (allDone = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      const unfinished = inFlight;
      server.closeAllConnections();
      await closed;
      await app.close().catch(() => undefined);
      return { unfinished };
    },
  };
}
