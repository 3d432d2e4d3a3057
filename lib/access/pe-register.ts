import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";

// The practice educator register (docs/domain.md "The practice educator
// register"): the team manager keeps it; a practice educator sees their own
// entry; a tutor sees the entries of the practice educators of their
// university's students (past and present).

/** Who keeps the register: the team manager. */
export function canMaintainRegister(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

/** The practice educators whose register entries the user may read, as a filter on users. */
export function registerEntriesVisibleTo(user: SessionUser): Prisma.UserWhereInput {
  assertVerifiedUser(user);
  switch (user.role) {
    case "ADMIN":
      return { role: "PRACTICE_EDUCATOR", organisationId: user.organisationId };
    case "PRACTICE_EDUCATOR":
      return { id: user.id };
    case "UNIVERSITY_TUTOR":
      return {
        role: "PRACTICE_EDUCATOR",
        practiceEducatorSpells: {
          some: { placement: { student: { studentProfile: { universityId: user.organisationId } } } },
        },
      };
    default:
      return { id: { in: [] } };
  }
}

/** The register appears in the menu of those who can read some of it. */
export function canSeeRegister(user: SessionUser): boolean {
  return user.role === "ADMIN" || user.role === "PRACTICE_EDUCATOR" || user.role === "UNIVERSITY_TUTOR";
}
