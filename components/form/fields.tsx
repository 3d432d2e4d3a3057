import type { ReactNode, InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

// Form controls with their label, hint and error wired together
// (aria-describedby, aria-invalid), so every input is labelled and its error
// is read out with it.

type FieldProps = { id: string; label: string; hint?: string; error?: string; children: ReactNode; className?: string };

export function Field({ id, label, hint, error, children, className }: FieldProps) {
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-red-700 pl-3" : ""} ${className ?? ""}`}>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mb-1 font-semibold text-red-800" aria-live="polite">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

const controlClass =
  "block w-full rounded border-2 border-gray-700 bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-red-700 disabled:bg-gray-100";

type Common = { id: string; label: string; hint?: string; error?: string; fieldClassName?: string };

export function TextField({
  id,
  label,
  hint,
  error,
  fieldClassName,
  className,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${controlClass} ${className ?? ""}`}
        {...input}
      />
    </Field>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  fieldClassName,
  options,
  placeholder,
  ...select
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: Array<{ value: string; label: string }>;
    placeholder?: string;
  }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  fieldClassName,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      <textarea
        id={id}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        {...textarea}
      />
    </Field>
  );
}

export function SubmitButton({ children, pending }: { children: ReactNode; pending?: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="rounded bg-brand-600 px-4 py-2 font-semibold text-white shadow-[0_2px_0_#0b2f31] hover:bg-brand-700 disabled:opacity-60"
    >
      {pending ? "Saving…" : children}
    </button>
  );
}
