import { insecureAllowed, parseSsoProviders, providerDidMfa, verifiedEmailOf } from "@/lib/auth/sso-config";

const council = {
  id: "council",
  label: "Northshire Council",
  organisation: "Positive Outcomes Project",
  issuer: "https://login.microsoftonline.com/tenant-id/v2.0",
  clientId: "client",
  clientSecret: "secret",
};

describe("single sign-on configuration", () => {
  it("reads SSO_PROVIDERS with defaults: password sign-in on, provider MFA not trusted", () => {
    expect(parseSsoProviders(undefined)).toEqual([]);
    expect(parseSsoProviders(JSON.stringify([council]))).toEqual([
      { ...council, emailVerifiedClaim: "email_verified", passwordSignIn: true, trustProviderMfa: false },
    ]);
  });

  it("refuses a malformed value in words, naming the field", () => {
    expect(() => parseSsoProviders("{not json")).toThrow("not valid JSON");
    expect(() => parseSsoProviders(JSON.stringify([{ ...council, issuer: "not a url" }]))).toThrow(/0\.issuer/);
    expect(() => parseSsoProviders(JSON.stringify([{ ...council, id: "Has Spaces" }]))).toThrow(/0\.id/);
    expect(() => parseSsoProviders(JSON.stringify([council, { ...council, organisation: "Other" }]))).toThrow(
      "same id",
    );
    expect(() => parseSsoProviders(JSON.stringify([council, { ...council, id: "other" }]))).toThrow(
      "one provider per organisation",
    );
  });

  it("links by email only when the provider says it is verified", () => {
    expect(verifiedEmailOf({ email: "Priya.Shah@pop.example.org", email_verified: true })).toBe(
      "priya.shah@pop.example.org",
    );
    expect(verifiedEmailOf({ email: "priya.shah@pop.example.org", email_verified: false })).toBeNull();
    expect(verifiedEmailOf({ email: "priya.shah@pop.example.org" })).toBeNull();
    expect(verifiedEmailOf({ email_verified: true })).toBeNull();
    expect(verifiedEmailOf({ email: "p@x.org", xms_edov: true }, "xms_edov")).toBe("p@x.org");
  });

  it("reads the provider's multi-factor from amr", () => {
    expect(providerDidMfa({ amr: ["pwd", "mfa"] })).toBe(true);
    expect(providerDidMfa({ amr: ["pwd"] })).toBe(false);
    expect(providerDidMfa({ amr: "mfa" })).toBe(false);
    expect(providerDidMfa({})).toBe(false);
  });

  it("allows http only for a provider on this machine", () => {
    expect(insecureAllowed("http://127.0.0.1:3208")).toBe(true);
    expect(insecureAllowed("http://localhost:3208/")).toBe(true);
    expect(insecureAllowed("http://idp.example.org")).toBe(false);
    expect(insecureAllowed("https://login.microsoftonline.com/x/v2.0")).toBe(false);
  });
});
