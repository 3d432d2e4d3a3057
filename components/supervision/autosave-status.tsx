import type { AutosaveState } from "./use-autosave";

/**
 * The autosave's progress, announced politely (role="status"). A conflict is
 * shown separately and prominently by the form, as an alert.
 */
export function AutosaveStatus({
  state,
  noun = "Draft",
  idleText = "Changes are saved automatically a few seconds after you stop typing.",
}: {
  state: AutosaveState;
  /** "Draft" (the PE's notes) or "Reflection" (the student's). */
  noun?: string;
  idleText?: string;
}) {
  let text = idleText;
  let tone = "text-muted";
  switch (state.kind) {
    case "unsaved":
      text = "Unsaved changes: saving when you pause typing…";
      break;
    case "saving":
      text = `Saving ${noun.toLowerCase()}…`;
      break;
    case "saved":
      text = `${noun} saved at ${state.at}`;
      tone = "font-semibold text-green-900";
      break;
    case "invalid":
      text = `${noun} not saved: ${state.message}`;
      tone = "font-semibold text-red-800";
      break;
    case "failed":
      text = `${noun} not saved: ${state.message}`;
      tone = "font-semibold text-red-800";
      break;
    case "conflict":
      // Shown where the user is typing, not only at the top of the form.
      return (
        <p
          role="status"
          className="flex-1 border-l-4 border-red-700 bg-red-50 px-3 py-2 text-sm font-semibold text-red-900"
        >
          Autosave stopped: {state.message}
        </p>
      );
  }
  return (
    <p role="status" className={`text-sm ${tone}`}>
      {text}
    </p>
  );
}

export function ConflictAlert({ message }: { message: string }) {
  return (
    <div role="alert" className="mb-6 border-4 border-red-700 bg-red-50 p-4">
      <h2 className="text-lg font-bold">Your latest changes were not saved</h2>
      <p className="mt-1">{message}</p>
      <p className="mt-2">
        <a href="" className="font-semibold text-brand-700 underline">
          Reload the page
        </a>{" "}
        after copying anything you need to keep.
      </p>
    </div>
  );
}
