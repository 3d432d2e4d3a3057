import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

/**
 * Real radio buttons in a fieldset, with the legend, hint and error read out
 * with the group. The first radio carries the field's id, so the error
 * summary's link lands on it.
 */
export function RadioGroup({
  name,
  legend,
  hint,
  error,
  options,
  register,
  inline,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: Array<{ value: string; label: string; icon?: ReactNode }>;
  register: UseFormRegisterReturn;
  inline?: boolean;
}) {
  const describedBy =
    [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={`mb-5 ${error ? "border-l-4 border-red-700 pl-3" : ""}`} aria-describedby={describedBy}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      {hint && (
        <p id={`${name}-hint`} className="mb-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} className="mb-1 font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <div className={inline ? "flex flex-wrap gap-2" : "space-y-1"}>
        {options.map((option, index) => {
          const id = index === 0 ? name : `${name}-${option.value}`;
          return (
            <div key={option.value} className={inline ? "" : "flex items-center gap-3 py-1"}>
              <input
                id={id}
                type="radio"
                value={option.value}
                className={inline ? "peer sr-only" : "h-6 w-6 shrink-0 accent-brand-600"}
                {...register}
              />
              <label
                htmlFor={id}
                className={
                  inline
                    ? "flex cursor-pointer flex-col items-center rounded border-2 border-gray-400 bg-white px-3 py-2 text-sm peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:font-semibold peer-focus-visible:outline-3 peer-focus-visible:outline-[#ffbf47] peer-focus-visible:outline-offset-0"
                    : "cursor-pointer"
                }
              >
                {option.icon}
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
