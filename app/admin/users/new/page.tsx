import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listUniversitiesForAdmin } from "@/lib/universities/universities";
import { NewUserForm } from "./new-user-form";

export const metadata: Metadata = { title: "Add a person" };
export const dynamic = "force-dynamic";

export default async function NewUserPage() {
  const user = await requireUser();
  const universities = await loadOrNotFound(() => listUniversitiesForAdmin(user));
  return (
    <div className="max-w-2xl">
      <p className="text-muted">
        <Link href="/admin/users" className="text-brand-700 underline">
          People
        </Link>{" "}
        /
      </p>
      <h1 className="mb-6 text-3xl font-bold">Add a person</h1>
      <NewUserForm universities={universities} />
    </div>
  );
}
