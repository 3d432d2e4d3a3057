import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import { canAddEvidenceAddendum, canReviewEvidence, isStudentOf } from "@/lib/access/portfolio";
import { command, parseId } from "@/lib/core/command";
import { conflict } from "@/lib/errors";
import { formatDate } from "@/lib/dates";
import { notify } from "@/lib/notifications/notifications";
import { appUrl, sendEmail } from "@/lib/notifications/email";
import { evidenceInScope, type EvidenceInScope } from "@/lib/portfolio/portfolio-scope";
import { assertNoChildNames } from "@/lib/portfolio/evidence-checks";
import { reviewDecisionProblem, type EvidenceStatusName } from "@/lib/portfolio/evidence-rules";
import { EVIDENCE_FIELD_LABELS } from "@/lib/portfolio/write-evidence";
import { evidenceAddendumSchema, reviewEvidenceSchema } from "@/lib/validations/evidence";

// The practice educator's side of evidence: comments, asking for changes,
// accepting (which locks the item), and addenda on accepted evidence
// (docs/domain.md "Frameworks and the portfolio").

const DECISION_STATUS = { CHANGES_REQUESTED: "CHANGES_REQUESTED", ACCEPTED: "ACCEPTED" } as const;

/** The current PE comments (any time), asks for changes (a comment is required) or accepts (locks the item). */
export const reviewEvidence = command({
  parse: (evidenceId: string, body: unknown) => ({ evidenceId: parseId(evidenceId, "That evidence"), body }),
  input: reviewEvidenceSchema,
  load: ({ tx, user }, input) => evidenceInScope(tx, user, input.evidenceId),
  allow: (user: SessionUser, { placement }: EvidenceInScope) =>
    canReviewEvidence(user, placement) || "Only the placement's current practice educator reviews its evidence.",
  // A decision on a version the student has since changed is refused; a caller that names no version takes the risk.
  version: ({ item }, data) =>
    data.version === undefined
      ? null
      : {
          entity: "EvidenceItem",
          id: item.id,
          current: item.version,
          expected: data.version,
          what: "this evidence",
          labels: EVIDENCE_FIELD_LABELS,
        },
  async run({ tx, user, audit, afterCommit, placementChanged }, { item, placement }, data) {
    if (data.comment) {
      await assertNoChildNames(
        tx,
        placement.studentId,
        "comment",
        [data.comment],
        "The university reads the review thread, so the comment was not saved.",
      );
    }
    let status = item.status as EvidenceStatusName;
    let version = item.version;
    if (data.decision !== "COMMENT") {
      const problem = reviewDecisionProblem(status);
      if (problem) throw conflict(problem);
      status = DECISION_STATUS[data.decision];
      const now = new Date();
      const { count } = await tx.evidenceItem.updateMany({
        where: { id: item.id, version: item.version, status: "SUBMITTED" },
        data: { status, reviewedAt: now, reviewedById: user.id, version: { increment: 1 } },
      });
      if (count === 0) throw conflict("This evidence changed at the same moment. Reload and try again.");
      version = item.version + 1;
      await audit.updated(
        "EvidenceItem",
        item.id,
        item,
        { status, reviewedAt: now, reviewedById: user.id },
        { from: item.version, to: version },
      );
      placementChanged(placement.id);
    }
    const comment = await tx.evidenceComment.create({
      data: { evidenceId: item.id, authorId: user.id, kind: data.decision, body: data.comment },
    });
    await audit.created("EvidenceComment", comment);
    const titles = {
      COMMENT: `${user.name} commented on your evidence`,
      CHANGES_REQUESTED: `${user.name} asked for changes to your evidence`,
      ACCEPTED: `${user.name} accepted your evidence`,
    } as const;
    const link = `/evidence/${item.id}`;
    await notify(tx, [placement.studentId], {
      kind: `EVIDENCE_${data.decision}`,
      title: titles[data.decision],
      body: `"${item.title}" (${formatDate(item.occurredOn)})`,
      link,
    });
    if (data.decision !== "COMMENT") {
      afterCommit(() =>
        sendEmail({
          to: placement.student.email,
          subject:
            data.decision === "ACCEPTED"
              ? "Your evidence has been accepted"
              : "Your practice educator asked for changes to your evidence",
          text: [
            `${user.name} has reviewed portfolio evidence of yours in Placement Tracker.`,
            "",
            `Read it: ${appUrl(link)}`,
          ].join("\n"),
        }),
      );
    }
    return { id: item.id, version, status, commentId: comment.id };
  },
});

/** A correction or later note on accepted evidence, by the student or the current PE. The item itself never changes. */
export const addEvidenceAddendum = command({
  parse: (evidenceId: string, body: unknown) => ({ evidenceId: parseId(evidenceId, "That evidence"), body }),
  input: evidenceAddendumSchema,
  load: ({ tx, user }, input) => evidenceInScope(tx, user, input.evidenceId),
  allow: (user: SessionUser, { placement }: EvidenceInScope) =>
    canAddEvidenceAddendum(user, placement) || "Only the student and the current practice educator add addenda.",
  async run({ tx, user, audit }, { item, placement }, data) {
    if (item.status !== "ACCEPTED")
      throw conflict("Addenda are for accepted evidence. Until it is accepted, the student edits the item itself.");
    await assertNoChildNames(
      tx,
      placement.studentId,
      "body",
      [data.body],
      "The university reads addenda, so it was not saved.",
    );
    const comment = await tx.evidenceComment.create({
      data: { evidenceId: item.id, authorId: user.id, kind: "ADDENDUM", body: data.body },
    });
    await audit.created("EvidenceComment", comment);
    const other = isStudentOf(user, placement) ? placement.currentPracticeEducatorId : placement.studentId;
    if (other)
      await notify(tx, [other], {
        kind: "EVIDENCE_ADDENDUM",
        title: `${user.name} added an addendum to accepted evidence`,
        body: `"${item.title}"`,
        link: `/evidence/${item.id}`,
      });
    return { id: comment.id };
  },
});
