"use client";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * A success message that takes focus when it appears, so a screen reader
 * reads it and the page scrolls to it (after saving or signing: issue 12).
 */
export function FocusNotice({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "start" });
  }, []);
  return (
    <div
      ref={ref}
      id={id}
      role="status"
      tabIndex={-1}
      className="scroll-mt-4 border-l-4 border-green-800 bg-green-50 p-3 font-semibold text-green-950"
    >
      {children}
    </div>
  );
}
