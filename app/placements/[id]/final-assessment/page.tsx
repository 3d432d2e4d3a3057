import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/current-user";
import { getFinalAssessment } from "@/lib/portfolio/get-final-assessment";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate, formatDateTime } from "@/lib/dates";
import { RECOMMENDATION_LABELS } from "@/lib/portfolio/final-assessment-rules";
import { CAPABILITY_LEVEL_LABELS, capabilityLevelFor } from "@/lib/frameworks/frameworks";
import { FinalStatusBadge } from "@/components/portfolio/final-status-badge";
import { PageHeader } from "@/components/page-header";
import { FormattedText } from "@/components/formatted-text";
import { PeFinalReportForm } from "./pe-form";
import { ReflectionForm } from "./reflection-form";
import { OnsiteSignPanel, RatifyPanel, StartFinalAssessmentButton } from "./panels";
import { PanelOutcome } from "./panel-outcome";

export const metadata: Metadata = { title: "Final assessment" };
export const dynamic = "force-dynamic";

// Written with Markdown lists and emphasis: shown as the writer formatted it.
function TextBlock({ text, empty }: { text: string; empty: string }) {
  return text.trim() ? <FormattedText text={text} /> : <p className="text-muted">{empty}</p>;
}

function SignatureRow({ role, name, at, waiting }: { role: string; name: string; at: string | null; waiting: string }) {
  return (
    <tr>
      <th scope="row" className="border border-gray-300 px-3 py-2 text-left font-semibold">
        {role}
      </th>
      <td className="border border-gray-300 px-3 py-2">{name}</td>
      <td className="border border-gray-300 px-3 py-2">
        {at ? (
          <span>
            <span aria-hidden="true">✓ </span>Signed {formatDateTime(new Date(at))}
          </span>
        ) : (
          <span>
            <span aria-hidden="true">○ </span>
            {waiting}
          </span>
        )}
      </td>
    </tr>
  );
}

export default async function FinalAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = await loadOrNotFound(() => getFinalAssessment(user, id));
  const { placement, assessment, framework, permissions } = view;
  const levelLabel = CAPABILITY_LEVEL_LABELS[capabilityLevelFor(placement.level)];
  const section = "rounded border border-gray-300 bg-white p-4";

  let body: ReactNode;
  if (!assessment) {
    body = (
      <section aria-labelledby="start-heading" className={section}>
        <h2 id="start-heading" className="mb-2 text-2xl font-bold">
          Not started
        </h2>
        {permissions.canStart ? (
          <>
            <p className="mb-3">
              Start the final report when the placement is nearing its end. You can save drafts; the student can write
              their reflective summary at the same time.
            </p>
            <StartFinalAssessmentButton placementId={placement.id} />
          </>
        ) : (
          <p>
            {view.notStarted === "UNTIL_PE_SIGNS"
              ? "The practice educator has not signed a final report yet. You will see it here once they have."
              : view.notStarted === "PLACEMENT_NOT_STARTED"
                ? "The placement has not started yet."
                : "The placement's current practice educator has not started the final report yet."}
          </p>
        )}
      </section>
    );
  } else {
    body = (
      <>
        <section aria-labelledby="report-heading" className={section}>
          <h2 id="report-heading" className="mb-3 text-2xl font-bold">
            Practice educator&apos;s final report{permissions.canEditPeParts ? " (draft)" : ""}
          </h2>
          {permissions.canEditPeParts && framework ? (
            <PeFinalReportForm
              placementId={placement.id}
              assessmentId={assessment.id}
              version={assessment.version}
              holisticSummary={assessment.holisticSummary}
              recommendation={assessment.recommendation}
              developmentPlan={assessment.developmentPlan}
              levelLabel={levelLabel}
              domains={framework.items.map((item) => ({
                ...item,
                text: assessment.domains.find((domain) => domain.code === item.code)?.text ?? "",
              }))}
            />
          ) : (
            <>
              {assessment.status === "DRAFT" && (
                <p className="mb-3 border-l-4 border-amber-700 bg-amber-50 p-3 font-semibold">
                  Draft: the practice educator is still writing this report.
                </p>
              )}
              <h3 className="mb-1 text-lg font-bold">Holistic assessment</h3>
              <TextBlock text={assessment.holisticSummary} empty="Not written yet." />
              <h3 className="mb-2 mt-5 text-lg font-bold">The nine PCF domains</h3>
              <dl className="divide-y divide-gray-200 rounded border border-gray-300">
                {assessment.domains.map((domain) => (
                  <div key={domain.code} className="px-3 py-2">
                    <dt className="font-semibold">
                      {domain.number}. {domain.name}
                    </dt>
                    <dd>
                      <TextBlock text={domain.text} empty="Not written yet." />
                    </dd>
                  </div>
                ))}
              </dl>
              <h3 className="mb-1 mt-5 text-lg font-bold">Recommendation</h3>
              <p className="font-semibold">
                {assessment.recommendation ? RECOMMENDATION_LABELS[assessment.recommendation] : "Not made yet"}
              </p>
              <h3 className="mb-1 mt-5 text-lg font-bold">Professional development plan</h3>
              <TextBlock text={assessment.developmentPlan} empty="Not written yet." />
            </>
          )}
        </section>

        <section aria-labelledby="reflection-heading" className={section}>
          <h2 id="reflection-heading" className="mb-3 text-2xl font-bold">
            Student&apos;s critical reflection
          </h2>
          {permissions.canEditReflection ? (
            <ReflectionForm
              placementId={placement.id}
              assessmentId={assessment.id}
              reflectionVersion={assessment.reflectionVersion}
              studentReflection={assessment.studentReflection}
              canSign={permissions.canSignAsStudent}
            />
          ) : (
            <>
              {!assessment.studentSignedAt && assessment.studentReflection.trim() && (
                <p className="mb-2 text-sm font-semibold">Draft: the student has not signed yet.</p>
              )}
              <TextBlock
                text={assessment.studentReflection}
                empty="The student has not written their reflective summary yet."
              />
            </>
          )}
        </section>

        <section aria-labelledby="signatures-heading">
          <h2 id="signatures-heading" className="mb-3 text-2xl font-bold">
            Signatures
          </h2>
          <table className="w-full border-collapse bg-white text-left">
            <caption className="sr-only">Signatures of the final assessment</caption>
            <thead>
              <tr>
                <th scope="col" className="border border-gray-300 bg-gray-100 px-3 py-2">
                  Role
                </th>
                <th scope="col" className="border border-gray-300 bg-gray-100 px-3 py-2">
                  Name
                </th>
                <th scope="col" className="border border-gray-300 bg-gray-100 px-3 py-2">
                  Signature
                </th>
              </tr>
            </thead>
            <tbody>
              <SignatureRow
                role="Practice educator"
                name={assessment.practiceEducatorName}
                at={assessment.peSignedAt}
                waiting="Not signed yet"
              />
              <SignatureRow
                role="Student"
                name={placement.studentName}
                at={assessment.studentSignedAt}
                waiting={assessment.peSignedAt ? "Waiting for the student" : "After the practice educator"}
              />
              {(placement.onsiteSupervisorName || assessment.onsiteSignedAt) && (
                <SignatureRow
                  role="On-site supervisor"
                  name={assessment.onsiteSignedByName ?? placement.onsiteSupervisorName ?? "—"}
                  at={assessment.onsiteSignedAt}
                  waiting={assessment.peSignedAt ? "Waiting for the on-site supervisor" : "After the practice educator"}
                />
              )}
              {(assessment.ratifiedAt || assessment.status === "AWAITING_RATIFICATION" || view.warning) && (
                <SignatureRow
                  role="Ratified by (PEPS stage 2)"
                  name={assessment.ratifiedByName ?? "—"}
                  at={assessment.ratifiedAt}
                  waiting="Not ratified yet"
                />
              )}
            </tbody>
          </table>
          {permissions.canSignAsOnsiteSupervisor && (
            <OnsiteSignPanel placementId={placement.id} assessmentId={assessment.id} />
          )}
          {permissions.canRatify && (
            <RatifyPanel
              placementId={placement.id}
              assessmentId={assessment.id}
              assessorName={assessment.practiceEducatorName}
            />
          )}
        </section>
      </>
    );
  }

  return (
    <div className="space-y-8">
      <PageHeader
        trail={
          view.onPlacement
            ? [
                { href: "/placements", label: "Placements" },
                { href: `/placements/${placement.id}`, label: placement.studentName },
              ]
            : [{ href: "/ratification", label: "Ratification" }]
        }
        title={`Final assessment: ${placement.studentName}`}
      >
        <p className="text-muted">
          {placement.level === "FINAL" ? "Final" : "First"} placement · {placement.setting} ·{" "}
          {formatDate(placement.startDate)} to {formatDate(placement.endDate)} · assessed at the{" "}
          {levelLabel.toLowerCase()}
        </p>
        {assessment && (
          <div className="mt-2">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">Status:</span> <FinalStatusBadge status={assessment.status} />
            </p>
            {assessment.waitingFor.length > 0 && (
              <p className="mt-1">Waiting for {assessment.waitingFor.join(" and ")}.</p>
            )}
          </div>
        )}
        {view.warning && (
          <p className="mt-3 border-l-4 border-amber-700 bg-amber-50 p-3">
            <span className="font-semibold">Needs a stage 2 ratifier: </span>
            {view.warning}
          </p>
        )}
        {view.canReadPad && (
          <p className="mt-4 flex flex-wrap gap-3">
            <Link
              href={`/placements/${placement.id}/pad`}
              className="rounded border-2 border-brand-600 px-3 py-1.5 font-semibold text-brand-700 no-underline"
            >
              Practice Assessment Document (print view)
            </Link>
            <a
              href={`/api/v1/placements/${placement.id}/pad.pdf`}
              className="rounded border-2 border-brand-600 px-3 py-1.5 font-semibold text-brand-700 no-underline"
              download
            >
              Download the PAD as a PDF
            </a>
          </p>
        )}
      </PageHeader>
      {body}
      <PanelOutcome user={user} placementId={placement.id} />
    </div>
  );
}
