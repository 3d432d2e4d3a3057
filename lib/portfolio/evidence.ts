import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { canReviewEvidence, canWriteEvidence, evidenceVisibleTo } from "@/lib/access/portfolio";
import { AppError, conflict, forbidden, notFound, parseInput } from "@/lib/errors";
import { createdFields, writeAudit } from "@/lib/audit";
import { formatDate, fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { notify } from "@/lib/notifications/notifications";
import { appUrl, sendEmail } from "@/lib/notifications/email";
import { childNameWarning, findChildNames, type KnownChild } from "@/lib/portfolio/child-name-check";
import { coverageOf, type Coverage } from "@/lib/portfolio/coverage";
import {
  EVIDENCE_STATUS_LABELS,
  evidenceAddendumSchema,
  evidenceSchema,
  reviewEvidenceSchema,
  submitEvidenceSchema,
  updateEvidenceSchema,
  type EvidenceStatusName,
  type EvidenceTypeName,
  type EvidenceValues,
} from "@/lib/validations/evidence";

// The student's evidence for a placement: drafts the student writes, submits
// to the current practice educator, and corrects when asked; accepted items
// are locked and take addenda only. Who reads what is lib/access/portfolio.ts.

const refuse = (message: string, field?: string) =>
  new AppError("validation", message, field ? { [field]: [message] } : undefined);

/** The roles that read a portfolio at all (the access table): the others are told it does not exist. */
function readsPortfolios(user: SessionUser) {
  return user.role === "STUDENT" || user.role === "PRACTICE_EDUCATOR" || user.role === "UNIVERSITY_TUTOR";
}

/** A placement as the portfolio sees it, with its current PE; 404 for anyone who may not read its evidence. */
export async function portfolioPlacement(tx: Tx, user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  if (!readsPortfolios(user)) throw notFound("That placement's portfolio");
  const placement = await tx.placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id: String(placementId) }] },
    include: {
      student: { select: { id: true, name: true, email: true } },
      practiceEducators: {
        where: { endDate: null },
        include: { practiceEducator: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  if (!placement) throw notFound("That placement's portfolio");
  const currentPe = placement.practiceEducators[0]?.practiceEducator ?? null;
  return { ...placement, currentPracticeEducatorId: currentPe?.id ?? null, currentPe };
}

type PortfolioPlacement = Awaited<ReturnType<typeof portfolioPlacement>>;

/** The children allocated to the student, whose names the student knows and must not write. */
async function childrenOfStudent(tx: Tx, studentId: string): Promise<KnownChild[]> {
  const allocations = await tx.allocation.findMany({
    where: { studentId },
    select: { child: { select: { code: true, firstName: true, lastName: true, anonymisedAt: true } } },
  });
  return allocations.filter((allocation) => !allocation.child.anonymisedAt).map((allocation) => allocation.child);
}

const inForceOn = (date: Date): Prisma.FrameworkWhereInput => ({
  effectiveFrom: { lte: date },
  OR: [{ effectiveTo: null }, { effectiveTo: { gt: date } }],
});

function frameworkInForce(framework: { effectiveFrom: Date; effectiveTo: Date | null }, iso: string) {
  return (
    toIsoDate(framework.effectiveFrom) <= iso &&
    (framework.effectiveTo === null || toIsoDate(framework.effectiveTo) > iso)
  );
}

/** Every link must be to an item of a framework version in force on the evidence's date. */
async function checkLinks(tx: Tx, data: EvidenceValues) {
  const ids = data.links.map((link) => link.frameworkItemId);
  const items = await tx.frameworkItem.findMany({ where: { id: { in: ids } }, include: { framework: true } });
  const errors: Record<string, string[]> = {};
  const messages: string[] = [];
  data.links.forEach((link, index) => {
    const item = items.find((candidate) => candidate.id === link.frameworkItemId);
    if (!item) {
      const message = "One of the capabilities chosen does not exist: choose again from the list";
      errors[`links.${index}.frameworkItemId`] = [message];
      messages.push(message);
    } else if (!frameworkInForce(item.framework, data.occurredOn)) {
      const message = `"${item.name}" is from ${item.framework.code} ${item.framework.version}, which is not the version in force on ${formatDate(data.occurredOn)}: choose the capability from the version in force on that date`;
      errors[`links.${index}.frameworkItemId`] = [message];
      messages.push(message);
    }
  });
  if (messages.length > 0) throw new AppError("validation", messages[0], { links: [messages[0]], ...errors });
}

/** A child code must be one of the student's own allocated children: the code is how evidence refers to them. */
async function checkChildCode(tx: Tx, studentId: string, code: string | null) {
  if (!code) return;
  const allocated = await tx.allocation.findFirst({ where: { studentId, child: { code } }, select: { id: true } });
  if (!allocated)
    throw refuse(`${code} is not the code of a child allocated to you. Check the code on your caseload.`, "childCode");
}

const FIELD_LABELS: Record<string, string> = {
  title: "title",
  occurredOn: "date",
  type: "type",
  body: "evidence text",
  childCode: "child code",
  links: "capabilities",
  status: "status",
};

/** Who changed what since `version`, from the audit log, so a 409 can name the change. */
async function changesSince(tx: Tx, evidenceId: string, version: number) {
  const entries = await tx.auditLog.findMany({
    where: { entity: "EvidenceItem", entityId: evidenceId, action: "UPDATE" },
    orderBy: { at: "asc" },
    include: { actor: { select: { name: true } } },
  });
  const fields = new Set<string>();
  const people = new Set<string>();
  for (const entry of entries) {
    const changes = (entry.changes ?? {}) as Record<string, { to?: unknown }>;
    if (Number(changes.version?.to ?? 0) <= version) continue;
    for (const field of Object.keys(changes)) if (FIELD_LABELS[field]) fields.add(FIELD_LABELS[field]);
    people.add(entry.actor?.name ?? "Someone");
  }
  return { fields: [...fields], people: [...people] };
}

async function staleVersion(tx: Tx, item: { id: string; version: number; status: string }, version: number) {
  const since = await changesSince(tx, item.id, version);
  const who = since.people.join(" and ") || "Someone";
  const what =
    since.fields.length > 1
      ? `${since.fields.slice(0, -1).join(", ")} and ${since.fields.at(-1)}`
      : (since.fields[0] ?? "evidence");
  return conflict(
    `${who} changed the ${what} after you opened it (it is now "${EVIDENCE_STATUS_LABELS[item.status as EvidenceStatusName]}"). Nothing of yours was saved: copy your text, reload, and try again.`,
    { currentVersion: item.version, changedFields: since.fields, changedBy: since.people },
  );
}

async function loadItem(tx: Tx, user: SessionUser, evidenceId: string) {
  assertVerifiedUser(user);
  const item = await tx.evidenceItem.findFirst({
    where: { AND: [evidenceVisibleTo(user), { id: String(evidenceId) }] },
    include: { links: true },
  });
  if (!item) throw notFound("That evidence");
  const placement = await portfolioPlacement(tx, user, item.placementId);
  return { item, placement };
}

const EDITABLE: readonly string[] = ["DRAFT", "CHANGES_REQUESTED"];

/** Why the student may not change this item now, or null when they may. */
function lockedReason(status: string): string | null {
  if (status === "ACCEPTED")
    return "This evidence has been accepted and is locked. Add an addendum to correct or add to it.";
  if (status === "SUBMITTED")
    return "This evidence is with your practice educator for review: it can be changed again if they ask for changes.";
  return null;
}

function assertStudentMayChange(user: SessionUser, placement: PortfolioPlacement, status: string) {
  if (user.role !== "STUDENT" || placement.studentId !== user.id)
    throw forbidden("Only the student whose placement this is writes its evidence.");
  if (!canWriteEvidence(user, placement)) throw conflict("This placement has finished: its portfolio is read-only.");
  const locked = lockedReason(status);
  if (locked) throw conflict(locked);
}

function linksAudit(links: ReadonlyArray<{ frameworkItemId: string; note: string }>) {
  return links.map((link) => `${link.frameworkItemId}: ${link.note}`);
}

// ---------------------------------------------------------------------------
// Reads

export type FrameworkChoice = {
  id: string;
  code: string;
  name: string;
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  items: Array<{ id: string; number: number; name: string }>;
};

/** Every framework version with its items, for the capability picker (the form shows those in force on the chosen date). */
export async function frameworkChoices(): Promise<FrameworkChoice[]> {
  const frameworks = await getDb().framework.findMany({
    orderBy: [{ code: "asc" }, { effectiveFrom: "asc" }],
    include: { items: { orderBy: { number: "asc" }, select: { id: true, number: true, name: true } } },
  });
  const order = ["PCF", "SWE", "KSS"];
  return frameworks
    .sort((a, b) => (order.indexOf(a.code) + 1 || 99) - (order.indexOf(b.code) + 1 || 99))
    .map((framework) => ({
      id: framework.id,
      code: framework.code,
      name: framework.name,
      version: framework.version,
      effectiveFrom: toIsoDate(framework.effectiveFrom),
      effectiveTo: framework.effectiveTo ? toIsoDate(framework.effectiveTo) : null,
      items: framework.items,
    }));
}

function placementSummary(placement: PortfolioPlacement) {
  return {
    id: placement.id,
    studentId: placement.studentId,
    studentName: placement.student.name,
    setting: placement.setting,
    level: placement.level,
    status: placement.status,
    startDate: toIsoDate(placement.startDate),
    endDate: toIsoDate(placement.endDate),
    practiceEducatorName: placement.currentPe?.name ?? null,
  };
}

/** The PCF coverage of the evidence the user can see: rows of the version in force today, links to other versions matched by domain code. */
async function pcfCoverage(
  tx: Tx,
  links: Array<{ frameworkItemId: string; status: string; code: string; frameworkCode: string }>,
) {
  const today = fromIsoDate(todayInUk());
  const pcf = await tx.framework.findFirst({
    where: { code: "PCF", ...inForceOn(today) },
    orderBy: { effectiveFrom: "desc" },
    include: { items: { select: { id: true, number: true, name: true, code: true } } },
  });
  if (!pcf) return null;
  const byCode = new Map(pcf.items.map((item) => [item.code, item.id]));
  const mapped = links
    .filter((link) => link.frameworkCode === "PCF" && byCode.has(link.code))
    .map((link) => ({ frameworkItemId: byCode.get(link.code)!, status: link.status }));
  const coverage: Coverage = coverageOf(
    pcf.items.map(({ id, number, name }) => ({ id, number, name })),
    mapped,
  );
  return { framework: { id: pcf.id, code: pcf.code, name: pcf.name, version: pcf.version }, ...coverage };
}

/** A placement's portfolio: the evidence the user may see, newest first, and its coverage of the PCF. */
export async function listPlacementEvidence(user: SessionUser, placementId: string) {
  const db = getDb();
  const placement = await portfolioPlacement(db, user, placementId);
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
    placement: placementSummary(placement),
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
        .sort((a, b) => a.framework.localeCompare(b.framework) || a.number - b.number),
      version: item.version,
    })),
    permissions: { canAdd: canWriteEvidence(user, placement) },
  };
}

export type PlacementEvidence = Awaited<ReturnType<typeof listPlacementEvidence>>;

/** One evidence item with its capabilities, attachments and review thread, and what the user may do with it. */
export async function getEvidence(user: SessionUser, evidenceId: string) {
  const db = getDb();
  const { item, placement } = await loadItem(db, user, evidenceId);
  const [links, attachments, comments] = await Promise.all([
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
      include: { uploadedBy: { select: { name: true } } },
    }),
    db.evidenceComment.findMany({
      where: { evidenceId: item.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { author: { select: { name: true, role: true } } },
    }),
  ]);
  const isStudent = user.role === "STUDENT" && placement.studentId === user.id;
  const editable = canWriteEvidence(user, placement) && EDITABLE.includes(item.status);
  const reviewer = canReviewEvidence(user, placement);
  // Only the student is told about names, and only by code: they wrote it and know the children.
  const warning =
    isStudent && editable
      ? childNameWarning(findChildNames([item.title, item.body], await childrenOfStudent(db, placement.studentId)))
      : null;
  return {
    placement: placementSummary(placement),
    evidence: {
      id: item.id,
      placementId: item.placementId,
      title: item.title,
      occurredOn: toIsoDate(item.occurredOn),
      type: item.type as EvidenceTypeName,
      body: item.body,
      childCode: item.childCode,
      status: item.status as EvidenceStatusName,
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
        .sort(
          (a, b) =>
            ["PCF", "SWE", "KSS"].indexOf(a.framework) - ["PCF", "SWE", "KSS"].indexOf(b.framework) ||
            a.number - b.number,
        ),
      attachments: attachments.map((attachment) => ({
        id: attachment.id,
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        sizeBytes: attachment.sizeBytes,
        sha256: attachment.sha256,
        uploadedByName: attachment.uploadedBy.name,
        createdAt: attachment.createdAt.toISOString(),
        url: `/api/v1/evidence/${item.id}/attachments/${attachment.id}`,
      })),
      comments: comments.map((comment) => ({
        id: comment.id,
        kind: comment.kind,
        body: comment.body,
        authorName: comment.author.name,
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
      canDecide: reviewer && item.status === "SUBMITTED",
      canAddAddendum: item.status === "ACCEPTED" && (isStudent || reviewer),
    },
  };
}

export type EvidenceView = Awaited<ReturnType<typeof getEvidence>>;

// ---------------------------------------------------------------------------
// Writes

/** The student adds a draft. A child's name is allowed in a draft, with a warning naming the child's code. */
export async function createEvidence(user: SessionUser, placementId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = parseInput(evidenceSchema, input);
  return getDb().$transaction(async (tx) => {
    const placement = await portfolioPlacement(tx, user, placementId);
    assertStudentMayChange(user, placement, "DRAFT");
    await checkLinks(tx, data);
    await checkChildCode(tx, placement.studentId, data.childCode);
    const names = findChildNames([data.title, data.body], await childrenOfStudent(tx, placement.studentId));
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
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "EvidenceItem",
      entityId: item.id,
      changes: { ...createdFields(item), links: linksAudit(data.links) },
    });
    return {
      id: item.id,
      version: item.version,
      status: item.status as EvidenceStatusName,
      warning: childNameWarning(names),
    };
  });
}

/** The student edits a draft, or an item the PE sent back. A stale version is a 409 naming the change; nothing is saved. */
export async function updateEvidence(user: SessionUser, evidenceId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = parseInput(updateEvidenceSchema, input);
  return getDb().$transaction(async (tx) => {
    const { item, placement } = await loadItem(tx, user, evidenceId);
    assertStudentMayChange(user, placement, item.status);
    if (item.version !== data.version) throw await staleVersion(tx, item, data.version);
    await checkLinks(tx, data);
    await checkChildCode(tx, placement.studentId, data.childCode);
    const names = findChildNames([data.title, data.body], await childrenOfStudent(tx, placement.studentId));
    // Once submitted, the university reads the item: a name may be saved in a draft only.
    if (names.length > 0 && item.status !== "DRAFT")
      throw refuse(`${childNameWarning(names)} The university can read this evidence, so it was not saved.`, "body");
    const next = {
      title: data.title,
      occurredOn: fromIsoDate(data.occurredOn),
      type: data.type,
      body: data.body,
      childCode: data.childCode,
    };
    const { count } = await tx.evidenceItem.updateMany({
      where: { id: item.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else saved this evidence at the same moment. Reload and try again.");
    await tx.evidenceLink.deleteMany({ where: { evidenceId: item.id } });
    await tx.evidenceLink.createMany({
      data: data.links.map((link) => ({ evidenceId: item.id, frameworkItemId: link.frameworkItemId, note: link.note })),
    });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(next)) {
      const before = (item as Record<string, unknown>)[key];
      const same =
        value instanceof Date && before instanceof Date ? value.getTime() === before.getTime() : before === value;
      if (!same) changes[key] = { from: before ?? null, to: value ?? null };
    }
    const linksBefore = linksAudit(item.links);
    const linksAfter = linksAudit(data.links);
    if (JSON.stringify([...linksBefore].sort()) !== JSON.stringify([...linksAfter].sort()))
      changes.links = { from: linksBefore, to: linksAfter };
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "EvidenceItem",
      entityId: item.id,
      changes: { ...changes, version: { from: data.version, to: data.version + 1 } },
    });
    return {
      id: item.id,
      version: data.version + 1,
      status: item.status as EvidenceStatusName,
      warning: childNameWarning(names),
    };
  });
}

/** The student submits for review; the current PE is told at once (in the app, and by email when configured). */
export async function submitEvidence(user: SessionUser, evidenceId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = parseInput(submitEvidenceSchema, input);
  const submitted = await getDb().$transaction(async (tx) => {
    const { item, placement } = await loadItem(tx, user, evidenceId);
    assertStudentMayChange(user, placement, item.status);
    if (item.version !== data.version) throw await staleVersion(tx, item, data.version);
    const names = findChildNames([item.title, item.body], await childrenOfStudent(tx, placement.studentId));
    if (names.length > 0)
      throw refuse(
        `${childNameWarning(names)} Evidence is read by the university, which must never see a child's name: edit it before you submit.`,
        "body",
      );
    if (item.links.length === 0)
      throw refuse("Choose at least one capability this evidence shows before you submit it.", "links");
    const now = new Date();
    const { count } = await tx.evidenceItem.updateMany({
      where: { id: item.id, version: data.version, status: item.status },
      data: { status: "SUBMITTED", submittedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("This evidence changed at the same moment. Reload and try again.");
    const comment = await tx.evidenceComment.create({
      data: {
        evidenceId: item.id,
        authorId: user.id,
        kind: "SUBMITTED",
        body: item.status === "CHANGES_REQUESTED" ? "Resubmitted after changes." : "",
      },
    });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "EvidenceItem",
      entityId: item.id,
      changes: {
        status: { from: item.status, to: "SUBMITTED" },
        submittedAt: { from: item.submittedAt, to: now },
        version: { from: data.version, to: data.version + 1 },
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "EvidenceComment",
      entityId: comment.id,
      changes: createdFields(comment),
    });
    const pe = placement.currentPe;
    const link = `/evidence/${item.id}`;
    if (pe) {
      await notify(tx, [pe.id], {
        kind: "EVIDENCE_SUBMITTED",
        title: `${placement.student.name} ${item.status === "CHANGES_REQUESTED" ? "resubmitted" : "submitted"} evidence for review`,
        body: `"${item.title}" (${formatDate(item.occurredOn)}) is waiting for your review.`,
        link,
      });
    }
    return {
      id: item.id,
      version: data.version + 1,
      status: "SUBMITTED" as const,
      pe,
      studentName: placement.student.name,
      link,
    };
  });
  // After the commit: the submission stands whatever happens to the email. It names no child and no title.
  if (submitted.pe) {
    await sendEmail({
      to: submitted.pe.email,
      subject: `Evidence submitted for review by ${submitted.studentName}`,
      text: [
        `${submitted.studentName} has submitted portfolio evidence for your review in Placement Tracker.`,
        "",
        `Read it: ${appUrl(submitted.link)}`,
      ].join("\n"),
    });
  }
  return { id: submitted.id, version: submitted.version, status: submitted.status, notified: submitted.pe ? 1 : 0 };
}

const DECISION_STATUS = { CHANGES_REQUESTED: "CHANGES_REQUESTED", ACCEPTED: "ACCEPTED" } as const;

/** The current PE comments (any time), asks for changes (a comment is required) or accepts (locks the item). */
export async function reviewEvidence(user: SessionUser, evidenceId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = parseInput(reviewEvidenceSchema, input);
  const reviewed = await getDb().$transaction(async (tx) => {
    const { item, placement } = await loadItem(tx, user, evidenceId);
    if (!canReviewEvidence(user, placement))
      throw forbidden("Only the placement's current practice educator reviews its evidence.");
    if (data.version !== undefined && data.version !== item.version) throw await staleVersion(tx, item, data.version);
    if (data.comment) {
      const names = findChildNames([data.comment], await childrenOfStudent(tx, placement.studentId));
      if (names.length > 0)
        throw refuse(
          `${childNameWarning(names)} The university reads the review thread, so the comment was not saved.`,
          "comment",
        );
    }
    let nextStatus: EvidenceStatusName = item.status as EvidenceStatusName;
    let version = item.version;
    if (data.decision !== "COMMENT") {
      if (item.status !== "SUBMITTED") {
        throw conflict(
          item.status === "ACCEPTED"
            ? "This evidence has already been accepted."
            : `This evidence is "${EVIDENCE_STATUS_LABELS[item.status as EvidenceStatusName]}", not submitted: it can be accepted or sent back only once the student submits it.`,
        );
      }
      nextStatus = DECISION_STATUS[data.decision];
      const now = new Date();
      const { count } = await tx.evidenceItem.updateMany({
        where: { id: item.id, version: item.version, status: "SUBMITTED" },
        data: { status: nextStatus, reviewedAt: now, reviewedById: user.id, version: { increment: 1 } },
      });
      if (count === 0) throw conflict("This evidence changed at the same moment. Reload and try again.");
      version = item.version + 1;
      await writeAudit(tx, user, {
        action: "UPDATE",
        entity: "EvidenceItem",
        entityId: item.id,
        changes: {
          status: { from: item.status, to: nextStatus },
          reviewedAt: { from: item.reviewedAt, to: now },
          reviewedById: { from: item.reviewedById, to: user.id },
          version: { from: item.version, to: version },
        },
      });
    }
    const comment = await tx.evidenceComment.create({
      data: { evidenceId: item.id, authorId: user.id, kind: data.decision, body: data.comment },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "EvidenceComment",
      entityId: comment.id,
      changes: createdFields(comment),
    });
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
    return {
      id: item.id,
      version,
      status: nextStatus,
      commentId: comment.id,
      decision: data.decision,
      studentEmail: placement.student.email,
      link,
    };
  });
  if (reviewed.decision !== "COMMENT") {
    await sendEmail({
      to: reviewed.studentEmail,
      subject:
        reviewed.decision === "ACCEPTED"
          ? "Your evidence has been accepted"
          : "Your practice educator asked for changes to your evidence",
      text: [
        `${user.name} has reviewed portfolio evidence of yours in Placement Tracker.`,
        "",
        `Read it: ${appUrl(reviewed.link)}`,
      ].join("\n"),
    });
  }
  return { id: reviewed.id, version: reviewed.version, status: reviewed.status, commentId: reviewed.commentId };
}

/** A correction or later note on accepted evidence, by the student or the current PE. The item itself never changes. */
export async function addEvidenceAddendum(user: SessionUser, evidenceId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = parseInput(evidenceAddendumSchema, input);
  return getDb().$transaction(async (tx) => {
    const { item, placement } = await loadItem(tx, user, evidenceId);
    const isStudent = user.role === "STUDENT" && placement.studentId === user.id;
    if (!isStudent && !canReviewEvidence(user, placement))
      throw forbidden("Only the student and the current practice educator add addenda.");
    if (item.status !== "ACCEPTED")
      throw conflict("Addenda are for accepted evidence. Until it is accepted, the student edits the item itself.");
    const names = findChildNames([data.body], await childrenOfStudent(tx, placement.studentId));
    if (names.length > 0)
      throw refuse(`${childNameWarning(names)} The university reads addenda, so it was not saved.`, "body");
    const comment = await tx.evidenceComment.create({
      data: { evidenceId: item.id, authorId: user.id, kind: "ADDENDUM", body: data.body },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "EvidenceComment",
      entityId: comment.id,
      changes: createdFields(comment),
    });
    const other = isStudent ? placement.currentPracticeEducatorId : placement.studentId;
    if (other)
      await notify(tx, [other], {
        kind: "EVIDENCE_ADDENDUM",
        title: `${user.name} added an addendum to accepted evidence`,
        body: `"${item.title}"`,
        link: `/evidence/${item.id}`,
      });
    return { id: comment.id };
  });
}

/** For the attachment functions: the item, its placement, and whether the user may change its files now. */
export async function evidenceForAttachments(tx: Tx, user: SessionUser, evidenceId: string, mode: "read" | "change") {
  const { item, placement } = await loadItem(tx, user, evidenceId);
  if (mode === "change") assertStudentMayChange(user, placement, item.status);
  return { item, placement };
}

/** What the evidence form needs: the frameworks and the student's children by code. Only the student may open it. */
export async function evidenceFormFor(user: SessionUser, placementId: string) {
  const db = getDb();
  const placement = await portfolioPlacement(db, user, placementId);
  assertStudentMayChange(user, placement, "DRAFT");
  const [frameworks, children] = await Promise.all([frameworkChoices(), childrenOfStudent(db, placement.studentId)]);
  return {
    placement: placementSummary(placement),
    frameworks,
    childCodes: [...new Set(children.map((child) => child.code))].sort(),
  };
}

/** The edit form's starting point: the item as it is, with its version. */
export async function evidenceEditFor(user: SessionUser, evidenceId: string) {
  const db = getDb();
  const { item, placement } = await loadItem(db, user, evidenceId);
  assertStudentMayChange(user, placement, item.status);
  const [frameworks, children] = await Promise.all([frameworkChoices(), childrenOfStudent(db, placement.studentId)]);
  return {
    placement: placementSummary(placement),
    frameworks,
    childCodes: [...new Set(children.map((child) => child.code))].sort(),
    evidence: {
      id: item.id,
      status: item.status as EvidenceStatusName,
      initial: {
        title: item.title,
        occurredOn: toIsoDate(item.occurredOn),
        type: item.type as EvidenceTypeName,
        body: item.body,
        childCode: item.childCode ?? "",
        links: item.links.map((link) => ({ frameworkItemId: link.frameworkItemId, note: link.note })),
        version: item.version,
      },
    },
  };
}
