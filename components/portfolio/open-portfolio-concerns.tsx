import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session-user";
import { openConcernsFor } from "@/lib/portfolio/concerns";
import { formatDate, toIsoDate } from "@/lib/dates";

/**
 * Open causes for concern about students' progress, shown on every home page
 * until resolved (issue 4). Scoped in lib/ to the placements the user sees.
 */
export async function OpenPortfolioConcerns({ user }: { user: SessionUser }) {
  const concerns = await openConcernsFor(user);
  if (concerns.length === 0) return null;
  return (
    <section
      aria-labelledby="open-portfolio-concerns-heading"
      className="rounded border-l-4 border-red-800 bg-red-50 p-4"
    >
      <h2 id="open-portfolio-concerns-heading" className="mb-2 text-xl font-bold">
        <span aria-hidden="true">! </span>
        {concerns.length === 1 ? "1 open cause for concern" : `${concerns.length} open causes for concern`}
      </h2>
      <ul className="space-y-1">
        {concerns.map((concern) => (
          <li key={concern.id}>
            <Link href={`/concerns/${concern.id}`} className="font-semibold text-brand-700 underline">
              {concern.studentName}
            </Link>
            : {concern.stateLabel.toLowerCase().replace(/^raised: /, "")}{" "}
            <span className="text-muted">(raised {formatDate(toIsoDate(new Date(concern.raisedAt)))})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
