import "server-only";
import type { NextResponse } from "next/server";
import { SESSION_COOKIE, secureCookies } from "@/lib/auth/session-rules";

/** Puts a new session's token on the response: httpOnly, SameSite=Lax, Secure over https. */
export function setSessionCookie(response: NextResponse, token: string, expiresAt: Date) {
  response.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(response: NextResponse) {
  response.cookies.set(SESSION_COOKIE, "", {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: 0,
  });
}
