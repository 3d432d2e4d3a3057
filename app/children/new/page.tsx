import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { listSchools } from "@/lib/children/schools";
import { childWorkPermissions } from "@/lib/access/children";
import { PageHeader } from "@/components/page-header";
import { NewChildForm } from "./new-child-form";

export const metadata: Metadata = { title: "Add a child" };
export const dynamic = "force-dynamic";

export default async function NewChildPage() {
  const user = await requireUser();
  if (!childWorkPermissions(user).canAddChild) notFound();
  const schools = await listSchools(user);
  return (
    <div className="max-w-2xl">
      <PageHeader trail={[{ href: "/children", label: "Children" }]} title="Add a child">
        <p className="mb-6 text-muted">
          The child gets a code (like C-4821) that students, notes and evidence use instead of the name.
        </p>
      </PageHeader>
      <NewChildForm schools={schools.map((school) => ({ value: school.id, label: school.name }))} />
    </div>
  );
}
