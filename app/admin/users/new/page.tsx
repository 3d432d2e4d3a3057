import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listUniversitiesForAdmin } from "@/lib/universities/universities";
import { listSchools } from "@/lib/children/schools";
import { NewUserForm } from "./new-user-form";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Add a person" };
export const dynamic = "force-dynamic";

export default async function NewUserPage() {
  const user = await requireUser();
  const [universities, schools] = await loadOrNotFound(() =>
    Promise.all([listUniversitiesForAdmin(user), listSchools(user)]),
  );
  return (
    <div className="max-w-2xl">
      <div className="mb-6">
        <PageHeader trail={[{ href: "/admin/users", label: "People" }]} title="Add a person" />
      </div>
      <NewUserForm universities={universities} schools={schools} />
    </div>
  );
}
