import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { requireUser } from "@/lib/auth/current-user";
import { getEvidenceEditForm } from "@/lib/portfolio/evidence-form";
import { loadOrNotFound } from "@/lib/page-guards";
import { todayInUk } from "@/lib/dates";
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
      <div>
        <p className="text-muted">
          <Link href="/placements" className="text-brand-700 underline">
            Placements
          </Link>{" "}
          /{" "}
          <Link href={`/placements/${placement.id}`} className="text-brand-700 underline">
            {placement.studentName}
          </Link>{" "}
          /{" "}
          <Link href={`/placements/${placement.id}/portfolio`} className="text-brand-700 underline">
            Portfolio
          </Link>{" "}
          /{" "}
          <Link href={`/evidence/${evidence.id}`} className="text-brand-700 underline">
            {evidence.initial.title}
          </Link>{" "}
          /
        </p>
        <h1 className="text-3xl font-bold">Edit evidence</h1>
      </div>
      <EvidenceForm
        mode="edit"
        evidenceId={evidence.id}
        initial={evidence.initial}
        frameworks={frameworks}
        childCodes={childCodes}
        today={todayInUk()}
      />
    </div>
  );
}
