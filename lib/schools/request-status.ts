// Where a school's request for support has got to, in the school's words
// (docs/domain.md, "Partner schools"). Pure: the school's list and the team's
// triage list use it.

export type RequestStatus = "RECEIVED" | "DECLINED" | "SIGNPOSTED" | "ACCEPTED" | "ALLOCATED" | "RUNNING" | "FINISHED";

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  RECEIVED: "Received: the team will decide",
  DECLINED: "Declined",
  SIGNPOSTED: "Signposted to another service",
  ACCEPTED: "Accepted: waiting for a student",
  ALLOCATED: "Allocated to a student",
  RUNNING: "Programme running",
  FINISHED: "Finished",
};

export type RequestFacts = {
  decision: "PENDING" | "ACCEPTED" | "SIGNPOSTED" | "DECLINED";
  /** The child's direct-work allocations that started on or after the request came in. */
  work: Array<{ programme: { closedAt: Date | null; sessionsHeld: number } | null; status: "ACTIVE" | "ENDED" }>;
};

/**
 * The latest step reached: received → accepted → allocated → programme
 * running (a session held) → finished (programme closed or the work ended);
 * or declined / signposted, which end it.
 */
export function requestStatus(facts: RequestFacts): RequestStatus {
  if (facts.decision === "PENDING") return "RECEIVED";
  if (facts.decision === "DECLINED" || facts.decision === "SIGNPOSTED") return facts.decision;
  const work = facts.work.at(-1);
  if (!work) return "ACCEPTED";
  if (work.programme?.closedAt || work.status === "ENDED") return "FINISHED";
  if (work.programme && work.programme.sessionsHeld > 0) return "RUNNING";
  return "ALLOCATED";
}
