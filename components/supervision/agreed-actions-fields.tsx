"use client";
import { useRef } from "react";
import { useFieldArray, type Path, type UseFormReturn } from "react-hook-form";
import { SelectField, TextField } from "@/components/form/fields";
import { ACTION_OWNER_LABELS, type SupervisionNotesInput } from "@/lib/validations/supervision";
import { addDays, isValidIsoDate, todayInUk } from "@/lib/dates";

const OWNER_OPTIONS = Object.entries(ACTION_OWNER_LABELS).map(([value, label]) => ({ value, label }));

/** The actions agreed in the session: a list the PE can add to and remove from. */
export function AgreedActionsFields({ form }: { form: UseFormReturn<SupervisionNotesInput> }) {
  // keyName "key": each action keeps its own saved `id`, which the server matches on.
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "actions", keyName: "key" });
  const addButton = useRef<HTMLButtonElement>(null);
  const errorOf = (path: Path<SupervisionNotesInput>) => form.getFieldState(path, form.formState).error?.message;
  // A rule about the list as a whole ("at most 20") sits on the list, or on its root for a field array.
  const listErrors = form.formState.errors.actions;
  const listError = listErrors?.message ?? listErrors?.root?.message;

  const add = () => {
    const heldOn = form.getValues("heldOn");
    const from = heldOn && isValidIsoDate(heldOn) ? heldOn : todayInUk();
    append(
      { description: "", owner: "STUDENT", dueDate: addDays(from, 7) },
      { shouldFocus: true, focusName: `actions.${fields.length}.description` },
    );
  };

  return (
    <fieldset className="mb-6">
      <legend className="mb-1 text-xl font-bold">Agreed actions</legend>
      <p className="mb-3 text-sm text-muted">What will be done before the next session, by whom and by when.</p>
      {listError && (
        <p id="actions" className="mb-2 font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {listError}
        </p>
      )}
      {fields.length === 0 && <p className="mb-3">No actions agreed yet.</p>}
      <ol className="space-y-3">
        {fields.map((field, index) => (
          <li key={field.key}>
            <fieldset className="rounded border border-gray-300 bg-gray-50 p-3">
              <legend className="px-1 font-semibold">Action {index + 1}</legend>
              <div className="grid grid-cols-1 gap-x-4 md:grid-cols-[minmax(0,1fr)_12rem_11rem]">
                <TextField
                  id={`actions.${index}.description`}
                  label="What will be done"
                  error={errorOf(`actions.${index}.description`)}
                  {...form.register(`actions.${index}.description`)}
                />
                <SelectField
                  id={`actions.${index}.owner`}
                  label="Owner"
                  options={OWNER_OPTIONS}
                  error={errorOf(`actions.${index}.owner`)}
                  {...form.register(`actions.${index}.owner`)}
                />
                <TextField
                  id={`actions.${index}.dueDate`}
                  label="Due date"
                  type="date"
                  error={errorOf(`actions.${index}.dueDate`)}
                  {...form.register(`actions.${index}.dueDate`)}
                />
              </div>
              <button
                type="button"
                className="rounded border-2 border-red-800 bg-white px-3 py-1 text-sm font-semibold text-red-800 hover:bg-red-50"
                onClick={() => {
                  remove(index);
                  addButton.current?.focus();
                }}
              >
                Remove action {index + 1}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        ref={addButton}
        type="button"
        onClick={add}
        disabled={fields.length >= 20}
        className="mt-3 rounded border-2 border-brand-600 bg-white px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
      >
        Add an action
      </button>
    </fieldset>
  );
}
