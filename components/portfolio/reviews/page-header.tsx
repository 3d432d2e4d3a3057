import type { ReactNode } from "react";
import { PageHeader, type Crumb } from "@/components/page-header";
import { PlacementStatusBadge } from "@/components/status-badge";
import type { PlacementStatusName } from "@/lib/placements/status-rules";

/** The breadcrumb and heading of the observations, reviews and concerns pages. */
export function PortfolioPageHeader(props: {
  placement: { id: string; studentName: string; status: string; level: string; setting: string };
  crumbs?: Crumb[];
  title: string;
  children?: ReactNode;
}) {
  const { placement } = props;
  return (
    <PageHeader
      trail={[
        { href: "/placements", label: "Placements" },
        { href: `/placements/${placement.id}`, label: placement.studentName },
        ...(props.crumbs ?? []),
      ]}
      title={props.title}
      aside={<PlacementStatusBadge status={placement.status as PlacementStatusName} />}
    >
      <p className="text-muted">
        {placement.studentName} · {placement.level === "FIRST" ? "First" : "Final"} placement · {placement.setting}
      </p>
      {props.children}
    </PageHeader>
  );
}

const TONES = {
  good: "border-green-800 bg-green-50 text-green-900",
  warn: "border-amber-800 bg-amber-50 text-amber-900",
  bad: "border-red-800 bg-red-50 text-red-900",
  neutral: "border-gray-700 bg-gray-100 text-gray-900",
} as const;

const ICONS = { good: "✓", warn: "•", bad: "!", neutral: "○" } as const;

/** A state in words, with a symbol; colour only reinforces it (WCAG 1.4.1). */
export function StateTag({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <span className={`inline-block max-w-full rounded border px-2 py-0.5 text-sm font-semibold ${TONES[tone]}`}>
      <span aria-hidden="true">{ICONS[tone]} </span>
      {children}
    </span>
  );
}

/** Multi-line text as written, or a note that nothing is written yet. */
export function WrittenText({ text, empty = "Not written yet." }: { text: string | null | undefined; empty?: string }) {
  if (!text || !text.trim()) return <p className="italic text-muted">{empty}</p>;
  return <p className="whitespace-pre-line">{text}</p>;
}
