import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session-user";
import { listAwaitingRatification } from "@/lib/portfolio/ratification-queue";

/**
 * Final assessments waiting for a stage 2 practice educator's ratification,
 * shown on a stage 2 PE's home page. Nothing for anyone else, or when none wait.
 */
export async function RatificationNotice({ user }: { user: SessionUser }) {
  const queue = await listAwaitingRatification(user);
  if (!queue.eligible || queue.items.length === 0) return null;
  const count = queue.items.length;
  return (
    <section
      aria-labelledby="ratification-notice-heading"
      className="rounded border-l-4 border-purple-800 bg-purple-50 p-4"
    >
      <h2 id="ratification-notice-heading" className="text-lg font-bold">
        {count === 1 ? "A final assessment is" : `${count} final assessments are`} waiting for your ratification
      </h2>
      <p className="mt-1">
        {count === 1
          ? `${queue.items[0].studentName}'s final placement was assessed by ${queue.items[0].practiceEducatorName} at PEPS stage 1. `
          : "Final placements assessed by PEPS stage 1 practice educators. "}
        <Link href="/ratification" className="font-semibold text-brand-700 underline">
          Open the ratification list
        </Link>
      </p>
    </section>
  );
}
