import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getUserForEdit } from "@/lib/users/users";
import { listUniversitiesForAdmin } from "@/lib/universities/universities";
import { listSchools } from "@/lib/children/schools";
import { PanelLeadToggle } from "@/app/panels/leads/panel-lead-toggle";
import { roleBelongsToUniversity } from "@/lib/validations/user";
import { EditUserForm } from "./edit-user-form";
import { AccountAccessButtons } from "./account-access";
import { formatDateTime } from "@/lib/dates";
import { SummaryList } from "@/components/summary-list";
import { AccountStatusTag } from "@/components/account-status-tag";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Edit person" };
export const dynamic = "force-dynamic";

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const [person, universities, schools] = await loadOrNotFound(() =>
    Promise.all([getUserForEdit(user, id), listUniversitiesForAdmin(user), listSchools(user)]),
  );
  const profile = person.studentProfile;

  return (
    <div className="max-w-2xl">
      <PageHeader trail={[{ href: "/admin/users", label: "People" }]} title={`Edit ${person.name}`} />
      <p className="mb-6">
        <Link
          href={`/admin/audit?entity=User&entityId=${encodeURIComponent(person.id)}`}
          className="text-brand-700 underline"
        >
          See the changes made to this account
        </Link>
      </p>
      <section aria-labelledby="access" className="mb-8">
        <h2 id="access" className="mb-3 text-xl font-bold">
          Access
        </h2>
        <SummaryList
          rows={[
            ["Status", <AccountStatusTag key="status" status={person.status} />],
            [
              "Invitation",
              person.invitation
                ? `Sent ${formatDateTime(person.invitation.createdAt)}; the link works until ${formatDateTime(person.invitation.expiresAt)}`
                : person.status === "INVITED"
                  ? "No working invitation: send one so they can choose a password"
                  : "None pending",
            ],
            ["Last signed in", person.lastSignedInAt ? formatDateTime(person.lastSignedInAt) : "Never"],
            ["Signed in now", person.sessionCount === 1 ? "On 1 device" : `On ${person.sessionCount} devices`],
            [
              "Two-factor sign-in",
              person.twoFactorSince ? `Set up ${formatDateTime(person.twoFactorSince)}` : "Not set up",
            ],
          ]}
        />
        <div className="mt-3">
          <AccountAccessButtons
            userId={person.id}
            invited={person.status === "INVITED"}
            hasInvitation={Boolean(person.invitation)}
            sessions={person.id === user.id ? 0 : person.sessionCount}
            twoFactor={Boolean(person.twoFactorSince) && person.id !== user.id}
          />
        </div>
      </section>
      {person.role === "UNIVERSITY_TUTOR" && (
        <section aria-labelledby="panel-lead" className="mb-8">
          <h2 id="panel-lead" className="mb-2 text-xl font-bold">
            Practice assessment panels
          </h2>
          <p className="mb-2">
            {person.panelLead
              ? `${person.name} is a panel lead: they set up their university's panels and draw their samples.`
              : `${person.name} is not a panel lead: they sit on panels they are asked to, but cannot set one up.`}
          </p>
          <PanelLeadToggle
            userId={person.id}
            name={person.name}
            panelLead={person.panelLead}
            version={person.version}
          />
        </section>
      )}
      <EditUserForm
        userId={person.id}
        isSelf={person.id === user.id}
        universities={universities}
        schools={schools}
        values={{
          name: person.name,
          email: person.email,
          role: person.role,
          active: person.active,
          newPassword: "",
          pepsStage: person.pepsStage,
          // A tutor's organisation is their university; a student's is on their profile.
          universityId: profile?.universityId ?? (roleBelongsToUniversity(person.role) ? person.organisationId : ""),
          programmeId: profile?.programmeId ?? "",
          cohortId: profile?.cohortId ?? "",
          yearOfStudy: profile?.yearOfStudy ?? null,
          placementLevel: profile?.placementLevel ?? null,
          schoolId: person.schoolId ?? "",
          version: person.version,
        }}
      />
    </div>
  );
}
