// Cross-site request forgery: a state-changing request that carries the
// session cookie must come from the app's own pages. Browsers say where a
// request comes from in `Origin` (sent on every POST, PUT, PATCH and DELETE by
// current browsers) and `Sec-Fetch-Site`; a client that sends neither is not a
// browser, so it cannot be a forged request riding on a victim's cookie.
// docs/decisions/0007-request-security.md

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginFacts = {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  /** The Host (or X-Forwarded-Host) the request was sent to. */
  host: string | null;
  /** The public URL of the app (APP_URL), when configured. */
  appUrl?: string | null;
};

/** Null when the request may go on; otherwise why it is refused. */
export function crossSiteRefusal(facts: OriginFacts): string | null {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return null;
  if (facts.origin && facts.origin !== "null") {
    let originHost: string;
    try {
      originHost = new URL(facts.origin).host;
    } catch {
      return "The request's origin could not be read.";
    }
    const allowed = new Set<string>();
    if (facts.host) allowed.add(facts.host.toLowerCase());
    if (facts.appUrl) {
      try {
        allowed.add(new URL(facts.appUrl).host.toLowerCase());
      } catch {
        // A malformed APP_URL leaves only the Host header to compare with.
      }
    }
    return allowed.has(originHost.toLowerCase()) ? null : `Requests from ${facts.origin} are not accepted.`;
  }
  if (facts.origin === "null") return "Requests from an opaque origin are not accepted.";
  const site = facts.secFetchSite?.toLowerCase();
  if (site && site !== "same-origin" && site !== "none") return "Requests from another site are not accepted.";
  return null;
}

export const CROSS_SITE_MESSAGE =
  "This change must be made from Placement Tracker itself. Open the page in Placement Tracker and try again.";

/**
 * The same rule for a route that the proxy does not see (the attachment
 * upload, whose body must stream past the proxy's buffer): null, or the message.
 */
export function crossSiteRefusalOf(request: Request): string | null {
  if (/^bearer\s/i.test(request.headers.get("authorization") ?? "")) return null;
  return crossSiteRefusal({
    method: request.method,
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
    host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
    appUrl: process.env.APP_URL,
  });
}
