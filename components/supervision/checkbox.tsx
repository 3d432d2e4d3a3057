import type { InputHTMLAttributes } from "react";

/** A checkbox with its visible label beside it and a comfortable target for touch. */
export function Checkbox({
  id,
  label,
  hint,
  ...input
}: { id: string; label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex items-start gap-3 py-1">
      <input
        id={id}
        type="checkbox"
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 h-6 w-6 shrink-0 accent-brand-600"
        {...input}
      />
      <label htmlFor={id} className="cursor-pointer">
        {label}
        {hint && (
          <span id={`${id}-hint`} className="block text-sm text-muted">
            {hint}
          </span>
        )}
      </label>
    </div>
  );
}
