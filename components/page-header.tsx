import Link from "next/link";
import type { ReactNode } from "react";

export type Crumb = { href: string; label: string };

/** Where this page sits: a trail of links to the pages above it (WCAG 2.4.8). */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  if (trail.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className="text-muted">
      <ol className="flex flex-wrap gap-x-1">
        {trail.map((crumb) => (
          <li key={crumb.href}>
            <Link href={crumb.href} className="text-brand-700 underline">
              {crumb.label}
            </Link>{" "}
            <span aria-hidden="true">/</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The top of every page below the home page: the breadcrumb trail, the heading, and what sits beside it. */
export function PageHeader(props: { trail: Crumb[]; title: ReactNode; aside?: ReactNode; children?: ReactNode }) {
  return (
    <div>
      <Breadcrumbs trail={props.trail} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">{props.title}</h1>
        {props.aside}
      </div>
      {props.children}
    </div>
  );
}
