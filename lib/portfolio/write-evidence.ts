import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import { isStudentOf, placementOpenForPortfolio } from "@/lib/access/portfolio";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError } from "@/lib/errors";
import { formatDate, fromIsoDate } from "@/lib/dates";
import { notify } from "@/lib/notifications/notifications";
import { appUrl, sendEmail } from "@/lib/notifications/email";
import { childNameWarning } from "@/lib/portfolio/child-name-check";
import { evidenceInScope, portfolioPlacement, type PortfolioPlacement } from "@/lib/portfolio/portfolio-scope";
import {
  assertChildAllocated,
  assertLinksInForce,
  assertNoChildNames,
  childNamesIn,
} from "@/lib/portfolio/evidence-checks";
import { evidenceLockedReason, type EvidenceStatusName } from "@/lib/portfolio/evidence-rules";
import { evidenceSchema, submitEvidenceSchema, updateEvidenceSchema } from "@/lib/validations/evidence";

// The student's own writes to their evidence: a draft, its edits, and its
// submission to the current PE (docs/domain.md "Frameworks and the portfolio").

const onlyTheStudent = (user: SessionUser, { placement }: { placement: PortfolioPlacement }) =>
  isStudentOf(user, placement) || "Only the student whose placement this is writes its evidence.";

/** The placement must be open and the item the student's to change (a draft, or sent back). */
function assertStudentMayChange(placement: PortfolioPlacement, status: EvidenceStatusName) {
  if (!placementOpenForPortfolio(placement)) throw conflict("This placement has finished: its portfolio is read-only.");
  const locked = evidenceLockedReason(status);
  if (locked) throw conflict(locked);
}

/** How the 409 for a stale version names the fields someone else changed. */
export const EVIDENCE_FIELD_LABELS: Record<string, string> = {
  title: "title",
  occurredOn: "date",
  type: "type",
  body: "evidence text",
  childCode: "child code",
  links: "capabilities",
  status: "status",
  submittedAt: "status",
  reviewedAt: "review",
};

const linksAudit = (links: ReadonlyArray<{ frameworkItemId: string; note: string }>) =>
  links.map((link) => `${link.frameworkItemId}: ${link.note}`);

/** The student adds a draft. A child's name is allowed in a draft, with a warning naming the child's code. */
export const createEvidence = command({
  parse: (placementId: string, body: unknown) => ({
    placementId: parseId(placementId, "That placement's portfolio"),
    body,
  }),
  input: evidenceSchema,
  load: async ({ tx, user }, input) => ({ placement: await portfolioPlacement(tx, user, input.placementId) }),
  allow: onlyTheStudent,
  async run({ tx, user, audit }, { placement }, data) {
    assertStudentMayChange(placement, "DRAFT");
    await assertLinksInForce(tx, data);
    await assertChildAllocated(tx, placement.studentId, data.childCode);
    const names = await childNamesIn(tx, placement.studentId, [data.title, data.body]);
    const item = await tx.evidenceItem.create({
      data: {
        placementId: placement.id,
        authorId: user.id,
        title: data.title,
        occurredOn: fromIsoDate(data.occurredOn),
        type: data.type,
        body: data.body,
        childCode: data.childCode,
        links: { create: data.links.map((link) => ({ frameworkItemId: link.frameworkItemId, note: link.note })) },
      },
    });
    await audit.created("EvidenceItem", item, { links: linksAudit(data.links) });
    return {
      id: item.id,
      version: item.version,
      status: item.status as EvidenceStatusName,
      warning: childNameWarning(names),
    };
  },
});

/** The student edits a draft, or an item the PE sent back. A stale version is a 409 naming the change; nothing is saved. */
export const updateEvidence = command({
  parse: (evidenceId: string, body: unknown) => ({ evidenceId: parseId(evidenceId, "That evidence"), body }),
  input: updateEvidenceSchema,
  load: ({ tx, user }, input) => evidenceInScope(tx, user, input.evidenceId),
  allow: onlyTheStudent,
  version: ({ item }, data) => ({
    entity: "EvidenceItem",
    id: item.id,
    current: item.version,
    expected: data.version,
    what: "this evidence",
    labels: EVIDENCE_FIELD_LABELS,
  }),
  async run({ tx, audit, placementChanged }, { item, placement }, data) {
    assertStudentMayChange(placement, item.status);
    await assertLinksInForce(tx, data);
    await assertChildAllocated(tx, placement.studentId, data.childCode);
    const names = await childNamesIn(tx, placement.studentId, [data.title, data.body]);
    // Once submitted, the university reads the item: a name may be saved in a draft only.
    if (names.length > 0 && item.status !== "DRAFT") {
      const message = `${childNameWarning(names)} The university can read this evidence, so it was not saved.`;
      throw fieldError("body", message, message);
    }
    const next = {
      title: data.title,
      occurredOn: fromIsoDate(data.occurredOn),
      type: data.type,
      body: data.body,
      childCode: data.childCode,
    };
    // The version in the where clause makes the check and the write one atomic step.
    const { count } = await tx.evidenceItem.updateMany({
      where: { id: item.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else saved this evidence at the same moment. Reload and try again.");
    await tx.evidenceLink.deleteMany({ where: { evidenceId: item.id } });
    await tx.evidenceLink.createMany({
      data: data.links.map((link) => ({ evidenceId: item.id, frameworkItemId: link.frameworkItemId, note: link.note })),
    });
    const linksBefore = [...linksAudit(item.links)].sort();
    const linksAfter = [...linksAudit(data.links)].sort();
    await audit.updated(
      "EvidenceItem",
      item.id,
      { ...item, links: linksBefore },
      { ...next, links: linksAfter },
      { from: data.version, to: data.version + 1 },
    );
    // Items sent back for changes count in the PCF coverage; drafts do not.
    if (item.status !== "DRAFT") placementChanged(placement.id);
    return {
      id: item.id,
      version: data.version + 1,
      status: item.status as EvidenceStatusName,
      warning: childNameWarning(names),
    };
  },
});

/** The student submits for review; the current PE is told at once (in the app, and by email when configured). */
export const submitEvidence = command({
  parse: (evidenceId: string, body: unknown) => ({ evidenceId: parseId(evidenceId, "That evidence"), body }),
  input: submitEvidenceSchema,
  load: ({ tx, user }, input) => evidenceInScope(tx, user, input.evidenceId),
  allow: onlyTheStudent,
  version: ({ item }, data) => ({
    entity: "EvidenceItem",
    id: item.id,
    current: item.version,
    expected: data.version,
    what: "this evidence",
    labels: EVIDENCE_FIELD_LABELS,
  }),
  async run({ tx, user, audit, afterCommit, placementChanged }, { item, placement }, data) {
    assertStudentMayChange(placement, item.status);
    await assertNoChildNames(
      tx,
      placement.studentId,
      "body",
      [item.title, item.body],
      "Evidence is read by the university, which must never see a child's name: edit it before you submit.",
    );
    if (item.links.length === 0) {
      const message = "Choose at least one capability this evidence shows before you submit it.";
      throw fieldError("links", message, message);
    }
    const now = new Date();
    const { count } = await tx.evidenceItem.updateMany({
      where: { id: item.id, version: data.version, status: item.status },
      data: { status: "SUBMITTED", submittedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("This evidence changed at the same moment. Reload and try again.");
    const resubmitted = item.status === "CHANGES_REQUESTED";
    const comment = await tx.evidenceComment.create({
      data: {
        evidenceId: item.id,
        authorId: user.id,
        kind: "SUBMITTED",
        body: resubmitted ? "Resubmitted after changes." : "",
      },
    });
    await audit.updated(
      "EvidenceItem",
      item.id,
      item,
      { status: "SUBMITTED", submittedAt: now },
      { from: data.version, to: data.version + 1 },
    );
    await audit.created("EvidenceComment", comment);
    placementChanged(placement.id);
    const pe = placement.currentPe;
    const link = `/evidence/${item.id}`;
    if (pe) {
      await notify(tx, [pe.id], {
        kind: "EVIDENCE_SUBMITTED",
        title: `${placement.student.name} ${resubmitted ? "resubmitted" : "submitted"} evidence for review`,
        body: `"${item.title}" (${formatDate(item.occurredOn)}) is waiting for your review.`,
        link,
      });
      // The email names no child and no title: it may be read outside the council's systems.
      afterCommit(() =>
        sendEmail({
          to: pe.email,
          subject: `Evidence submitted for review by ${placement.student.name}`,
          text: [
            `${placement.student.name} has submitted portfolio evidence for your review in Placement Tracker.`,
            "",
            `Read it: ${appUrl(link)}`,
          ].join("\n"),
        }),
      );
    }
    return { id: item.id, version: data.version + 1, status: "SUBMITTED" as const, notified: pe ? 1 : 0 };
  },
});
