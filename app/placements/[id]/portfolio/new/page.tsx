import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { getNewEvidenceForm } from "@/lib/portfolio/evidence-form";
import { loadOrNotFound } from "@/lib/page-guards";
import { todayInUk } from "@/lib/dates";
import { EvidenceForm } from "@/app/evidence/evidence-form";

export const metadata: Metadata = { title: "Add evidence" };
export const dynamic = "force-dynamic";

export default async function NewEvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { placement, frameworks, childCodes } = await loadOrNotFound(() => getNewEvidenceForm(user, id));
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
          /
        </p>
        <h1 className="text-3xl font-bold">Add evidence</h1>
      </div>
      <EvidenceForm
        mode="create"
        placementId={placement.id}
        frameworks={frameworks}
        childCodes={childCodes}
        today={todayInUk()}
      />
    </div>
  );
}
