import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getNewEvidenceForm } from "@/lib/portfolio/evidence-form";
import { loadOrNotFound } from "@/lib/page-guards";
import { todayInUk } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";
import { EvidenceForm } from "@/app/evidence/evidence-form";

export const metadata: Metadata = { title: "Add evidence" };
export const dynamic = "force-dynamic";

export default async function NewEvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { placement, frameworks, childCodes } = await loadOrNotFound(() => getNewEvidenceForm(user, id));
  return (
    <div className="space-y-6">
      <PageHeader
        trail={[
          { href: "/placements", label: "Placements" },
          { href: `/placements/${placement.id}`, label: placement.studentName },
          { href: `/placements/${placement.id}/portfolio`, label: "Portfolio" },
        ]}
        title="Add evidence"
      />
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
