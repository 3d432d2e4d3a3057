import "server-only";
import type { Tx } from "@/lib/db";
import { notify } from "@/lib/notifications/notifications";

const ANSWER = {
  ACCEPTED: "The team has accepted your request for support",
  SIGNPOSTED: "The team has signposted your request to another service",
  DECLINED: "The team has declined your request for support",
} as const;

/**
 * Tells the school contact who asked how the team decided, with the reason
 * when it is not a yes. No name: the school sees which pupil on its own list.
 */
export async function notifyRequestingSchool(
  tx: Tx,
  contactId: string,
  decision: { decision: keyof typeof ANSWER; decisionReason: string | null },
) {
  await notify(tx, [contactId], {
    kind: "school-request-decided",
    title: ANSWER[decision.decision],
    body:
      decision.decision === "ACCEPTED"
        ? "A student will be allocated to work with the pupil."
        : `Reason: ${decision.decisionReason ?? ""}`,
    link: "/school",
  });
}
