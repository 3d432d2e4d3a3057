"use client";
import { useRouter } from "next/navigation";
import { ActionButton } from "@/components/action-button";
import { draftEvidenceFromProgrammeAction } from "../actions";

/** Makes (or reopens) the portfolio evidence draft of this programme and goes to it. */
export function MakeEvidenceButton({ programmeId }: { programmeId: string }) {
  const router = useRouter();
  return (
    <ActionButton
      variant="primary"
      action={() => draftEvidenceFromProgrammeAction(programmeId)}
      onDone={(data) => router.push(`/evidence/${(data as { id: string }).id}/edit`)}
      pendingLabel="Making the draft…"
    >
      Turn this into portfolio evidence
    </ActionButton>
  );
}
