import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session-user";
import { portfolioAreasFor } from "@/lib/access/portfolio";

const AREAS = [
  { area: "evidence", path: "portfolio", label: "Portfolio", hint: "Evidence and coverage of the PCF" },
  {
    area: "observations",
    path: "observations",
    label: "Direct observations",
    hint: "Observations of practice, feedback and reflection",
  },
  { area: "reviews", path: "reviews", label: "Reviews", hint: "Learning agreement, midpoint and final review" },
  {
    area: "concerns",
    path: "concerns",
    label: "Causes for concern",
    hint: "Concerns about progress or conduct and their stages",
  },
  {
    area: "finalAssessment",
    path: "final-assessment",
    label: "Final assessment",
    hint: "The final report and the Practice Assessment Document",
  },
] as const;

/**
 * The placement page's way into the portfolio. Each area enforces its own
 * access on the server (lib/access/portfolio.ts); links are only a convenience,
 * so the team manager, who reads no portfolio content, is not offered those links.
 */
export function PlacementPortfolioNav({ user, placementId }: { user: SessionUser; placementId: string }) {
  const areas = portfolioAreasFor(user);
  const links = AREAS.filter((link) => areas[link.area]).map((link) => ({
    ...link,
    href: `/placements/${placementId}/${link.path}`,
  }));
  return (
    <section aria-labelledby="portfolio-heading" className="rounded border border-gray-300 bg-white p-4">
      <h2 id="portfolio-heading" className="mb-3 text-xl font-bold">
        Portfolio and assessment
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="font-semibold text-brand-700 underline">
              {link.label}
            </Link>
            <span className="block text-sm text-gray-700">{link.hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
