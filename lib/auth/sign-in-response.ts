import "server-only";
import { NextResponse } from "next/server";
import { clearCookie, setPendingCookie, setSessionCookie } from "@/lib/auth/session-cookie";
import { PENDING_COOKIE, type FirstFactorResult, type SignInMeta } from "@/lib/auth/sign-in-flow";
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from "@/lib/auth/known-devices";
import { requestMeta } from "@/lib/auth/request-meta";
import { secureCookies } from "@/lib/auth/session-rules";
import { errorBody, toAppError } from "@/lib/errors";
import { json } from "@/lib/api/route";

// What the sign-in routes answer: the next page, with the session's cookie or
// the pending second step's. Shared by the password, code and single sign-on routes.

const NO_STORE = { "Cache-Control": "no-store" };

/** JSON for the sign-in forms: { next } and the right cookie. */
export function signInJson(result: FirstFactorResult, extra: Record<string, unknown> = {}) {
  const next = result.kind === "session" ? "/" : result.next;
  const response = NextResponse.json({ next, ...extra }, { headers: NO_STORE });
  applySignIn(response, result);
  return response;
}

export function applySignIn(response: NextResponse, result: FirstFactorResult) {
  if (result.kind === "session") {
    setSessionCookie(response, result.token, result.expiresAt);
    clearCookie(response, PENDING_COOKIE);
    response.cookies.set(DEVICE_COOKIE, result.deviceToken, {
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      path: "/",
      maxAge: DEVICE_COOKIE_DAYS * 24 * 3600,
    });
  } else {
    setPendingCookie(response, PENDING_COOKIE, result.token, result.expiresAt);
  }
}

/** A failure of a sign-in route: the AppError's status and words, or a generic 500 (logged). */
export function signInFailure(error: unknown) {
  const appError = toAppError(error);
  if (appError) return json(errorBody(appError), appError.status);
  console.error("Sign-in failed", error);
  return json({ error: { code: "internal", message: "Something went wrong on our side. Try again." } }, 500);
}

/** The sign-in details of a request: its address and browser, and its device cookie. */
export function signInMeta(request: Request): SignInMeta {
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${DEVICE_COOKIE}=([^;]+)`));
  return { ...requestMeta(request.headers), deviceToken: match?.[1] ?? null };
}
