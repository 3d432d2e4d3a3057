import type { SessionUser } from "@/lib/auth/session-user";

/**
 * Open causes for concern about students' progress, shown on every home page
 * until resolved (issue 4). Placeholder until the concerns work lands.
 */
export async function OpenPortfolioConcerns(_props: { user: SessionUser }) {
  return null;
}
