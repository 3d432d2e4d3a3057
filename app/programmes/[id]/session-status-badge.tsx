import type { SessionStatus } from "@/lib/validations/direct-work";

// The status is always written out: colour only reinforces it (WCAG 1.4.1).
const STYLES: Record<SessionStatus, string> = {
  PLANNED: "border-sky-800 bg-sky-50 text-sky-900",
  ATTENDED: "border-green-800 bg-green-50 text-green-900",
  DID_NOT_ATTEND: "border-amber-800 bg-amber-50 text-amber-900",
  CANCELLED: "border-gray-700 bg-gray-100 text-gray-900",
};

export function SessionStatusBadge({ status, text }: { status: SessionStatus; text: string }) {
  return (
    <span className={`inline-block max-w-full rounded border px-2 py-0.5 text-sm font-semibold ${STYLES[status]}`}>
      {text}
    </span>
  );
}
