import { attemptSignIn } from "@/lib/auth/authenticate";
import { afterFirstFactor, auditFailedSignIn } from "@/lib/auth/sign-in-flow";
import { signInFailure, signInJson, signInMeta } from "@/lib/auth/sign-in-response";
import { SIGN_IN_FAILURE, signInSchema } from "@/lib/validations/sign-in";
import { json, readJson } from "@/lib/api/route";
import { passwordSignInOffFor } from "@/lib/auth/sso";

// POST { email, password } → 200 { next } with the session cookie (or, when a
// second step is due, the pending sign-in's cookie and the page to go to), or
// 401 with one message for every failure (unknown email, wrong password,
// deactivated, locked), so the answer never reveals which emails have accounts.
export async function POST(request: Request) {
  try {
    const parsed = signInSchema.safeParse(await readJson(request));
    if (!parsed.success) return json({ error: { code: "unauthenticated", message: SIGN_IN_FAILURE } }, 401);
    const meta = signInMeta(request);
    const result = await attemptSignIn(parsed.data.email, parsed.data.password);
    if (result.outcome !== "signed_in") {
      await auditFailedSignIn(
        result.outcome === "refused" ? result.userId : null,
        {
          method: "password",
          reason: result.outcome === "locked" ? "locked: too many attempts" : "wrong email or password",
          email: parsed.data.email.slice(0, 320),
        },
        meta,
      );
      return json({ error: { code: "unauthenticated", message: SIGN_IN_FAILURE } }, 401);
    }
    const ssoOnly = await passwordSignInOffFor(result.user.organisationId);
    if (ssoOnly) {
      await auditFailedSignIn(
        result.user.id,
        { method: "password", reason: "password sign-in is off for this organisation" },
        meta,
      );
      return json(
        {
          error: {
            code: "unauthenticated",
            message: `Your organisation signs in with its own account: use “Sign in with ${ssoOnly.label}”.`,
          },
        },
        401,
      );
    }
    return signInJson(await afterFirstFactor(result.user, "password", meta));
  } catch (error) {
    return signInFailure(error);
  }
}
