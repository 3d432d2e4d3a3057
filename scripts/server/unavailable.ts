import type { IncomingMessage } from "node:http";

// The answers the HTTP server gives itself, without Next.js: "temporarily
// unavailable" while the database is down or the instance is shutting down.
// Self-contained (no scripts, inline styles only), with the request id a user
// can quote, and never a stack trace.

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function wantsJson(request: IncomingMessage): boolean {
  const path = request.url ?? "/";
  if (path.startsWith("/api/")) return true;
  return !(request.headers.accept ?? "").includes("text/html");
}

export function unavailableBody(request: IncomingMessage, requestId: string, reason: "database" | "shutting-down") {
  const message =
    reason === "database"
      ? "Placement Tracker is temporarily unavailable: it cannot reach its database. Nothing you saved before this has been lost. Try again in a minute."
      : "This server is restarting. Try again in a moment.";
  if (wantsJson(request)) {
    return {
      contentType: "application/json; charset=utf-8",
      body: JSON.stringify({ error: { code: "unavailable", message, details: { requestId } } }),
    };
  }
  return {
    contentType: "text/html; charset=utf-8",
    body: `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable – Placement Tracker</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2937">
<h1 style="font-size: 1.75rem">Temporarily unavailable</h1>
<p>${escape(message)}</p>
<p style="color: #4b5563">If it keeps happening, tell the team manager and quote this reference: <strong><code>${escape(requestId)}</code></strong></p>
</body></html>`,
  };
}
