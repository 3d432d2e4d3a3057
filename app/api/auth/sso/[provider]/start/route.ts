import { NextResponse } from "next/server";
import { SSO_COOKIE, startSso } from "@/lib/auth/sso";
import { setPendingCookie } from "@/lib/auth/session-cookie";
import { appUrl } from "@/lib/notifications/email";

// GET: "Sign in with <organisation>" — off to the organisation's provider (lib/auth/sso.ts).
export async function GET(_request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  try {
    const started = await startSso(provider);
    if (!started) return NextResponse.redirect(appUrl("/sign-in?sso=unavailable"), 303);
    const response = NextResponse.redirect(started.redirectTo.href, 303);
    setPendingCookie(response, SSO_COOKIE, started.token, started.expiresAt);
    response.headers.set("Cache-Control", "no-store");
    return response;
  } catch (error) {
    console.error("Single sign-on could not start", error instanceof Error ? error.message : error);
    return NextResponse.redirect(appUrl("/sign-in?sso=unavailable"), 303);
  }
}
