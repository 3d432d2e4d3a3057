import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listObservations } from "@/lib/portfolio/observations";
import { formatDate, todayInUk } from "@/lib/dates";
import { ProgressBar } from "@/components/progress-bar";
import { PortfolioPageHeader, StateTag } from "@/components/portfolio/reviews/page-header";
import { PlanObservationForm } from "./plan-observation-form";
import { TableRegion } from "@/components/table-region";

export const metadata: Metadata = { title: "Direct observations" };
export const dynamic = "force-dynamic";

export default async function ObservationsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { placement, progress, observations, permissions } = await loadOrNotFound(() => listObservations(user, id));
  const today = todayInUk();

  return (
    <div className="space-y-8">
      <PortfolioPageHeader placement={placement} title={`Direct observations: ${placement.studentName}`} />

      <section aria-labelledby="progress-heading" className="space-y-3 rounded border border-gray-300 bg-white p-4">
        <h2 id="progress-heading" className="text-xl font-bold">
          Progress
        </h2>
        <p className="text-2xl font-bold" data-testid="observation-progress">
          {progress.label}
        </p>
        <ProgressBar
          value={Math.min(progress.done, progress.required)}
          max={progress.required}
          label="Observations with feedback"
        />
        <p>
          {progress.planned === 0
            ? "None planned without feedback."
            : `${progress.planned} planned, waiting for feedback.`}{" "}
          An observation is done once the observer has written the feedback.
        </p>
        {!progress.beforeMidpointMet && (
          <p className="border-l-4 border-red-800 bg-red-50 p-3" role="note">
            <StateTag tone="bad">Warning</StateTag> The midpoint
            {progress.midpoint ? ` (${formatDate(progress.midpoint)})` : ""} has passed without an observation before
            it. At least one observation should come before the midpoint.
          </p>
        )}
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="mb-3 text-xl font-bold">
          Observations
        </h2>
        {observations.length === 0 ? (
          <p className="rounded border border-gray-300 bg-white p-4">No observations planned yet.</p>
        ) : (
          <TableRegion label="Direct observations">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Direct observations, earliest first</caption>
              <thead className="bg-gray-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Date
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Activity
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Observer
                  </th>
                  <th scope="col" className="px-3 py-2">
                    PCF domains
                  </th>
                  <th scope="col" className="px-3 py-2">
                    State
                  </th>
                </tr>
              </thead>
              <tbody>
                {observations.map((observation) => (
                  <tr key={observation.id} className="border-t border-gray-200 align-top">
                    <td className="whitespace-nowrap px-3 py-2">
                      <Link href={`/observations/${observation.id}`} className="font-semibold text-brand-700 underline">
                        {formatDate(observation.observedOn)}
                      </Link>
                    </td>
                    <td className="px-3 py-2">{observation.activity}</td>
                    <td className="px-3 py-2">{observation.observer.name}</td>
                    <td className="px-3 py-2">
                      {observation.domains.length ? observation.domains.map((domain) => domain.name).join(", ") : "—"}
                    </td>
                    <td className="px-3 py-2">
                      {observation.done ? (
                        <StateTag tone="good">Done: feedback written</StateTag>
                      ) : observation.observedOn > today ? (
                        <StateTag tone="neutral">Planned</StateTag>
                      ) : (
                        <StateTag tone="warn">Waiting for feedback</StateTag>
                      )}
                      <span className="mt-1 block text-muted">
                        Preparation {observation.preparationNote ? "written" : "not written"} · reflection{" "}
                        {observation.reflection ? "written" : "not written"}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>

      {permissions.canPlan && (
        <PlanObservationForm
          placementId={placement.id}
          today={today}
          minDate={placement.startDate}
          maxDate={placement.endDate}
        />
      )}
    </div>
  );
}
