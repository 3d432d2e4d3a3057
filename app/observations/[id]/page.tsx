import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getObservation } from "@/lib/portfolio/observations";
import { formatDate, formatDateTime, todayInUk } from "@/lib/dates";
import { SummaryList } from "@/components/summary-list";
import { PortfolioPageHeader, StateTag, WrittenText } from "@/components/portfolio/reviews/page-header";
import { PreparationForm, ReflectionForm } from "./text-part-form";
import { FeedbackForm } from "./feedback-form";

export const metadata: Metadata = { title: "Direct observation" };
export const dynamic = "force-dynamic";

export default async function ObservationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { observation, placement, framework, permissions } = await loadOrNotFound(() => getObservation(user, id));
  const section = "space-y-3 rounded border border-gray-300 bg-white p-4";

  return (
    <div className="space-y-8">
      <PortfolioPageHeader
        placement={placement}
        crumbs={[{ href: `/placements/${placement.id}/observations`, label: "Direct observations" }]}
        title={`Direct observation on ${formatDate(observation.observedOn)}`}
      >
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <span className="font-semibold">State:</span>
          {observation.done ? (
            <StateTag tone="good">Done: feedback written</StateTag>
          ) : (
            <StateTag tone="warn">Waiting for the observer&apos;s feedback</StateTag>
          )}
        </p>
      </PortfolioPageHeader>

      <SummaryList
        rows={[
          ["Activity observed", observation.activity],
          ["Observer", `${observation.observer.name} (${observation.observer.roleLabel})`],
          ["Date", formatDate(observation.observedOn)],
          ["PCF version", framework ? `${framework.version}, in force on the day` : "None in force on this date"],
        ]}
      />

      <section aria-labelledby="preparation-heading" className={section}>
        <h2 id="preparation-heading" className="text-xl font-bold">
          1. The student&apos;s preparation
        </h2>
        <p className="text-muted">Written by {placement.studentName} before the observation.</p>
        {permissions.canWritePreparation ? (
          <PreparationForm
            observationId={observation.id}
            text={observation.preparationNote}
            version={observation.version}
          />
        ) : (
          <WrittenText text={observation.preparationNote} />
        )}
      </section>

      <section aria-labelledby="feedback-heading" className={section}>
        <h2 id="feedback-heading" className="text-xl font-bold">
          2. The observer&apos;s feedback
        </h2>
        <p className="text-muted">
          Written by {observation.observer.name}
          {observation.feedbackAt ? `, first recorded ${formatDateTime(new Date(observation.feedbackAt))}` : ""}.
        </p>
        {permissions.canWriteFeedback && framework ? (
          <FeedbackForm
            observationId={observation.id}
            version={observation.version}
            feedback={observation.feedback}
            domains={framework.items.map((item) => ({ id: item.id, number: item.number, name: item.name }))}
            chosen={observation.domains.map((domain) => ({
              frameworkItemId: domain.frameworkItemId,
              note: domain.note,
            }))}
          />
        ) : (
          <>
            <WrittenText
              text={observation.feedback}
              empty={
                observation.observedOn > todayInUk() ? "The observation has not happened yet." : "Not written yet."
              }
            />
            {observation.domains.length > 0 && (
              <div>
                <h3 className="mb-2 text-lg font-bold">PCF domains</h3>
                <dl className="divide-y divide-gray-200 rounded border border-gray-200">
                  {observation.domains.map((domain) => (
                    <div key={domain.frameworkItemId} className="grid grid-cols-1 gap-1 px-3 py-2 sm:grid-cols-3">
                      <dt className="font-semibold">
                        {domain.number}. {domain.name}
                      </dt>
                      <dd className="whitespace-pre-line sm:col-span-2">{domain.note || "—"}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="reflection-heading" className={section}>
        <h2 id="reflection-heading" className="text-xl font-bold">
          3. The student&apos;s reflection
        </h2>
        <p className="text-muted">Written by {placement.studentName} after the observation.</p>
        {permissions.canWriteReflection ? (
          <ReflectionForm observationId={observation.id} text={observation.reflection} version={observation.version} />
        ) : (
          <WrittenText text={observation.reflection} />
        )}
      </section>
    </div>
  );
}
