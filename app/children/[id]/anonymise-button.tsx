"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { anonymiseChildAction } from "../actions";

export function AnonymiseButton({ childId }: { childId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className="rounded border-2 border-red-800 px-3 py-1.5 font-semibold text-red-800"
        onClick={() => {
          if (
            !window.confirm(
              "Anonymise this record? The name, date of birth, family contacts and the child's own words are removed for good.",
            )
          )
            return;
          startTransition(async () => {
            const result = await anonymiseChildAction(childId);
            if (result.ok) router.refresh();
            else setError(result.message);
          });
        }}
      >
        Anonymise this record
      </button>
      {error && (
        <p role="alert" className="mt-2 font-semibold text-red-800">
          {error}
        </p>
      )}
    </>
  );
}
