import { mfaPolicy, mfaRequired, secondStep } from "@/lib/auth/mfa-policy";

describe("the two-factor policy", () => {
  it("reads MFA_POLICY, and anything else is the strict default", () => {
    expect(mfaPolicy("off")).toBe("off");
    expect(mfaPolicy("optional")).toBe("optional");
    expect(mfaPolicy(" required-for-names ")).toBe("required-for-names");
    expect(mfaPolicy(undefined)).toBe("required-for-names");
    expect(mfaPolicy("Off")).toBe("required-for-names");
  });

  it("requires it of the roles that can read children's names, only under required-for-names", () => {
    for (const role of ["ADMIN", "PRACTICE_EDUCATOR", "STUDENT"] as const) {
      expect(mfaRequired(role, "required-for-names")).toBe(true);
      expect(mfaRequired(role, "optional")).toBe(false);
    }
    for (const role of ["ONSITE_SUPERVISOR", "UNIVERSITY_TUTOR", "SCHOOL_CONTACT"] as const)
      expect(mfaRequired(role, "required-for-names")).toBe(false);
  });

  it("asks an enrolled person for a code unless the policy is off", () => {
    expect(secondStep({ role: "UNIVERSITY_TUTOR", enrolled: true }, "optional")).toBe("code");
    expect(secondStep({ role: "ADMIN", enrolled: true }, "required-for-names")).toBe("code");
    expect(secondStep({ role: "ADMIN", enrolled: true }, "off")).toBe("none");
  });

  it("sends someone who must have it and has not set it up to set it up", () => {
    expect(secondStep({ role: "PRACTICE_EDUCATOR", enrolled: false }, "required-for-names")).toBe("enrol");
    expect(secondStep({ role: "UNIVERSITY_TUTOR", enrolled: false }, "required-for-names")).toBe("none");
    expect(secondStep({ role: "PRACTICE_EDUCATOR", enrolled: false }, "optional")).toBe("none");
  });

  it("takes the single sign-on provider's multi-factor as the second factor", () => {
    expect(secondStep({ role: "ADMIN", enrolled: false, providerDidMfa: true }, "required-for-names")).toBe("none");
    expect(secondStep({ role: "ADMIN", enrolled: true, providerDidMfa: true }, "required-for-names")).toBe("none");
  });
});
