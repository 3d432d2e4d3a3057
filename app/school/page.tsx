import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { canRequestSupport } from "@/lib/access/schools";
import { listOwnSchoolRequests } from "@/lib/schools/school-requests";
import { REQUEST_STATUS_LABELS } from "@/lib/schools/request-status";
import { formatDate } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Requests for support" };
export const dynamic = "force-dynamic";

/** A school contact's home: their own school's requests and where each has got to. */
export default async function SchoolRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!canRequestSupport(user)) notFound();
  const { school, requests } = await listOwnSchoolRequests(user);
  const sent = (await searchParams).sent === "1";
  return (
    <div className="space-y-4">
      <PageHeader trail={[]} title="Requests for support">
        {school && <p className="text-muted">{school.name}</p>}
      </PageHeader>
      {sent && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-white p-3 font-semibold">
          Your request has been sent to the team.
        </p>
      )}
      {!school ? (
        <p className="rounded border border-gray-300 bg-white p-4">
          Your account is not linked to a school yet: ask the team manager to link it.
        </p>
      ) : (
        <>
          <p className="flex flex-wrap gap-4">
            <Link href="/school/new" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline">
              Ask for support for a pupil
            </Link>
            <Link href="/reports/impact" className="self-center font-semibold text-brand-700 underline">
              What the work has achieved at your school
            </Link>
          </p>
          {requests.length === 0 ? (
            <p className="rounded border border-gray-300 bg-white p-4">Your school has not asked for support yet.</p>
          ) : (
            <ul className="divide-y divide-gray-200 rounded border border-gray-300 bg-white">
              {requests.map((request) => (
                <li key={request.id} className="space-y-1 px-4 py-3">
                  <p className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-semibold">{request.pupil}</span>
                    <span className="text-sm text-muted">Sent {formatDate(request.receivedOn)}</span>
                  </p>
                  <p>
                    <span className="sr-only">Status: </span>
                    <span className="inline-block rounded border border-gray-700 px-2 py-0.5 text-sm font-semibold">
                      {REQUEST_STATUS_LABELS[request.status]}
                    </span>
                  </p>
                  {request.declineReason && <p className="text-sm">The team&apos;s reason: {request.declineReason}</p>}
                  {request.summaryForSchool && (
                    <div className="text-sm">
                      <p className="font-semibold">The student&apos;s summary for school</p>
                      <p className="whitespace-pre-line">{request.summaryForSchool}</p>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
