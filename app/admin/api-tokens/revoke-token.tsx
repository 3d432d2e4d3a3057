"use client";
import { useId, useState } from "react";
import { ConfirmStep } from "@/components/confirm-step";
import { revokeApiTokenAction } from "./actions";

export function RevokeToken({ tokenId, label }: { tokenId: string; label: string }) {
  const [reason, setReason] = useState("");
  const reasonId = useId();
  return (
    <ConfirmStep
      buttonLabel={`Revoke ${label}`}
      question={`Revoke ${label}?`}
      explanation={
        <>
          The university&apos;s system will be refused at once. This cannot be undone: to restore access, issue a new
          token.
          <label htmlFor={reasonId} className="mt-2 block font-semibold">
            Reason (optional)
          </label>
          <input
            id={reasonId}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.target.value)}
            className="mt-1 block w-full rounded border-2 border-gray-700 bg-white px-2 py-1.5"
          />
        </>
      }
      confirmLabel="Yes, revoke it"
      pendingLabel="Revoking…"
      onConfirm={async () => {
        const result = await revokeApiTokenAction(tokenId, { reason });
        return result.ok ? null : result.message;
      }}
    />
  );
}
