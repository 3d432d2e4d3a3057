"use client";
import { ActionButton } from "@/components/action-button";
import { ConfirmStep } from "@/components/confirm-step";
import { ratifyFinalAssessmentAction, signFinalAssessmentAction, startFinalAssessmentAction } from "./actions";

/** The current PE starts the final assessment: one per placement. */
export function StartFinalAssessmentButton({ placementId }: { placementId: string }) {
  return (
    <ActionButton variant="primary" action={() => startFinalAssessmentAction(placementId)}>
      Start the final assessment
    </ActionButton>
  );
}

export function OnsiteSignPanel({ placementId, assessmentId }: { placementId: string; assessmentId: string }) {
  return (
    <section aria-labelledby="onsite-sign-heading" className="mt-4 rounded border-2 border-brand-600 bg-white p-4">
      <h3 id="onsite-sign-heading" className="text-lg font-bold">
        Sign as on-site supervisor
      </h3>
      <p className="mt-1">Signing confirms you have read the practice educator&apos;s final report.</p>
      <ConfirmStep
        buttonLabel="Sign as on-site supervisor"
        question="Sign the final assessment?"
        explanation="Your signature is recorded with your name and the time. It cannot be withdrawn."
        confirmLabel="Yes, sign as on-site supervisor"
        pendingLabel="Signing…"
        onConfirm={async () => {
          const result = await signFinalAssessmentAction(placementId, assessmentId, { as: "ONSITE_SUPERVISOR" });
          return result.ok ? null : result.message;
        }}
      />
    </section>
  );
}

export function RatifyPanel({
  placementId,
  assessmentId,
  assessorName,
}: {
  placementId: string;
  assessmentId: string;
  assessorName: string;
}) {
  return (
    <section aria-labelledby="ratify-heading" className="mt-4 rounded border-2 border-brand-600 bg-white p-4">
      <h3 id="ratify-heading" className="text-lg font-bold">
        Ratify as a PEPS stage 2 practice educator
      </h3>
      <p className="mt-1">
        {assessorName} is at PEPS stage 1, so this final-placement assessment needs your ratification. Read the report
        and the Practice Assessment Document first.
      </p>
      <ConfirmStep
        buttonLabel="Ratify the final assessment"
        question="Ratify this final assessment?"
        explanation="You confirm, as a stage 2 practice educator, that the assessment and recommendation are sound. The assessment is then complete."
        confirmLabel="Yes, ratify it"
        pendingLabel="Ratifying…"
        onConfirm={async () => {
          const result = await ratifyFinalAssessmentAction(placementId, assessmentId);
          return result.ok ? null : result.message;
        }}
      />
    </section>
  );
}
