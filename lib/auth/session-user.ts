import type { Role } from "@/lib/generated/prisma/client";

/** The signed-in user as every lib/ function receives it: verified, read fresh from the database. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
};
