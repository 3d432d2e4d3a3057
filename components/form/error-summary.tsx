"use client";
import { useEffect, useId, useRef } from "react";

/**
 * The GOV.UK pattern: on a failed submit, a summary at the top takes focus,
 * says what went wrong and links to each field.
 */
export function ErrorSummary({
  message,
  fieldErrors,
  labels,
  attempt,
}: {
  message?: string;
  fieldErrors: Record<string, string | undefined>;
  labels?: Record<string, string>;
  /** Changes on every failed submit: focus moves here then, never while the user is typing. */
  attempt: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const entries = Object.entries(fieldErrors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const visible = Boolean(message) || entries.length > 0;
  // Focus once per failed submit, as soon as the summary is on screen (the
  // field errors may arrive a render after the attempt is counted).
  const focusedAttempt = useRef(0);
  useEffect(() => {
    if (attempt > focusedAttempt.current && visible && ref.current) {
      focusedAttempt.current = attempt;
      ref.current.focus();
    }
  }, [attempt, visible]);
  if (!visible) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="mb-6 border-4 border-red-700 bg-white p-4"
    >
      <h2 id={titleId} className="text-lg font-bold">
        {message ?? "There is a problem"}
      </h2>
      {entries.length > 0 && (
        <ul className="mt-2 list-none space-y-1">
          {entries.map(([field, error]) => (
            <li key={field}>
              <a href={`#${field}`} className="font-semibold text-red-800 underline">
                {labels?.[field] ? `${labels[field]}: ` : ""}
                {error}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
