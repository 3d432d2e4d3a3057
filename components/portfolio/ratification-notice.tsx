import type { SessionUser } from "@/lib/auth/session-user";

/**
 * Final assessments waiting for a stage 2 practice educator's ratification,
 * shown on a stage 2 PE's home page. Placeholder until the final assessment work lands.
 */
export async function RatificationNotice(_props: { user: SessionUser }) {
  return null;
}
