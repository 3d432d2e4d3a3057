import type { SessionUser } from "@/lib/auth/session-user";
import { panelOutcomesForPlacement } from "@/lib/panels/panels";
import { PANEL_DECISION_LABELS } from "@/lib/panels/labels";
import { formatDate } from "@/lib/dates";
import { FormattedText } from "@/components/formatted-text";
import { PanelReturnAnswerForm } from "./panel-return-form";

/** The university's practice assessment panels' decisions on this final assessment (docs/domain.md). */
export async function PanelOutcome({ user, placementId }: { user: SessionUser; placementId: string }) {
  const outcomes = await panelOutcomesForPlacement(user, placementId);
  if (outcomes.length === 0) return null;
  return (
    <section
      id="panel-outcome"
      aria-labelledby="panel-outcome-heading"
      className="mt-6 rounded border border-gray-300 bg-white p-4"
    >
      <h2 id="panel-outcome-heading" className="mb-2 text-2xl font-bold">
        Practice assessment panel
      </h2>
      <ol className="list-none space-y-4">
        {outcomes.map((outcome) => (
          <li key={outcome.id} className="border-l-4 border-brand-600 pl-3">
            <p className="font-semibold">
              {outcome.panelName}, {formatDate(outcome.sitsOn)}: {PANEL_DECISION_LABELS[outcome.decision]}
            </p>
            {outcome.feedbackForPe && (
              <>
                <h3 className="mt-2 font-bold">The panel&apos;s feedback for the practice educator</h3>
                <FormattedText text={outcome.feedbackForPe} />
              </>
            )}
            {outcome.peResponse && (
              <>
                <h3 className="mt-2 font-bold">
                  The practice educator&apos;s answer
                  {outcome.peRespondedAt ? `, ${formatDate(outcome.peRespondedAt)}` : ""}
                </h3>
                <FormattedText text={outcome.peResponse} />
                <p className="text-muted">It goes to the next panel.</p>
              </>
            )}
            {outcome.canAnswer && (
              <PanelReturnAnswerForm placementId={placementId} itemId={outcome.id} version={outcome.version} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
