import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { listPlacements } from "@/lib/placements/list-placements";
import { PlacementTable } from "@/components/placement-table";
import { PLACEMENT_STATUS_LABELS, type PlacementStatusName } from "@/lib/placements/status-rules";
import { placementStatuses } from "@/lib/validations/placement";
import { supervisionOverviewFor } from "@/lib/supervision/supervision-overview";
import { OpenConcernsBanner } from "@/components/safeguarding/open-concerns-banner";
import { OpenPortfolioConcerns } from "@/components/portfolio/open-portfolio-concerns";
import { RatificationNotice } from "@/components/portfolio/ratification-notice";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const user = await requireUser();
  const firstName = greetingName(user.name);

  if (user.role === "PRACTICE_EDUCATOR") {
    const current = await listPlacements(user, { practiceEducatorId: user.id });
    const live = current.filter((row) => row.status === "ACTIVE" || row.status === "SUSPENDED" || row.status === "PLANNED");
    const supervision = await supervisionOverviewFor(user, live.map((row) => row.id));
    return (
      <HomeFrame title={`Hello, ${firstName}`} intro="The students you are practice educator for.">
        <OpenConcernsBanner user={user} />
        <OpenPortfolioConcerns user={user} />
        <RatificationNotice user={user} />
        <h2 className="mb-3 text-xl font-bold">My students</h2>
        <PlacementTable rows={live} caption="My students" emptyText="You have no current students." supervision={supervision} />
        <p className="mt-4">
          <Link href="/placements" className="text-brand-700 underline">All placements you have supervised</Link>
        </p>
      </HomeFrame>
    );
  }

  if (user.role === "STUDENT") {
    const placements = await listPlacements(user);
    const current = placements.find((row) => row.status !== "COMPLETED" && row.status !== "ENDED_EARLY") ?? placements[0];
    return (
      <HomeFrame title={`Hello, ${firstName}`} intro="Your placement at a glance.">
        <OpenPortfolioConcerns user={user} />
        <h2 className="mb-3 text-xl font-bold">My placement</h2>
        {current ? (
          <>
            <PlacementTable rows={[current]} caption="My placement" />
            <p className="mt-4">
              <Link href={`/placements/${current.id}`} className="font-semibold text-brand-700 underline">
                Open my placement: days, practice educator and attendance
              </Link>
            </p>
          </>
        ) : (
          <p className="rounded border border-gray-300 bg-white p-4">You have no placement yet. Your placement coordinator will set it up.</p>
        )}
      </HomeFrame>
    );
  }

  const placements = await listPlacements(user);
  const counts = Object.fromEntries(placementStatuses.map((status) => [status, placements.filter((row) => row.status === status).length])) as Record<PlacementStatusName, number>;
  const live = placements.filter((row) => row.status === "ACTIVE" || row.status === "SUSPENDED");
  // The team manager sees which students are overdue for supervision: one query set for the whole list.
  const supervision = user.role === "ADMIN" ? await supervisionOverviewFor(user, live.map((row) => row.id)) : undefined;
  const intro =
    user.role === "UNIVERSITY_TUTOR"
      ? "Your university's students on placement with the team."
      : user.role === "ONSITE_SUPERVISOR"
        ? "The students you supervise on site."
        : "Every placement the team hosts.";

  return (
    <HomeFrame title={`Hello, ${firstName}`} intro={intro}>
      {/* Open safeguarding concerns stay at the top until someone records the action taken. */}
      <OpenConcernsBanner user={user} />
      <OpenPortfolioConcerns user={user} />
      <ul className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Placements by status">
        {placementStatuses.map((status) => (
          <li key={status}>
            <Link href={`/placements?status=${status}`} className="block rounded border border-gray-300 bg-white p-3 no-underline hover:border-brand-600">
              <span className="block text-3xl font-bold text-ink">{counts[status]}</span>
              <span className="text-brand-700 underline">{PLACEMENT_STATUS_LABELS[status]}</span>
            </Link>
          </li>
        ))}
      </ul>
      <h2 className="mb-3 text-xl font-bold">Active and suspended placements</h2>
      <PlacementTable rows={live} caption="Active and suspended placements" emptyText="No active placements." supervision={supervision} />
      {user.role === "ADMIN" && (
        <p className="mt-4 flex flex-wrap gap-4">
          <Link href="/placements/new" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline">Add a placement</Link>
          <Link href="/admin/users/new" className="rounded border-2 border-brand-600 px-4 py-2 font-semibold text-brand-700 no-underline">Add a person</Link>
        </p>
      )}
    </HomeFrame>
  );
}

function HomeFrame({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  return (
    <div>
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mb-6 text-muted">{intro}</p>
      {children}
    </div>
  );
}

/** "Dr Helen Marsh" → "Helen": greet people by their first name, not their title. */
function greetingName(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const titles = new Set(["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor"]);
  return words.find((word) => !titles.has(word.replace(/\.$/, "").toLowerCase())) ?? name;
}
