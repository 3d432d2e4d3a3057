"use client";
import { ConfirmStep } from "@/components/confirm-step";
import { signOffLifeStoryAction } from "../actions";

/** The overseeing PE agrees to the student doing this life story work, with a confirmation step. */
export function SignOffButton({ workId, studentName }: { workId: string; studentName: string }) {
  return (
    <div className="mt-3">
      <ConfirmStep
        buttonLabel="Sign off this life story work"
        question="Sign off this life story work?"
        explanation={`You agree that ${studentName} does this life story work with the child, under your oversight. Your name and the time are recorded.`}
        confirmLabel="Yes, sign it off"
        pendingLabel="Signing off…"
        onConfirm={async () => {
          const result = await signOffLifeStoryAction(workId);
          return result.ok ? null : result.message;
        }}
      />
    </div>
  );
}
