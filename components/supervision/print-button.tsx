"use client";

/** Opens the browser's print dialog, from which the user can also save a PDF. Hidden on paper. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
    >
      Print or save as PDF
    </button>
  );
}
