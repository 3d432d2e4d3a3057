import { NextResponse } from "next/server";
import { cookies } from "next/headers";
import { finishSso, SSO_COOKIE } from "@/lib/auth/sso";
import { afterFirstFactor, auditFailedSignIn } from "@/lib/auth/sign-in-flow";
import { applySignIn, signInMeta } from "@/lib/auth/sign-in-response";
import { clearCookie } from "@/lib/auth/session-cookie";
import { appUrl } from "@/lib/notifications/email";

// GET: the provider sends the browser back here with a code (lib/auth/sso.ts).
// Success starts the session (or the second step the policy asks for);
// anything else goes back to the sign-in page with the reason in words.
export async function GET(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const meta = signInMeta(request);
  const method = `sso:${provider.slice(0, 40)}` as const;
  const back = (target: string) => {
    const response = NextResponse.redirect(appUrl(target), 303);
    clearCookie(response, SSO_COOKIE);
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
  try {
    const outcome = await finishSso(provider, (await cookies()).get(SSO_COOKIE)?.value, new URL(request.url).search);
    if (!outcome.ok) {
      await auditFailedSignIn(outcome.userId ?? null, { method, reason: `single sign-on: ${outcome.problem}` }, meta);
      if (outcome.detail) console.warn("Single sign-on refused", outcome.detail);
      return back(`/sign-in?sso=${outcome.problem}`);
    }
    const result = await afterFirstFactor(outcome.user, method, meta, { providerDidMfa: outcome.providerDidMfa });
    const response = back(result.kind === "session" ? "/" : result.next);
    applySignIn(response, result);
    return response;
  } catch (error) {
    console.error("Single sign-on failed", error);
    return back("/sign-in?sso=failed");
  }
}
