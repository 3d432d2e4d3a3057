import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { canImportPeople } from "@/lib/access/admin";
import { notFound } from "next/navigation";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "@/lib/users/import-rules";
import { PageHeader } from "@/components/page-header";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import people" };
export const dynamic = "force-dynamic";

export default async function ImportPeoplePage() {
  const user = await requireUser();
  // Like every page a role may not open: not found (lib/page-guards.ts).
  if (!canImportPeople(user)) notFound();
  const tutor = user.role === "UNIVERSITY_TUTOR";
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        trail={tutor ? [] : [{ href: "/admin/users", label: "People" }]}
        title="Import people from a CSV file"
      />
      <p>
        {tutor
          ? "Add your university's students and tutors in one go."
          : "Add students, tutors, practice educators and on-site supervisors in one go."}{" "}
        Each person gets an email inviting them to choose a password. Nobody who already has an account is changed, so
        uploading the same file again adds nobody twice.
      </p>
      <details className="rounded border border-gray-300 bg-white p-4">
        <summary className="cursor-pointer font-semibold">What the file must look like</summary>
        <p className="mt-2">
          A CSV saved as UTF-8, at most {MAX_IMPORT_ROWS.toLocaleString("en-GB")} people. The first line names the
          columns: <code>{IMPORT_COLUMNS.join(",")}</code>.
        </p>
        <ul className="mt-2 list-disc pl-6">
          <li>role: student, tutor, practice educator, on-site supervisor or team manager;</li>
          <li>students and tutors: the university&apos;s name as in the app;</li>
          <li>
            students: the degree programme, optionally the cohort, the year (1 to 4) and the level (first or final);
          </li>
          <li>practice educators: the PEPS stage (1 or 2).</li>
        </ul>
      </details>
      <ImportForm />
    </div>
  );
}
