import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { canMaintainRegister } from "@/lib/access/pe-register";
import { listRegister } from "@/lib/pe-register/register";
import { PageHeader } from "@/components/page-header";
import { RegisterEntryForm } from "./register-entry-form";

export const metadata: Metadata = { title: "Update a register entry" };
export const dynamic = "force-dynamic";

export default async function RegisterEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!canMaintainRegister(user)) notFound();
  const entry = (await listRegister(user)).find((row) => row.id === id);
  if (!entry) notFound();
  return (
    <div className="max-w-2xl">
      <PageHeader trail={[{ href: "/pe-register", label: "Practice educator register" }]} title={entry.name} />
      <RegisterEntryForm
        educatorId={entry.id}
        initial={{
          pepsStage: entry.pepsStage ?? "",
          qualifiedOn: entry.qualifiedOn ?? "",
          lastRefresherOn: entry.lastRefresherOn ?? "",
          capacity: String(entry.capacity ?? 1),
          notes: entry.notes,
          version: entry.version,
        }}
      />
    </div>
  );
}
