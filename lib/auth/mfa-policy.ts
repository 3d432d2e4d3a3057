import type { Role } from "@/lib/generated/prisma/client";

// Who must use two-factor sign-in (MFA_POLICY; README "Two-factor sign-in"):
//  - off: two-factor sign-in is neither offered nor asked for;
//  - optional: anyone may set it up on their account page, and is then asked for a code;
//  - required-for-names (the default): the roles that can read children's names
//    (the team manager, practice educators and students: lib/access/children.ts)
//    must set it up at their next sign-in before reaching any page; everyone else
//    may. On-site supervisors see children by code only, tutors and school
//    contacts not at all (docs/domain.md, "Data protection").

export type MfaPolicy = "off" | "optional" | "required-for-names";

const ROLES_THAT_SEE_NAMES: ReadonlySet<Role> = new Set(["ADMIN", "PRACTICE_EDUCATOR", "STUDENT"]);

export function mfaPolicy(value = process.env.MFA_POLICY): MfaPolicy {
  const policy = (value ?? "").trim();
  if (policy === "off" || policy === "optional" || policy === "required-for-names") return policy;
  // Unset or mistyped: the safe one.
  return "required-for-names";
}

export function mfaRequired(role: Role, policy: MfaPolicy): boolean {
  return policy === "required-for-names" && ROLES_THAT_SEE_NAMES.has(role);
}

export type SecondStep = "none" | "code" | "enrol";

/**
 * What a sign-in needs once the password (or single sign-on) was right:
 * nothing more, a code from the app, or setting the app up first. A single
 * sign-on whose provider says it did multi-factor (amr contains "mfa") counts
 * as the second factor.
 */
export function secondStep(
  input: { role: Role; enrolled: boolean; providerDidMfa?: boolean },
  policy: MfaPolicy,
): SecondStep {
  if (policy === "off" || input.providerDidMfa) return "none";
  if (input.enrolled) return "code";
  return mfaRequired(input.role, policy) ? "enrol" : "none";
}
