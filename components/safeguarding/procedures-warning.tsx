import { SAFEGUARDING_PROCEDURES_WARNING } from "@/lib/validations/child-work";

/** The reminder shown wherever a concern is raised or handled: the app never replaces the council's procedures. */
export function ProceduresWarning({ className = "" }: { className?: string }) {
  return (
    <div
      role="note"
      aria-label="Safeguarding procedures"
      className={`border-4 border-red-800 bg-red-50 p-4 text-red-950 ${className}`}
    >
      <p className="text-lg font-bold">{SAFEGUARDING_PROCEDURES_WARNING}</p>
    </div>
  );
}
