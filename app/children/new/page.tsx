import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { listSchools } from "@/lib/children/schools";
import { NewChildForm } from "./new-child-form";

export const metadata: Metadata = { title: "Add a child" };
export const dynamic = "force-dynamic";

export default async function NewChildPage() {
  const user = await requireUser();
  if (user.role !== "ADMIN") notFound();
  const schools = await listSchools(user);
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">Add a child</h1>
      <p className="mb-6 text-muted">
        The child gets a code (like C-4821) that students, notes and evidence use instead of the name.
      </p>
      <NewChildForm schools={schools.map((school) => ({ value: school.id, label: school.name }))} />
    </div>
  );
}
