import {
  base32Decode,
  base32Encode,
  hotp,
  matchingStep,
  newRecoveryCodes,
  normaliseRecoveryCode,
  otpauthUri,
  timeStep,
  totpAt,
} from "@/lib/auth/totp";

// RFC 6238 appendix B: the seed "12345678901234567890" (SHA-1), 8 digits.
const SEED = Buffer.from("12345678901234567890");
const VECTORS: Array<[number, string]> = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(VECTORS)("at %i seconds the SHA-1 code is %s", (seconds, code) => {
    expect(hotp(SEED, timeStep(new Date(seconds * 1000)), 8)).toBe(code);
  });

  it("matches the RFC's SHA-256 and SHA-512 vectors too (the HMAC step is right)", () => {
    expect(hotp(Buffer.from("12345678901234567890123456789012"), timeStep(new Date(59_000)), 8, "sha256")).toBe(
      "46119246",
    );
    expect(
      hotp(
        Buffer.from("1234567890123456789012345678901234567890123456789012345678901234"),
        timeStep(new Date(59_000)),
        8,
        "sha512",
      ),
    ).toBe("90693936");
  });

  it("matches RFC 4226's HOTP vectors (6 digits)", () => {
    expect([0, 1, 2, 9].map((counter) => hotp(SEED, counter))).toEqual(["755224", "287082", "359152", "520489"]);
  });

  it("round-trips base32", () => {
    expect(base32Encode(SEED)).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").equals(SEED)).toBe(true);
  });

  const secret = base32Encode(SEED);
  const at = new Date(1_111_111_111_000);

  it("accepts the current code and one step either side, not two", () => {
    const step = timeStep(at);
    expect(matchingStep(secret, totpAt(secret, at), at, null)).toBe(step);
    expect(matchingStep(secret, totpAt(secret, new Date(at.getTime() - 30_000)), at, null)).toBe(step - 1);
    expect(matchingStep(secret, totpAt(secret, new Date(at.getTime() + 30_000)), at, null)).toBe(step + 1);
    expect(matchingStep(secret, totpAt(secret, new Date(at.getTime() - 60_000)), at, null)).toBeNull();
  });

  it("refuses a code of a step already used (no replay)", () => {
    const code = totpAt(secret, at);
    expect(matchingStep(secret, code, at, timeStep(at))).toBeNull();
    expect(matchingStep(secret, code, at, timeStep(at) - 1)).toBe(timeStep(at));
  });

  it("refuses anything but six digits", () => {
    for (const bad of ["", "12345", "1234567", "abcdef", "12 34 5x"])
      expect(matchingStep(secret, bad, at, null)).toBeNull();
    expect(matchingStep(secret, ` ${totpAt(secret, at).replace(/^(\d{3})/, "$1 ")} `, at, null)).toBe(timeStep(at));
  });

  it("writes the address authenticator apps read", () => {
    const uri = new URL(otpauthUri(secret, "pe@example.org"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Placement Tracker");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Placement Tracker:pe@example.org");
  });

  it("makes ten different recovery codes, compared without case or dashes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(normaliseRecoveryCode(" ABCD-efgh-2345 ")).toBe("abcdefgh2345");
  });
});
