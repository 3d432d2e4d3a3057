import type { SessionMeta } from "@/lib/auth/sessions";

/**
 * Who is asking, for the sessions page and per-address throttles. The app's
 * own HTTP server (scripts/server/app-server.ts) sets x-client-ip from the
 * socket, or from X-Forwarded-For when TRUST_PROXY is set; a value sent by
 * the client is overwritten there.
 */
export function requestMeta(headers: Headers): Required<SessionMeta> {
  return {
    userAgent: headers.get("user-agent")?.slice(0, 300) || null,
    ipAddress: headers.get("x-client-ip")?.slice(0, 64) || null,
  };
}
