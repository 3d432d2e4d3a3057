import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { requireUser } from "@/lib/auth/current-user";
import { getEvidenceEditForm } from "@/lib/portfolio/evidence-form";
import { loadOrNotFound } from "@/lib/page-guards";
import { todayInUk } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";
import { EvidenceForm } from "@/app/evidence/evidence-form";

export const metadata: Metadata = { title: "Edit evidence" };
export const dynamic = "force-dynamic";

export default async function EditEvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  // Evidence that is with the PE or accepted cannot be edited: its own page says why.
  const loaded = await loadOrNotFound(() =>
    getEvidenceEditForm(user, id).catch((error) =>
      error instanceof AppError && error.status === 409 ? null : Promise.reject(error),
    ),
  );
  if (!loaded) redirect(`/evidence/${id}`);
  const { placement, frameworks, childCodes, evidence } = loaded;
  return (
    <div className="space-y-6">
      <PageHeader
        trail={[
          { href: "/placements", label: "Placements" },
          { href: `/placements/${placement.id}`, label: placement.studentName },
          { href: `/placements/${placement.id}/portfolio`, label: "Portfolio" },
          { href: `/evidence/${evidence.id}`, label: evidence.initial.title },
        ]}
        title="Edit evidence"
      />
      <EvidenceForm
        mode="edit"
        evidenceId={evidence.id}
        initial={evidence.initial}
        version={evidence.version}
        frameworks={frameworks}
        childCodes={childCodes}
        today={todayInUk()}
      />
    </div>
  );
}
