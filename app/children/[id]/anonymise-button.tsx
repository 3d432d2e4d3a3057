"use client";
import { ConfirmStep } from "@/components/confirm-step";
import { anonymiseChildAction } from "../actions";

/** Anonymising cannot be undone: the team manager confirms, having read what goes. */
export function AnonymiseButton({ childId }: { childId: string }) {
  return (
    <ConfirmStep
      buttonLabel="Anonymise this record"
      question="Anonymise this record?"
      explanation="The child's name, date of birth, family contacts, referrer details and the child's own words are removed for good, and the child's names are taken out of the notes. The code and the shape of the work stay, for statistics."
      confirmLabel="Yes, anonymise it"
      pendingLabel="Anonymising…"
      onConfirm={async () => {
        const result = await anonymiseChildAction(childId);
        return result.ok ? null : result.message;
      }}
    />
  );
}
