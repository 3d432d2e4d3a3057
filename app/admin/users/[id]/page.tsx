import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getUserForEdit } from "@/lib/users/users";
import { listUniversitiesForAdmin } from "@/lib/universities/universities";
import { roleBelongsToUniversity } from "@/lib/validations/user";
import { EditUserForm } from "./edit-user-form";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Edit person" };
export const dynamic = "force-dynamic";

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const [person, universities] = await loadOrNotFound(() =>
    Promise.all([getUserForEdit(user, id), listUniversitiesForAdmin(user)]),
  );
  // A school contact's account is tied to one partner school; it is set up with the school (docs/domain.md "Partner schools").
  if (person.role === "SCHOOL_CONTACT")
    return (
      <div className="max-w-2xl">
        <PageHeader trail={[{ href: "/admin/users", label: "People" }]} title={person.name} />
        <p className="mt-4">
          {person.name} is a partner school&apos;s contact ({person.email}). They ask the team for support for their
          school&apos;s pupils and follow those requests only.
        </p>
      </div>
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
      <EditUserForm
        userId={person.id}
        isSelf={person.id === user.id}
        universities={universities}
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
          version: person.version,
        }}
      />
    </div>
  );
}
