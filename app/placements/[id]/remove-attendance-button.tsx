"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { removeAttendanceAction } from "../actions";

export function RemoveAttendanceButton({
  placementId,
  attendanceId,
  label,
}: {
  placementId: string;
  attendanceId: string;
  label: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className="text-red-800 underline disabled:opacity-60"
        onClick={() => {
          if (!window.confirm(`Remove ${label}?`)) return;
          startTransition(async () => {
            const result = await removeAttendanceAction(placementId, attendanceId);
            if (result.ok) router.refresh();
            else setError(result.message);
          });
        }}
      >
        Remove<span className="sr-only"> {label}</span>
      </button>
      {error && (
        <span role="alert" className="block text-red-800">
          {error}
        </span>
      )}
    </>
  );
}
