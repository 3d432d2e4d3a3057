import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listPeopleForChoosing } from "@/lib/users/users";
import { todayInUk } from "@/lib/dates";
import { NewPlacementForm } from "./new-placement-form";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Add a placement" };
export const dynamic = "force-dynamic";

export default async function NewPlacementPage() {
  const user = await requireUser();
  const [students, practiceEducators, onsiteSupervisors, tutors] = await loadOrNotFound(() =>
    Promise.all(
      (["STUDENT", "PRACTICE_EDUCATOR", "ONSITE_SUPERVISOR", "UNIVERSITY_TUTOR"] as const).map((role) =>
        listPeopleForChoosing(user, role),
      ),
    ),
  );
  const option = (person: { id: string; name: string }) => ({ value: person.id, label: person.name });
  return (
    <div className="max-w-2xl">
      <div className="mb-6">
        <PageHeader trail={[{ href: "/placements", label: "Placements" }]} title="Add a placement" />
      </div>
      <NewPlacementForm
        today={todayInUk()}
        students={students.map(option)}
        practiceEducators={practiceEducators.map((pe) => ({
          value: pe.id,
          label: `${pe.name}${pe.pepsStage ? ` (PEPS ${pe.pepsStage === "STAGE_1" ? "stage 1" : "stage 2"})` : ""}`,
        }))}
        onsiteSupervisors={onsiteSupervisors.map(option)}
        tutors={tutors.map(option)}
      />
    </div>
  );
}
