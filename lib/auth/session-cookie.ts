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

/** The token of a sign-in half done (lib/auth/sign-in-flow.ts): as httpOnly as the session's, and short-lived. */
export function setPendingCookie(response: NextResponse, name: string, token: string, expiresAt: Date) {
  response.cookies.set(name, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    expires: expiresAt,
  });
}

export function clearCookie(response: NextResponse, name: string) {
  response.cookies.set(name, "", { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", maxAge: 0 });
}
