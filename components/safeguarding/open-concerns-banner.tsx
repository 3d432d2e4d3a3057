import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session-user";
import { listOpenSafeguardingConcerns } from "@/lib/children/safeguarding";
import { formatDateTime } from "@/lib/dates";

/**
 * For the top of the home page: the open safeguarding concerns the user
 * handles (the admin: the team's; a PE: those of the children whose work
 * they oversee), until the action taken is recorded. Renders nothing when
 * there are none, and for everyone else. Usage, in a server component:
 *
 *   <OpenConcernsBanner user={user} />
 */
export async function OpenConcernsBanner({ user }: { user: SessionUser }) {
  // Empty for everyone who handles no concerns (lib/access/children.ts, safeguardingConcernsHandledBy).
  const concerns = await listOpenSafeguardingConcerns(user);
  if (concerns.length === 0) return null;
  const count = concerns.length;
  return (
    <section
      aria-labelledby="open-concerns-heading"
      role="region"
      className="mb-6 border-4 border-red-800 bg-red-50 p-4 text-red-950"
    >
      <h2 id="open-concerns-heading" className="text-xl font-bold">
        {count === 1 ? "1 open safeguarding concern" : `${count} open safeguarding concerns`}: record the action taken
      </h2>
      <ul className="mt-2 space-y-1">
        {concerns.map((concern) => (
          <li key={concern.id}>
            <Link href={`/safeguarding#concern-${concern.id}`} className="font-semibold text-red-900 underline">
              {concern.child.label}
            </Link>{" "}
            — raised by {concern.raisedByName}, {formatDateTime(new Date(concern.raisedAt))}
          </li>
        ))}
      </ul>
      <p className="mt-3">
        <Link
          href="/safeguarding"
          className="inline-block rounded bg-red-800 px-4 py-2 font-semibold text-white no-underline hover:bg-red-900"
        >
          Open safeguarding concerns
        </Link>
      </p>
      <p className="mt-2 text-sm">
        These stay here until the action taken is recorded. The app does not replace the council&apos;s safeguarding
        procedures.
      </p>
    </section>
  );
}
