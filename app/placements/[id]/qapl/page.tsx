import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getQaplForPlacement } from "@/lib/qapl/qapl";
import { QAPL_RATING_LABELS, QAPL_RESPONDENT_LABELS } from "@/lib/qapl/questions";
import { formatDate } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";
import { QaplForm } from "./qapl-form";

export const metadata: Metadata = { title: "QAPL evaluation" };
export const dynamic = "force-dynamic";

export default async function PlacementQaplPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const view = await loadOrNotFound(() => getQaplForPlacement(user, id));
  const section = "mb-6 rounded border border-gray-300 bg-white p-4";
  return (
    <div className="max-w-3xl">
      <PageHeader
        trail={[
          { href: "/placements", label: "Placements" },
          { href: `/placements/${view.placement.id}`, label: view.placement.studentName },
        ]}
        title="QAPL evaluation"
      >
        <p className="mb-4 text-muted">
          {view.placement.setting} · ended {formatDate(view.placement.endDate)}. At the end of each placement the
          student, the practice educator and the placement provider each evaluate it for the QAPL board. Students&apos;
          answers reach the team only in totals of at least five students.
        </p>
      </PageHeader>

      <section aria-labelledby="who-heading" className={section}>
        <h2 id="who-heading" className="mb-2 text-xl font-bold">
          Who has evaluated this placement
        </h2>
        <ul className="list-none space-y-1">
          {view.submitted.map((party) => (
            <li key={party.respondent}>
              <span aria-hidden="true">{party.at ? "✓ " : "○ "}</span>
              {QAPL_RESPONDENT_LABELS[party.respondent]}: {party.at ? `submitted ${formatDate(party.at)}` : "not yet"}
            </li>
          ))}
        </ul>
      </section>

      {view.respondent &&
        (view.canSubmit === true ? (
          <QaplForm
            placementId={view.placement.id}
            respondent={view.respondent}
            questions={view.questions.map((question) => ({ code: question.code, text: question.text }))}
          />
        ) : (
          <p className={section}>{view.canSubmit}</p>
        ))}

      {view.readable.map((evaluation) => (
        <section key={evaluation.respondent} aria-labelledby={`answers-${evaluation.respondent}`} className={section}>
          <h2 id={`answers-${evaluation.respondent}`} className="mb-2 text-xl font-bold">
            {QAPL_RESPONDENT_LABELS[evaluation.respondent]}&apos;s evaluation, {formatDate(evaluation.submittedAt)}
          </h2>
          <dl className="grid grid-cols-1 gap-x-6 sm:grid-cols-[1fr_auto]">
            {evaluation.answers.map((answer) => (
              <div key={answer.code} className="contents">
                <dt className="font-semibold">{answer.text}</dt>
                <dd className="mb-1">{answer.rating ? QAPL_RATING_LABELS[answer.rating] : "—"}</dd>
              </div>
            ))}
          </dl>
          {evaluation.comments && (
            <>
              <h3 className="mt-3 font-bold">Comments</h3>
              <p className="whitespace-pre-wrap">{evaluation.comments}</p>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
