import "server-only";
import * as oidc from "openid-client";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { hashToken, newToken } from "@/lib/auth/sessions";
import { appUrl } from "@/lib/notifications/email";
import {
  insecureAllowed,
  parseSsoProviders,
  providerDidMfa,
  verifiedEmailOf,
  type SsoProvider,
} from "@/lib/auth/sso-config";

// Single sign-on with OpenID Connect (docs/decisions/0014-single-sign-on.md):
// the authorization code flow with PKCE (S256), state and nonce, through
// openid-client, which also checks the id token's signature, issuer, audience
// and expiry. What the callback must check is kept server-side (SsoAttempt),
// keyed by a cookie of the browser that started it, and used once. An SSO
// sign-in only ever finds an existing, active account of the provider's
// organisation by the verified email: it never creates one.

export const SSO_COOKIE = "pt_sso";
const ATTEMPT_MS = 10 * 60_000;

export type SsoProblem = "expired" | "failed" | "unverified" | "unknown" | "unavailable";

let cached: { value: string | undefined; providers: SsoProvider[] } | null = null;

/** The configured providers (SSO_PROVIDERS). */
export function ssoProviders(): SsoProvider[] {
  const value = process.env.SSO_PROVIDERS;
  if (!cached || cached.value !== value) cached = { value, providers: parseSsoProviders(value) };
  return cached.providers;
}

function providerOf(id: string): SsoProvider | null {
  return ssoProviders().find((provider) => provider.id === id) ?? null;
}

const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The provider's discovered configuration, fetched once per process (a failure is tried again next time). */
function configurationOf(provider: SsoProvider): Promise<oidc.Configuration> {
  const key = `${provider.id} ${provider.issuer} ${provider.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    found = oidc.discovery(
      new URL(provider.issuer),
      provider.clientId,
      undefined,
      oidc.ClientSecretPost(provider.clientSecret),
      { execute: insecureAllowed(provider.issuer) ? [oidc.allowInsecureRequests] : [], timeout: 10 },
    );
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

export function callbackPath(providerId: string) {
  return `/api/auth/sso/${providerId}/callback`;
}

/** Starts a sign-in with a provider: the address to send the browser to, and the cookie binding the attempt to it. */
export async function startSso(providerId: string, now = new Date()) {
  const provider = providerOf(providerId);
  if (!provider) return null;
  const config = await configurationOf(provider);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ATTEMPT_MS);
  await getDb().ssoAttempt.create({
    data: { tokenHash: hashToken(token), provider: provider.id, state, nonce, codeVerifier, createdAt: now, expiresAt },
  });
  const redirectTo = oidc.buildAuthorizationUrl(config, {
    redirect_uri: appUrl(callbackPath(provider.id)),
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { token, expiresAt, redirectTo };
}

export type SsoOutcome =
  | { ok: true; user: SessionUser; providerDidMfa: boolean }
  | { ok: false; problem: SsoProblem; userId?: string; detail?: string };

/**
 * The provider sent the browser back: checks the attempt (this browser's,
 * unused, in time), exchanges the code (state, PKCE, nonce and the id token
 * checked by openid-client), and finds the account by verified email within
 * the provider's organisation.
 */
export async function finishSso(
  providerId: string,
  cookieToken: string | undefined,
  search: string,
  now = new Date(),
): Promise<SsoOutcome> {
  const provider = providerOf(providerId);
  if (!provider) return { ok: false, problem: "unavailable" };
  if (!cookieToken || !/^[A-Za-z0-9_-]{20,100}$/.test(cookieToken)) return { ok: false, problem: "expired" };
  const attempt = await getDb().ssoAttempt.findUnique({ where: { tokenHash: hashToken(cookieToken) } });
  // Used once, whatever happens next.
  const { count } = await getDb().ssoAttempt.deleteMany({ where: { tokenHash: hashToken(cookieToken) } });
  if (!attempt || count !== 1 || attempt.provider !== provider.id || attempt.expiresAt <= now)
    return { ok: false, problem: "expired" };

  let claims: Record<string, unknown>;
  try {
    const config = await configurationOf(provider);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(`${appUrl(callbackPath(provider.id))}${search}`), {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    claims = (tokens.claims() ?? {}) as Record<string, unknown>;
    // Some providers keep the email for the userinfo endpoint: ask it, for the same subject.
    if (typeof claims.email !== "string" && tokens.access_token && typeof claims.sub === "string") {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      claims = { ...claims, email: info.email, [provider.emailVerifiedClaim]: info[provider.emailVerifiedClaim] };
    }
  } catch (error) {
    // A wrong state, a wrong issuer, a bad signature, an error from the provider: refused, nothing created.
    return { ok: false, problem: "failed", detail: error instanceof Error ? error.message.slice(0, 200) : "unknown" };
  }
  const email = verifiedEmailOf(claims, provider.emailVerifiedClaim);
  if (!email) return { ok: false, problem: "unverified" };
  const user = await getDb().user.findFirst({
    where: { email, active: true, organisation: { name: provider.organisation } },
    select: { id: true, email: true, name: true, role: true, organisationId: true },
  });
  if (!user) return { ok: false, problem: "unknown" };
  return { ok: true, user, providerDidMfa: provider.trustProviderMfa && providerDidMfa(claims) };
}

/** The provider whose organisation has switched password sign-in off for this person, if any. */
export async function passwordSignInOffFor(organisationId: string): Promise<SsoProvider | null> {
  const closed = ssoProviders().filter((provider) => !provider.passwordSignIn);
  if (closed.length === 0) return null;
  const organisation = await getDb().organisation.findUnique({ where: { id: organisationId }, select: { name: true } });
  return closed.find((provider) => provider.organisation === organisation?.name) ?? null;
}

/** What the sign-in page says about a refused single sign-on. */
export const SSO_PROBLEMS: Record<SsoProblem, string> = {
  expired:
    "Signing in with your organisation took too long, or was started in another browser or tab. Nothing was changed: try again.",
  failed:
    "Your organisation's sign-in did not complete, so you are not signed in. Try again; if it keeps failing, tell the team manager.",
  unverified:
    "Your organisation's sign-in did not confirm your email address, so it cannot be matched to an account. Ask your IT team, or sign in with your password.",
  unknown:
    "There is no Placement Tracker account for the email address your organisation gave. Accounts are made by invitation only: ask the team manager to invite you.",
  unavailable:
    "Signing in with your organisation is not available just now. Try again in a few minutes, or sign in with your password.",
};
