import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getPlacement } from "@/lib/placements/get-placement";
import { listPeopleForChoosing } from "@/lib/users/users";
import { EditPlacementForm } from "./edit-placement-form";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Edit placement" };
export const dynamic = "force-dynamic";

export default async function EditPlacementPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const placement = await loadOrNotFound(() => getPlacement(user, id));
  if (!placement.permissions.canManage) notFound();
  const [onsiteSupervisors, tutors] = await Promise.all([
    listPeopleForChoosing(user, "ONSITE_SUPERVISOR"),
    listPeopleForChoosing(user, "UNIVERSITY_TUTOR"),
  ]);
  return (
    <div className="max-w-2xl">
      <div className="mb-6">
        <PageHeader
          trail={[
            { href: "/placements", label: "Placements" },
            { href: `/placements/${placement.id}`, label: placement.student.name },
          ]}
          title="Edit placement"
        />
      </div>
      <EditPlacementForm
        placement={{
          id: placement.id,
          status: placement.status,
          values: {
            setting: placement.setting,
            startDate: placement.startDate,
            endDate: placement.endDate,
            requiredDays: placement.requiredDays,
            observationsRequired: placement.observationsRequired,
            status: placement.status,
            statusReason: placement.statusReason ?? "",
            onsiteSupervisorId: placement.onsiteSupervisor?.id ?? "",
            tutorId: placement.tutor?.id ?? "",
            version: placement.version,
          },
        }}
        onsiteSupervisors={onsiteSupervisors.map((person) => ({ value: person.id, label: person.name }))}
        tutors={tutors
          .filter((tutor) => tutor.organisationId === placement.university?.id)
          .map((person) => ({ value: person.id, label: person.name }))}
      />
    </div>
  );
}
