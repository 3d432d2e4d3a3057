import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/current-user";
import { offlineKeepDays } from "@/lib/offline/keep-days";
import { PageHeader } from "@/components/page-header";
import { OfflineWorkspace } from "./offline-workspace";

export const metadata: Metadata = { title: "Work offline" };
export const dynamic = "force-dynamic";

// The offline page (docs/decisions/0015-offline.md). It renders no record on the
// server: everything it shows comes from this device's store, so the service worker
// can keep a copy (fetched signed out) and open it with no signal. Signed in and
// online, it also offers "This is my device".
export default async function OfflinePage() {
  const user = await getCurrentUser();
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader trail={[]} title="Work offline">
        <p className="text-muted">
          Record direct-work sessions and supervision drafts where there is no signal. They are kept on this device and
          sent when you are back online.
        </p>
      </PageHeader>
      <OfflineWorkspace userId={user?.id ?? null} keepDays={offlineKeepDays()} />
    </div>
  );
}
