import { NextResponse, type NextRequest } from "next/server";
import { CROSS_SITE_MESSAGE, crossSiteRefusal } from "@/lib/security/same-origin";

// Runs before every request (Next's proxy, formerly middleware). Its jobs,
// each for every route at once (docs/decisions/0007-request-security.md):
//  1. refuse an address that is not valid UTF-8 once decoded (a lone
//     surrogate such as %ED%A0%80) with a 400, before Next's router fails on it;
//  2. refuse a cookie-authenticated state-changing request from another site
//     (route handlers, server actions and sign-in alike) with a 403;
//  3. refuse a server action whose declared body is over Next's limit with a
//     413 (Next itself would answer a 500);
//  4. give each page a Content-Security-Policy with a fresh nonce, which Next
//     puts on its own scripts.
// It is not where access is decided: that is lib/access, on every request.

function contentSecurityPolicy(nonce: string) {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes (chart widths) need inline styles; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Server actions' body limit: the same as `serverActions.bodySizeLimit` ("1mb") in next.config.js. */
const SERVER_ACTION_MAX_BYTES = 1024 * 1024;

function refuse(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Whether the address's percent-encoding decodes to text (it may not: %ED%A0%80, %FF). */
function pathDecodes(pathname: string) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  if (!pathDecodes(request.nextUrl.pathname)) {
    return refuse(400, "bad_request", "The address is not valid: check the link, or go back and try again.");
  }

  const bearer = /^bearer\s/i.test(request.headers.get("authorization") ?? "");
  if (!bearer) {
    const refusal = crossSiteRefusal({
      method: request.method,
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
      host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
      appUrl: process.env.APP_URL,
    });
    if (refusal) return refuse(403, "forbidden", CROSS_SITE_MESSAGE);
  }

  // A browser always declares the size of a server action's body; one without it meets Next's own limit.
  if (request.method === "POST" && request.headers.has("next-action")) {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > SERVER_ACTION_MAX_BYTES) {
      return refuse(
        413,
        "too_large",
        "What you sent is too large to save (over 1 MB). Shorten the longest text, or attach long documents as files.",
      );
    }
  }

  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // The attachment upload streams its body into the store: Next would buffer (and cut off) a body the
      // proxy sees, so that one route checks its origin itself (crossSiteRefusalOf).
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/v1/evidence/[^/]+/attachments$).*)",
    },
  ],
};
