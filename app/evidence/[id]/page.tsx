import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { getEvidence } from "@/lib/portfolio/read-evidence";
import { formatBytes } from "@/lib/portfolio/attachments";
import { attachmentMaxBytes } from "@/lib/attachments/store";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate, formatDateTime } from "@/lib/dates";
import { EVIDENCE_TYPE_LABELS } from "@/lib/validations/evidence";
import { EvidenceStatusBadge } from "@/components/portfolio/evidence-status-badge";
import { PlainText } from "@/components/portfolio/plain-text";
import { SummaryList } from "@/components/summary-list";
import {
  AttachmentUpload,
  EvidenceAddendumForm,
  RemoveAttachmentButton,
  ReviewForm,
  SubmitPanel,
} from "./evidence-panels";

export const metadata: Metadata = { title: "Evidence" };
export const dynamic = "force-dynamic";

const STATUS_EXPLAINED = {
  DRAFT: "A draft: the student is still writing it. The practice educator can read it; the university cannot.",
  SUBMITTED: "Submitted: waiting for the practice educator's review.",
  CHANGES_REQUESTED: "The practice educator has asked for changes. The student edits it and submits it again.",
  ACCEPTED: "Accepted by the practice educator: the evidence is locked. Corrections are added as addenda.",
} as const;

const KIND_LABELS = {
  COMMENT: "Comment",
  SUBMITTED: "Submitted for review",
  CHANGES_REQUESTED: "Asked for changes",
  ACCEPTED: "Accepted",
  ADDENDUM: "Addendum",
} as const;

export default async function EvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { placement, evidence, permissions, childNameWarning } = await loadOrNotFound(() => getEvidence(user, id));
  const section = "rounded border border-gray-300 bg-white p-4";
  const thread = evidence.comments.filter((comment) => comment.kind !== "ADDENDUM");
  const addenda = evidence.comments.filter((comment) => comment.kind === "ADDENDUM");

  return (
    <div className="space-y-8">
      <PageHeader
        trail={[
          { href: "/placements", label: "Placements" },
          { href: `/placements/${placement.id}`, label: placement.studentName },
          { href: `/placements/${placement.id}/portfolio`, label: "Portfolio" },
        ]}
        title={<span className="break-words">{evidence.title}</span>}
      >
        <p className="text-muted">
          {placement.studentName} · {EVIDENCE_TYPE_LABELS[evidence.type]} · {formatDate(evidence.occurredOn)}
        </p>
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <span className="font-semibold">Status:</span> <EvidenceStatusBadge status={evidence.status} />
        </p>
        <p className="mt-1">{STATUS_EXPLAINED[evidence.status]}</p>
        {childNameWarning && (
          <div role="alert" className="mt-3 border-l-4 border-red-700 bg-red-50 p-3">
            <p className="font-semibold">{childNameWarning}</p>
            <p>
              The university reads submitted evidence, so it cannot be submitted until the name is replaced by the code.
            </p>
          </div>
        )}
        {permissions.canEdit && (
          <div className="mt-4 flex flex-wrap items-start gap-4">
            <Link
              href={`/evidence/${evidence.id}/edit`}
              className="mt-3 rounded border-2 border-brand-600 px-4 py-2 font-semibold text-brand-700 no-underline"
            >
              Edit
            </Link>
            {permissions.canSubmit && (
              <div>
                <SubmitPanel
                  evidenceId={evidence.id}
                  version={evidence.version}
                  resubmit={evidence.status === "CHANGES_REQUESTED"}
                  blocked={childNameWarning}
                />
              </div>
            )}
          </div>
        )}
      </PageHeader>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading" className="sr-only">
          Details
        </h2>
        <SummaryList
          rows={[
            ["Date", formatDate(evidence.occurredOn)],
            ["Type", EVIDENCE_TYPE_LABELS[evidence.type]],
            ["Child", evidence.childCode ?? "None"],
            ...(evidence.sourceProgrammeId
              ? [
                  [
                    "Made from",
                    <Link
                      key="source"
                      href={`/programmes/${evidence.sourceProgrammeId}`}
                      className="text-brand-700 underline"
                    >
                      The direct-work programme and its session records
                    </Link>,
                  ] as [string, ReactNode],
                ]
              : []),
            ["Submitted", evidence.submittedAt ? formatDateTime(new Date(evidence.submittedAt)) : "Not yet"],
          ]}
        />
      </section>

      <section aria-labelledby="body-heading" className={section}>
        <h2 id="body-heading" className="mb-3 text-2xl font-bold">
          Evidence
        </h2>
        <PlainText text={evidence.body} />
      </section>

      <section aria-labelledby="links-heading" className={section}>
        <h2 id="links-heading" className="mb-3 text-2xl font-bold">
          Capabilities shown
        </h2>
        <ul className="space-y-3">
          {evidence.links.map((link) => (
            <li key={link.frameworkItemId} className="border-l-4 border-brand-600 pl-3">
              <p className="font-semibold">
                {link.framework} {link.number}. {link.name}
                <span className="ml-2 text-sm font-normal text-muted">
                  ({link.frameworkName} {link.frameworkVersion})
                </span>
              </p>
              <p className="whitespace-pre-line break-words">{link.note}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="attachments-heading" className={section}>
        <h2 id="attachments-heading" className="mb-3 text-2xl font-bold">
          Attachments
        </h2>
        {evidence.attachments.length === 0 ? (
          <p className="text-muted">No files attached.</p>
        ) : (
          <ul className="space-y-2">
            {evidence.attachments.map((attachment) => (
              <li key={attachment.id} className="flex flex-wrap items-center gap-3">
                <a href={attachment.url} download className="font-semibold text-brand-700 underline break-all">
                  Download {attachment.fileName}
                </a>
                <span className="text-sm text-muted">
                  {formatBytes(attachment.sizeBytes)} · added by {attachment.uploadedByName}{" "}
                  {formatDateTime(new Date(attachment.createdAt))}
                </span>
                {permissions.canAttach && (
                  <RemoveAttachmentButton
                    evidenceId={evidence.id}
                    attachmentId={attachment.id}
                    fileName={attachment.fileName}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {permissions.canAttach && (
          <AttachmentUpload evidenceId={evidence.id} maxLabel={formatBytes(attachmentMaxBytes())} />
        )}
      </section>

      <section aria-labelledby="review-heading">
        <h2 id="review-heading" className="mb-3 text-2xl font-bold">
          Review
        </h2>
        {thread.length === 0 ? (
          <p className="text-muted">No review yet.</p>
        ) : (
          <ol className="space-y-3">
            {thread.map((comment) => (
              <li key={comment.id} className={section}>
                <p className="font-semibold">
                  {KIND_LABELS[comment.kind]} · {comment.authorName}
                  <span className="ml-2 text-sm font-normal text-muted">
                    {formatDateTime(new Date(comment.createdAt))}
                  </span>
                </p>
                {comment.body && (
                  <div className="mt-1">
                    <PlainText text={comment.body} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
        {permissions.canComment && (
          <div className={`mt-4 ${section}`}>
            <h3 className="mb-3 text-lg font-bold">
              {permissions.canDecide ? "Review this evidence" : "Add a comment"}
            </h3>
            <ReviewForm evidenceId={evidence.id} version={evidence.version} canDecide={permissions.canDecide} />
          </div>
        )}
      </section>

      {(addenda.length > 0 || permissions.canAddAddendum) && (
        <section aria-labelledby="addenda-heading">
          <h2 id="addenda-heading" className="mb-1 text-2xl font-bold">
            Addenda
          </h2>
          <p className="mb-3 text-muted">
            Corrections and later notes, added after acceptance. They never change the accepted evidence.
          </p>
          {addenda.length > 0 && (
            <ol className="space-y-3">
              {addenda.map((addendum) => (
                <li key={addendum.id} className={section}>
                  <p className="font-semibold">
                    {addendum.authorName}
                    <span className="ml-2 text-sm font-normal text-muted">
                      {formatDateTime(new Date(addendum.createdAt))}
                    </span>
                  </p>
                  <PlainText text={addendum.body} />
                </li>
              ))}
            </ol>
          )}
          {permissions.canAddAddendum && (
            <div className={`mt-4 ${section}`}>
              <h3 className="mb-3 text-lg font-bold">Add an addendum</h3>
              <EvidenceAddendumForm evidenceId={evidence.id} />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
