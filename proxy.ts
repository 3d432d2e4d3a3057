import { NextResponse, type NextRequest } from "next/server";
import { CROSS_SITE_MESSAGE, crossSiteRefusal } from "@/lib/security/same-origin";

// Runs before every request (Next's proxy, formerly middleware). Two jobs,
// each for every route at once (docs/decisions/0007-request-security.md):
//  1. refuse a cookie-authenticated state-changing request from another site
//     (route handlers, server actions and sign-in alike) with a 403;
//  2. give each page a Content-Security-Policy with a fresh nonce, which Next
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

export function proxy(request: NextRequest) {
  const bearer = /^bearer\s/i.test(request.headers.get("authorization") ?? "");
  if (!bearer) {
    const refusal = crossSiteRefusal({
      method: request.method,
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
      host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
      appUrl: process.env.APP_URL,
    });
    if (refusal) {
      return NextResponse.json(
        { error: { code: "forbidden", message: CROSS_SITE_MESSAGE } },
        { status: 403, headers: { "Cache-Control": "no-store" } },
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
