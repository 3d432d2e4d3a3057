import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { panelFormOptions } from "@/lib/panels/panels";
import { PageHeader } from "@/components/page-header";
import { todayInUk, addDays } from "@/lib/dates";
import { NewPanelForm } from "./new-panel-form";

export const metadata: Metadata = { title: "Set up a panel" };
export const dynamic = "force-dynamic";

export default async function NewPanelPage() {
  const user = await requireUser();
  const options = await loadOrNotFound(() => panelFormOptions(user));
  return (
    <div className="max-w-2xl">
      <PageHeader trail={[{ href: "/panels", label: "Practice assessment panels" }]} title="Set up a panel">
        <p className="mb-4 text-muted">
          You will lead the panel: you draw its sample, open it and record its decisions.
        </p>
      </PageHeader>
      <NewPanelForm {...options} defaultDate={addDays(todayInUk(), 14)} />
    </div>
  );
}
