import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getConcern } from "@/lib/portfolio/concerns";
import { CONCERN_NEXT_ACTIONS, CONCERN_STAGES, CONCERN_STEP_LABELS } from "@/lib/portfolio/concern-stages";
import { formatDate, formatDateTime, todayInUk, toIsoDate } from "@/lib/dates";
import { SummaryList } from "@/components/summary-list";
import { PortfolioPageHeader, StateTag, WrittenText } from "@/components/portfolio/reviews/page-header";
import { ConcernStateTag } from "@/components/portfolio/reviews/concern-state";
import { ActionDoneButton, AddConcernActionForm, ConcernStepForm } from "./concern-forms";
import { TableRegion } from "@/components/table-region";

export const metadata: Metadata = { title: "Cause for concern" };
export const dynamic = "force-dynamic";

export default async function ConcernPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { concern, placement, nextSteps, permissions } = await loadOrNotFound(() => getConcern(user, id));
  const today = todayInUk();
  const lastDate = concern.events.reduce(
    (latest, event) => (event.heldOn > latest ? event.heldOn : latest),
    toIsoDate(new Date(concern.raisedAt)),
  );
  const section = "space-y-3 rounded border border-gray-300 bg-white p-4";

  return (
    <div className="space-y-8">
      <PortfolioPageHeader
        placement={placement}
        crumbs={[{ href: `/placements/${placement.id}/concerns`, label: "Causes for concern" }]}
        title="Cause for concern"
      >
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <span className="font-semibold">Where it stands:</span>{" "}
          <ConcernStateTag status={concern.status} label={concern.stateLabel} />
        </p>
      </PortfolioPageHeader>

      <SummaryList
        rows={[
          ["Raised", `${formatDateTime(new Date(concern.raisedAt))} by ${concern.raisedByName}`],
          ["Concern", <WrittenText key="summary" text={concern.summary} />],
          [
            "Outcome",
            concern.outcomeLabel
              ? `${concern.outcomeLabel}${concern.closedAt ? ` (closed ${formatDateTime(new Date(concern.closedAt))})` : ""}`
              : "Not decided yet",
          ],
        ]}
      />

      <section aria-labelledby="timeline-heading" className={section}>
        <h2 id="timeline-heading" className="text-xl font-bold">
          Stages
        </h2>
        <ol className="space-y-3">
          <li className="border-l-4 border-gray-500 pl-3">
            <p className="font-semibold">
              <span aria-hidden="true">✓ </span>Concern raised
            </p>
            <p className="text-muted">
              {formatDate(toIsoDate(new Date(concern.raisedAt)))} · {concern.raisedByName}
            </p>
          </li>
          {concern.events.map((event) => (
            <li key={event.id} className="border-l-4 border-green-800 pl-3">
              <p className="font-semibold">
                <span aria-hidden="true">✓ </span>
                {event.stageLabel}
              </p>
              <p className="text-muted">
                {formatDate(event.heldOn)} · recorded by {event.recordedByName}
              </p>
              <WrittenText text={event.notes} />
            </li>
          ))}
          {nextSteps.map((stage) => (
            <li key={stage} className="border-l-4 border-dashed border-amber-800 pl-3">
              <p className="font-semibold">
                <span aria-hidden="true">○ </span>Next: {CONCERN_NEXT_ACTIONS[stage].todo}
              </p>
            </li>
          ))}
        </ol>
        <p className="text-sm text-muted">
          The stages in order: {CONCERN_STAGES.map((stage) => CONCERN_STEP_LABELS[stage].toLowerCase()).join(" → ")}. A
          concern resolved at the review closes there.
        </p>
      </section>

      <section aria-labelledby="actions-heading" className={section}>
        <h2 id="actions-heading" className="text-xl font-bold">
          Action plan
        </h2>
        {concern.actions.length === 0 ? (
          <p>No actions yet.</p>
        ) : (
          <TableRegion label="Actions">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Actions, by due date</caption>
              <thead className="bg-gray-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Action
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Due by
                  </th>
                  <th scope="col" className="px-3 py-2">
                    State
                  </th>
                  {permissions.canManageActions && (
                    <th scope="col" className="px-3 py-2">
                      <span className="sr-only">Change</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {concern.actions.map((action) => (
                  <tr key={action.id} className="border-t border-gray-200 align-top">
                    <td className="px-3 py-2">{action.description}</td>
                    <td className="whitespace-nowrap px-3 py-2">{formatDate(action.dueOn)}</td>
                    <td className="px-3 py-2">
                      {action.done ? (
                        <StateTag tone="good">Done</StateTag>
                      ) : action.overdue ? (
                        <StateTag tone="bad">Overdue</StateTag>
                      ) : (
                        <StateTag tone="neutral">Open</StateTag>
                      )}
                    </td>
                    {permissions.canManageActions && (
                      <td className="px-3 py-2">
                        <ActionDoneButton
                          concernId={concern.id}
                          actionId={action.id}
                          done={action.done}
                          description={action.description}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        {permissions.canManageActions && <AddConcernActionForm concernId={concern.id} today={today} />}
      </section>

      {permissions.canProgress && nextSteps[0] && (
        <ConcernStepForm
          concernId={concern.id}
          stage={nextSteps[0]}
          version={concern.version}
          today={today}
          minDate={lastDate}
        />
      )}
    </div>
  );
}
