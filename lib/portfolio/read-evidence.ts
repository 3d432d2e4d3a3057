import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import {
  canAddEvidenceAddendum,
  canReviewEvidence,
  canWriteEvidence,
  evidenceVisibleTo,
  isStudentOf,
  readsEvidenceDrafts,
} from "@/lib/access/portfolio";
import { parseId } from "@/lib/core/command";
import { todayInUk, toIsoDate } from "@/lib/dates";
import { frameworksInForceOn } from "@/lib/frameworks/in-force";
import { childNameWarning } from "@/lib/portfolio/child-name-check";
import { coverageOf } from "@/lib/portfolio/coverage";
import { childNamesIn } from "@/lib/portfolio/evidence-checks";
import { compareFrameworkCodes, evidenceEditable, type EvidenceStatusName } from "@/lib/portfolio/evidence-rules";
import { evidenceInScope, portfolioPlacement, summarisePortfolioPlacement } from "@/lib/portfolio/portfolio-scope";
import { namesFor, personFields, placementPeople } from "@/lib/portfolio/people";
import type { EvidenceTypeName } from "@/lib/validations/evidence";

// Reading a student's portfolio: the list with its PCF coverage, and one item
// with its thread (docs/domain.md "Frameworks and the portfolio"). Who reads
// what is lib/access/portfolio.ts.

/** The PCF coverage of the evidence the user can see: rows of the version in force today, links to other versions matched by domain code. */
async function pcfCoverage(
  tx: Tx,
  links: Array<{ frameworkItemId: string; status: string; code: string; frameworkCode: string }>,
) {
  const pcf = await tx.framework.findFirst({
    where: { code: "PCF", ...frameworksInForceOn(todayInUk()) },
    orderBy: { effectiveFrom: "desc" },
    include: { items: { select: { id: true, number: true, name: true, code: true } } },
  });
  if (!pcf) return null;
  const byCode = new Map(pcf.items.map((item) => [item.code, item.id]));
  const mapped = links
    .filter((link) => link.frameworkCode === "PCF" && byCode.has(link.code))
    .map((link) => ({ frameworkItemId: byCode.get(link.code)!, status: link.status }));
  const coverage = coverageOf(
    pcf.items.map(({ id, number, name }) => ({ id, number, name })),
    mapped,
  );
  return { framework: { id: pcf.id, code: pcf.code, name: pcf.name, version: pcf.version }, ...coverage };
}

/** A placement's portfolio: the evidence the user may see, newest first, and its coverage of the PCF. */
export async function listPlacementEvidence(user: SessionUser, placementId: string) {
  const db = getDb();
  const placement = await portfolioPlacement(db, user, parseId(placementId, "That placement's portfolio"));
  const items = await db.evidenceItem.findMany({
    where: { AND: [evidenceVisibleTo(user), { placementId: placement.id }] },
    orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
    include: {
      links: {
        include: {
          frameworkItem: {
            select: { number: true, name: true, code: true, framework: { select: { code: true, version: true } } },
          },
        },
      },
      _count: { select: { attachments: true } },
    },
  });
  const coverage = await pcfCoverage(
    db,
    items.flatMap((item) =>
      item.links.map((link) => ({
        frameworkItemId: link.frameworkItemId,
        status: item.status,
        code: link.frameworkItem.code,
        frameworkCode: link.frameworkItem.framework.code,
      })),
    ),
  );
  return {
    placement: summarisePortfolioPlacement(placement),
    coverage,
    evidence: items.map((item) => ({
      id: item.id,
      title: item.title,
      occurredOn: toIsoDate(item.occurredOn),
      type: item.type as EvidenceTypeName,
      status: item.status as EvidenceStatusName,
      childCode: item.childCode,
      submittedAt: item.submittedAt?.toISOString() ?? null,
      reviewedAt: item.reviewedAt?.toISOString() ?? null,
      attachments: item._count.attachments,
      capabilities: item.links
        .map((link) => ({
          framework: link.frameworkItem.framework.code,
          number: link.frameworkItem.number,
          name: link.frameworkItem.name,
        }))
        .sort((a, b) => compareFrameworkCodes(a.framework, b.framework) || a.number - b.number),
      version: item.version,
    })),
    permissions: { canAdd: canWriteEvidence(user, placement), seesDrafts: readsEvidenceDrafts(user) },
  };
}

/** One evidence item with its capabilities, attachments and review thread, and what the user may do with it. */
export async function getEvidence(user: SessionUser, evidenceId: string) {
  const db = getDb();
  const { item, placement } = await evidenceInScope(db, user, parseId(evidenceId, "That evidence"));
  const [links, attachments, comments, worksWith] = await Promise.all([
    db.evidenceLink.findMany({
      where: { evidenceId: item.id },
      include: {
        frameworkItem: {
          select: {
            number: true,
            name: true,
            code: true,
            framework: { select: { code: true, name: true, version: true } },
          },
        },
      },
    }),
    db.evidenceAttachment.findMany({
      where: { evidenceId: item.id },
      orderBy: { createdAt: "asc" },
      include: { uploadedBy: { select: personFields } },
    }),
    db.evidenceComment.findMany({
      where: { evidenceId: item.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { author: { select: personFields } },
    }),
    placementPeople(db, placement.id),
  ]);
  const names = namesFor(user, worksWith, placement);
  const status = item.status as EvidenceStatusName;
  const editable = canWriteEvidence(user, placement) && evidenceEditable(status);
  const reviewer = canReviewEvidence(user, placement);
  // Only the student is told about names, and only by code: they wrote it and know the children.
  const warning =
    isStudentOf(user, placement) && editable
      ? childNameWarning(await childNamesIn(db, placement.studentId, [item.title, item.body]))
      : null;
  return {
    placement: summarisePortfolioPlacement(placement),
    evidence: {
      id: item.id,
      placementId: item.placementId,
      title: item.title,
      occurredOn: toIsoDate(item.occurredOn),
      type: item.type as EvidenceTypeName,
      body: item.body,
      childCode: item.childCode,
      status,
      submittedAt: item.submittedAt?.toISOString() ?? null,
      reviewedAt: item.reviewedAt?.toISOString() ?? null,
      createdAt: item.createdAt.toISOString(),
      updatedAt: item.updatedAt.toISOString(),
      version: item.version,
      links: links
        .map((link) => ({
          frameworkItemId: link.frameworkItemId,
          framework: link.frameworkItem.framework.code,
          frameworkName: link.frameworkItem.framework.name,
          frameworkVersion: link.frameworkItem.framework.version,
          number: link.frameworkItem.number,
          name: link.frameworkItem.name,
          note: link.note,
        }))
        .sort((a, b) => compareFrameworkCodes(a.framework, b.framework) || a.number - b.number),
      attachments: attachments.map((attachment) => ({
        id: attachment.id,
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        sizeBytes: attachment.sizeBytes,
        sha256: attachment.sha256,
        uploadedByName: names.name(attachment.uploadedBy),
        createdAt: attachment.createdAt.toISOString(),
        url: `/api/v1/evidence/${item.id}/attachments/${attachment.id}`,
      })),
      comments: comments.map((comment) => ({
        id: comment.id,
        kind: comment.kind,
        body: comment.body,
        authorName: names.name(comment.author),
        authorRole: comment.author.role,
        createdAt: comment.createdAt.toISOString(),
      })),
    },
    childNameWarning: warning,
    permissions: {
      canEdit: editable,
      canSubmit: editable,
      canAttach: editable,
      canComment: reviewer,
      canDecide: reviewer && status === "SUBMITTED",
      canAddAddendum: status === "ACCEPTED" && canAddEvidenceAddendum(user, placement),
    },
  };
}
