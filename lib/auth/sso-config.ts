import { z } from "zod";

// Single sign-on providers, one per organisation (a council team or a
// university), configured by the environment only: SSO_PROVIDERS is a JSON
// array (README "Single sign-on"; docs/decisions/0014-single-sign-on.md says
// why the secret stays out of the database). Pure, tested beside.

const providerSchema = z.object({
  /** In the callback address: /api/auth/sso/<id>/callback. */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, "id: lower-case letters, digits and dashes"),
  /** "Sign in with <label>" on the sign-in page. */
  label: z.string().min(1).max(80),
  /** The organisation's name exactly as in the app: only its people can sign in through this provider. */
  organisation: z.string().min(1).max(200),
  issuer: z.url(),
  clientId: z.string().min(1).max(500),
  clientSecret: z.string().min(1).max(2000),
  /** The claim that says the email is verified: "email_verified" (standard); Entra ID: "xms_edov". */
  emailVerifiedClaim: z.string().min(1).max(100).default("email_verified"),
  /** false: the organisation's people sign in through the provider only. */
  passwordSignIn: z.boolean().default(true),
  /** true: a sign-in whose id token's amr contains "mfa" counts as two-factor (the organisation enforces it there). */
  trustProviderMfa: z.boolean().default(false),
});

export type SsoProvider = z.output<typeof providerSchema>;

/** The providers SSO_PROVIDERS names; a malformed value stops the app at start rather than half-working. */
export function parseSsoProviders(value: string | undefined): SsoProvider[] {
  if (!value?.trim()) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    throw new Error("SSO_PROVIDERS is not valid JSON");
  }
  const parsed = z.array(providerSchema).safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `SSO_PROVIDERS: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  const ids = parsed.data.map((provider) => provider.id);
  if (new Set(ids).size !== ids.length) throw new Error("SSO_PROVIDERS: two providers have the same id");
  const organisations = parsed.data.map((provider) => provider.organisation);
  if (new Set(organisations).size !== organisations.length)
    throw new Error("SSO_PROVIDERS: one provider per organisation");
  return parsed.data;
}

/** Whether the id token's claims allow linking by email: present, and verified by the provider. */
export function verifiedEmailOf(claims: Record<string, unknown>, verifiedClaim = "email_verified"): string | null {
  const email = claims.email;
  if (typeof email !== "string" || !email.includes("@") || email.length > 320) return null;
  const verified = claims[verifiedClaim];
  return verified === true || verified === "true" || verified === 1 ? email.trim().toLowerCase() : null;
}

/** Whether the provider says it did multi-factor authentication (RFC 8176 "mfa" in amr). */
export function providerDidMfa(claims: Record<string, unknown>): boolean {
  return Array.isArray(claims.amr) && claims.amr.includes("mfa");
}

/** http is allowed only for a provider on this machine (the tests' local provider). */
export function insecureAllowed(issuer: string): boolean {
  const { protocol, hostname } = new URL(issuer);
  return protocol === "http:" && (hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]");
}
