import { NextResponse } from "next/server";
import { attemptSignIn } from "@/lib/auth/authenticate";
import { requestMeta } from "@/lib/auth/request-meta";
import { setSessionCookie } from "@/lib/auth/session-cookie";
import { startSession, sweepExpiredSessions } from "@/lib/auth/sessions";
import { SIGN_IN_FAILURE, signInSchema } from "@/lib/validations/sign-in";
import { errorBody, toAppError } from "@/lib/errors";
import { json, readJson } from "@/lib/api/route";

// POST { email, password } → 200 with the session cookie, or 401 with one
// message for every failure (unknown email, wrong password, deactivated,
// locked), so the answer never reveals which emails have accounts.
export async function POST(request: Request) {
  try {
    const parsed = signInSchema.safeParse(await readJson(request));
    if (!parsed.success) return json({ error: { code: "unauthenticated", message: SIGN_IN_FAILURE } }, 401);
    const result = await attemptSignIn(parsed.data.email, parsed.data.password);
    if (result.outcome !== "signed_in")
      return json({ error: { code: "unauthenticated", message: SIGN_IN_FAILURE } }, 401);
    await sweepExpiredSessions();
    const { token, expiresAt } = await startSession(result.user.id, requestMeta(request.headers));
    const response = NextResponse.json({ next: "/" }, { headers: { "Cache-Control": "no-store" } });
    setSessionCookie(response, token, expiresAt);
    return response;
  } catch (error) {
    const appError = toAppError(error);
    if (appError) return json(errorBody(appError), appError.status);
    console.error("Sign-in failed", error);
    return json({ error: { code: "internal", message: "Something went wrong on our side. Try again." } }, 500);
  }
}
