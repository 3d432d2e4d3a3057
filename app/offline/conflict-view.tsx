"use client";
import { useState } from "react";
import { differingFields, resolveConflict, type Choice, type OutboxItem } from "@/lib/offline/outbox";
import { randomKey } from "@/lib/offline/store";
import { SESSION_FIELDS, SESSION_FIELD_LABELS } from "@/lib/offline/types";
import { CANCELLED_BY_LABELS, RATING_LABELS, SESSION_STATUS_LABELS } from "@/lib/validations/direct-work";
import { formatDate } from "@/lib/dates";

const FIELDS = [...SESSION_FIELDS];

/** A value as the user reads it: words for codes, "(empty)" for nothing. */
function inWords(field: string, value: unknown): string {
  if (value === "" || value === null || value === undefined) return "(empty)";
  if (field === "status") return SESSION_STATUS_LABELS[value as keyof typeof SESSION_STATUS_LABELS] ?? String(value);
  if (field === "cancelledBy") return CANCELLED_BY_LABELS[value as keyof typeof CANCELLED_BY_LABELS] ?? String(value);
  if (field === "childRating") return `${value} ${RATING_LABELS[Number(value) as 1] ?? ""}`.trim();
  if (field === "heldOn") return formatDate(String(value));
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

/**
 * The record changed on the server after the user's offline edit: each field
 * that differs side by side — your version, the current version — with a choice
 * per field. Sending applies the choices on top of the current version.
 */
export function ConflictView({
  item,
  onDone,
  onCancel,
}: {
  item: OutboxItem;
  onDone: (resolved: OutboxItem | null) => Promise<void>;
  onCancel: () => void;
}) {
  const current = item.current ?? {};
  const fields = differingFields(item.body, current, FIELDS);
  const [choices, setChoices] = useState<Record<string, Choice>>({});

  return (
    <section aria-labelledby="conflict-heading" className="rounded border border-gray-300 bg-white p-4 sm:p-6">
      <h2 id="conflict-heading" className="mb-1 text-xl font-bold">
        Someone else changed this record
      </h2>
      <p className="mb-1 font-semibold">{item.title}</p>
      <p className="mb-4">
        It was changed on the server after you saved your version on this device. For each difference, choose which
        version to keep. Nothing is sent until you choose <strong>Send my choices</strong>.
      </p>
      {fields.length === 0 && <p className="mb-4">Your version and the current version are now the same.</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void onDone(resolveConflict(item, choices, FIELDS, randomKey));
        }}
      >
        {fields.map((field) => {
          const label = SESSION_FIELD_LABELS[field as keyof typeof SESSION_FIELD_LABELS] ?? field;
          const choice = choices[field] ?? "mine";
          return (
            <fieldset key={field} className="mb-5 border-t border-gray-300 pt-3" data-testid="conflict-field">
              <legend className="float-left mb-2 w-full font-bold">{label}</legend>
              <div className="clear-left grid gap-3 sm:grid-cols-2">
                {(["mine", "current"] as const).map((side) => {
                  const id = `${field}-${side}`;
                  const value = side === "mine" ? item.body[field] : current[field];
                  return (
                    <div
                      key={side}
                      className={`rounded border-2 p-3 ${choice === side ? "border-brand-600 bg-brand-50" : "border-gray-300"}`}
                    >
                      <div className="flex items-center gap-2">
                        <input
                          id={id}
                          type="radio"
                          name={field}
                          className="h-5 w-5"
                          checked={choice === side}
                          onChange={() => setChoices((old) => ({ ...old, [field]: side }))}
                        />
                        <label htmlFor={id} className="font-semibold">
                          {side === "mine" ? "Keep your version" : "Keep the current version"}
                        </label>
                      </div>
                      <p className="mt-2 whitespace-pre-wrap break-words">{inWords(field, value)}</p>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            className="rounded bg-brand-600 px-4 py-2 font-semibold text-white shadow-[0_2px_0_#0b2f31] hover:bg-brand-700"
          >
            Send my choices
          </button>
          <button
            type="button"
            onClick={() => {
              if (window.confirm("Discard your version? The current version stays as it is.")) void onDone(null);
            }}
            className="rounded border-2 border-gray-900 bg-white px-3 py-1.5 font-semibold"
          >
            Discard my version
          </button>
          <button type="button" onClick={onCancel} className="px-3 py-1.5 font-semibold underline">
            Decide later
          </button>
        </div>
      </form>
    </section>
  );
}
