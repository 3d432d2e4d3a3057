import { crossSiteRefusal } from "./same-origin";

const post = { method: "POST", host: "placements.example.gov.uk", secFetchSite: null, appUrl: null };

describe("crossSiteRefusal", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(crossSiteRefusal({ ...post, method: "GET", origin: "https://evil.example" })).toBeNull();
    expect(crossSiteRefusal({ ...post, method: "head", origin: "https://evil.example" })).toBeNull();
  });

  it("accepts a POST from the app's own origin, by Host or by the configured public URL", () => {
    expect(crossSiteRefusal({ ...post, origin: "https://placements.example.gov.uk" })).toBeNull();
    expect(
      crossSiteRefusal({
        ...post,
        host: "10.0.0.5:3000",
        origin: "https://placements.example.gov.uk",
        appUrl: "https://placements.example.gov.uk",
      }),
    ).toBeNull();
  });

  it("refuses a POST from another origin, another port, or an opaque origin", () => {
    expect(crossSiteRefusal({ ...post, origin: "https://evil.example" })).toMatch(/evil\.example/);
    expect(crossSiteRefusal({ ...post, origin: "https://placements.example.gov.uk:8443" })).not.toBeNull();
    expect(crossSiteRefusal({ ...post, origin: "null" })).not.toBeNull();
    expect(crossSiteRefusal({ ...post, method: "DELETE", origin: "not a url" })).not.toBeNull();
  });

  it("falls back to Sec-Fetch-Site when there is no Origin", () => {
    expect(crossSiteRefusal({ ...post, origin: null, secFetchSite: "cross-site" })).not.toBeNull();
    expect(crossSiteRefusal({ ...post, origin: null, secFetchSite: "same-site" })).not.toBeNull();
    expect(crossSiteRefusal({ ...post, origin: null, secFetchSite: "same-origin" })).toBeNull();
  });

  it("lets a client that is not a browser (neither header) through: it cannot ride on a victim's cookie", () => {
    expect(crossSiteRefusal({ ...post, origin: null })).toBeNull();
  });
});
