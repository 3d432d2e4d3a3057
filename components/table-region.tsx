import type { ReactNode } from "react";

/**
 * The box every list table sits in: a wide table scrolls inside it instead of
 * widening the page (WCAG 1.4.10 reflow). It is a named region in the tab
 * order so keyboard users can scroll it too (axe: scrollable-region-focusable).
 * Give the table the class "stack-table" (and each cell a data-label) to show
 * its rows as stacked cards on phones: app/globals.css.
 *
 * Usage: <TableRegion label="Placements"><table className="stack-table …">…</table></TableRegion>
 */
export function TableRegion({
  label,
  children,
  className = "",
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={`relative max-w-full overflow-x-auto rounded border border-gray-300 bg-white ${className}`}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </div>
  );
}
