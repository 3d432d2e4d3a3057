import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/current-user";
import { listOwnSessions } from "@/lib/auth/account";
import { twoFactorStatus } from "@/lib/auth/two-factor";
import { formatDateTime } from "@/lib/dates";
import { ROLE_LABELS } from "@/lib/validations/user";
import { PageHeader } from "@/components/page-header";
import { SummaryList } from "@/components/summary-list";
import { TableRegion } from "@/components/table-region";
import { SessionButtons, SignOutEverywhereButton } from "./session-buttons";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  const { user } = session;
  const sessions = await listOwnSessions(user, session.sessionId);
  const twoFactor = await twoFactorStatus(user);
  return (
    <div className="max-w-4xl space-y-8">
      <PageHeader trail={[]} title="Your account" />
      <section aria-labelledby="you">
        <h2 id="you" className="mb-3 text-xl font-bold">
          You
        </h2>
        <SummaryList
          rows={[
            ["Name", user.name],
            ["Email address", user.email],
            ["Role", ROLE_LABELS[user.role]],
            [
              "Password",
              <Link key="password" href="/account/password" className="text-brand-700 underline">
                Change your password
              </Link>,
            ],
            ...(twoFactor.offered
              ? [
                  [
                    "Two-factor sign-in",
                    <Link key="two-factor" href="/account/two-factor" className="text-brand-700 underline">
                      {twoFactor.confirmedAt ? "On: manage two-factor sign-in" : "Off: set up two-factor sign-in"}
                    </Link>,
                  ] as [string, React.ReactNode],
                ]
              : []),
          ]}
        />
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions" className="mb-1 text-xl font-bold">
          Where you are signed in
        </h2>
        <p className="mb-3 text-muted">
          A session ends by itself after 30 minutes without use, and 8 hours after signing in. If you see one you do not
          recognise, sign it out and change your password.
        </p>
        {/* Stacked cards on phones (app/globals.css "stack-table"), so each Sign out stays in reach. */}
        <TableRegion label="Your sessions">
          <table className="stack-table w-full text-left">
            <caption className="sr-only">Your sessions</caption>
            <thead className="border-b border-gray-300 bg-gray-50">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Device
                </th>
                <th scope="col" className="px-3 py-2">
                  Address
                </th>
                <th scope="col" className="px-3 py-2">
                  Signed in
                </th>
                <th scope="col" className="px-3 py-2">
                  Last active
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((row) => (
                <tr key={row.id} className="border-b border-gray-200 last:border-0">
                  <td className="stack-title px-3 py-2 font-semibold">
                    {row.device}
                    {row.current && <strong className="block text-sm">This browser</strong>}
                  </td>
                  <td data-label="Address" className="px-3 py-2">
                    {row.ipAddress ?? "Unknown"}
                  </td>
                  <td data-label="Signed in" className="px-3 py-2">
                    {formatDateTime(row.signedInAt)}
                  </td>
                  <td data-label="Last active" className="px-3 py-2">
                    {formatDateTime(row.lastSeenAt)}
                  </td>
                  <td className="px-3 py-2">
                    <SessionButtons sessionId={row.id} current={row.current} device={row.device} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <div className="mt-4">
          <SignOutEverywhereButton />
        </div>
      </section>
    </div>
  );
}
