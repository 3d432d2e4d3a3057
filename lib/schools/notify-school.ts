import "server-only";
import type { Tx } from "@/lib/db";
import { notify } from "@/lib/notifications/notifications";
import { appUrl, sendEmail } from "@/lib/notifications/email";
import type { CommandContext } from "@/lib/core/command";

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

/**
 * Tells each school contact whose accepted request is about one of these
 * children that a student now works with the pupil: in the app and by email,
 * once the allocation is committed. No name or code: the school sees which
 * pupil on its own list.
 */
export async function notifySchoolsOfAllocation(ctx: Pick<CommandContext, "tx" | "afterCommit">, childIds: string[]) {
  const requests = await ctx.tx.referral.findMany({
    where: { childId: { in: childIds }, decision: "ACCEPTED", requestedById: { not: null } },
    select: { requestedBy: { select: { id: true, email: true, active: true } } },
  });
  const contacts = new Map(
    requests.flatMap((request) =>
      request.requestedBy?.active ? [[request.requestedBy.id, request.requestedBy.email] as const] : [],
    ),
  );
  if (contacts.size === 0) return;
  const title = "A student has been allocated to work with a pupil you asked about";
  await notify(ctx.tx, [...contacts.keys()], {
    kind: "school-request-allocated",
    title,
    body: "The student will be in touch with the school to arrange the sessions.",
    link: "/school",
  });
  for (const email of contacts.values())
    ctx.afterCommit(() =>
      sendEmail({
        to: email,
        subject: title,
        text: [
          "The team has allocated a student social worker to one of your school's requests for support.",
          "",
          `See your school's requests: ${appUrl("/school")}`,
        ].join("\n"),
      }),
    );
}
