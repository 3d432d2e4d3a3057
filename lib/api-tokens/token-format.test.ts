import {
  generateApiToken,
  hashApiToken,
  looksLikeApiToken,
  parseAuthorizationHeader,
  shownPrefixOf,
} from "./token-format";

describe("API token format", () => {
  it("is pt_ and 43 base64url characters (32 bytes), different every time", () => {
    const tokens = new Set(Array.from({ length: 50 }, generateApiToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^pt_[A-Za-z0-9_-]{43}$/);
      expect(looksLikeApiToken(token)).toBe(true);
    }
  });

  it("hashes with sha256 (hex), and the shown prefix is pt_ and 8 characters", () => {
    const token = "pt_" + "a".repeat(43);
    expect(hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(token)).toBe(hashApiToken(token));
    expect(hashApiToken(token)).not.toBe(hashApiToken(token + "b"));
    expect(shownPrefixOf(token)).toBe("pt_aaaaaaaa");
  });

  it.each(["", "pt_", "pt_short", "xx_" + "a".repeat(43), "pt_" + "a".repeat(44), "pt_" + "a".repeat(42) + "="])(
    "refuses %p as not a token",
    (value) => {
      expect(looksLikeApiToken(value)).toBe(false);
    },
  );
});

describe("parseAuthorizationHeader", () => {
  it.each([
    [null, { kind: "none" }],
    ["", { kind: "none" }],
    ["Basic dXNlcjpwYXNz", { kind: "none" }],
    ["Bearer pt_abc", { kind: "bearer", token: "pt_abc" }],
    ["bearer   pt_abc  ", { kind: "bearer", token: "pt_abc" }],
    ["BEARER pt_abc", { kind: "bearer", token: "pt_abc" }],
    // A Bearer header without a credential still takes the token path (and is refused), never the cookie's.
    ["Bearer", { kind: "bearer", token: "" }],
    ["Bearer    ", { kind: "bearer", token: "" }],
  ])("reads %p", (header, expected) => {
    expect(parseAuthorizationHeader(header)).toEqual(expected);
  });
});
