import { NextResponse } from "next/server";
import { cookies } from "next/headers";
import { SESSION_COOKIE } from "@/lib/auth/session-rules";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { endSessionOfToken } from "@/lib/auth/sessions";

// Signing out is a plain form POST (components/sign-out-button.tsx). It
// deletes the session row, so a copy of the cookie taken earlier is refused
// from then on, on every instance; clearing the cookie is only tidiness.
export async function POST() {
  await endSessionOfToken((await cookies()).get(SESSION_COOKIE)?.value);
  // A relative Location keeps the redirect right behind a proxy.
  const response = new NextResponse(null, {
    status: 303,
    // Clear-Site-Data wipes what this browser kept for offline use (IndexedDB, the service worker's caches):
    // the next person on a shared device finds nothing (docs/decisions/0015-offline.md).
    headers: { Location: "/sign-in", "Cache-Control": "no-store", "Clear-Site-Data": '"storage"' },
  });
  clearSessionCookie(response);
  return response;
}
