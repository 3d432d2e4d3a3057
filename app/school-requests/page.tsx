import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { canTriageSchoolRequests } from "@/lib/access/schools";
import { listSchoolRequestsToTriage } from "@/lib/schools/school-requests";
import { REQUEST_STATUS_LABELS } from "@/lib/schools/request-status";
import { formatDate, todayInUk } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";
import { DecideReferralForm } from "@/app/children/[id]/referral-forms";

export const metadata: Metadata = { title: "School requests" };
export const dynamic = "force-dynamic";

/** The team manager's triage of the partner schools' requests: decide, then allocate from the child's record. */
export default async function SchoolRequestsTriagePage() {
  const user = await requireUser();
  if (!canTriageSchoolRequests(user)) notFound();
  const { pending, decided } = await listSchoolRequestsToTriage(user);
  const today = todayInUk();
  return (
    <div className="space-y-6">
      <PageHeader trail={[{ href: "/", label: "Home" }]} title="School requests" />
      <p className="max-w-3xl">
        Requests for support from the partner schools, sent through the app or recorded by the team. Accept one once the
        parent&apos;s consent and the child&apos;s agreement are on record; a declined or signposted request needs a
        reason, which the school sees. Then allocate the child to a student from their record.
      </p>
      <section aria-labelledby="pending-heading" className="space-y-3">
        <h2 id="pending-heading" className="text-xl font-bold">
          Waiting for a decision ({pending.length})
        </h2>
        {pending.length === 0 ? (
          <p className="rounded border border-gray-300 bg-white p-4">No request is waiting.</p>
        ) : (
          pending.map((request) => (
            <article
              key={request.id}
              aria-labelledby={`request-${request.id}`}
              className="rounded border border-gray-300 bg-white p-4"
            >
              <h3 id={`request-${request.id}`} className="font-semibold">
                <Link href={`/children/${request.childId}`} className="text-brand-700 underline">
                  {request.child}
                </Link>{" "}
                — {request.school}
              </h3>
              <p className="text-sm text-muted">
                Received {formatDate(request.receivedOn)} from {request.referrer}
                {request.throughTheApp ? " through the app" : ""}.{" "}
                {request.consentRecorded ? "Consent and agreement recorded." : "Consent or agreement not yet recorded."}
              </p>
              <p className="mt-2 whitespace-pre-line">{request.reason}</p>
              <DecideReferralForm childId={request.childId} referralId={request.id} today={today} />
            </article>
          ))
        )}
      </section>
      <section aria-labelledby="decided-heading" className="space-y-3">
        <h2 id="decided-heading" className="text-xl font-bold">
          Decided lately
        </h2>
        {decided.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul className="divide-y divide-gray-200 rounded border border-gray-300 bg-white">
            {decided.map((request) => (
              <li key={request.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
                <Link href={`/children/${request.childId}`} className="font-semibold text-brand-700 underline">
                  {request.child}
                </Link>
                <span className="text-sm">
                  {request.school} · {formatDate(request.receivedOn)} · {REQUEST_STATUS_LABELS[request.status]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
