import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { listCaseload } from "@/lib/children/allocations";
import { childWorkPermissions } from "@/lib/access/children";
import { CaseloadTable } from "@/components/child-work/caseload-table";

export const metadata: Metadata = { title: "Caseload" };
export const dynamic = "force-dynamic";

export default async function CaseloadPage() {
  const user = await requireUser();
  const { caseload } = childWorkPermissions(user);
  if (!caseload) notFound();
  const rows = await listCaseload(user);
  const title =
    caseload === "own" ? "My caseload" : caseload === "my-students" ? "My students' caseloads" : "Caseloads";
  const byStudent = new Map<string, typeof rows>();
  for (const row of rows) byStudent.set(row.studentName, [...(byStudent.get(row.studentName) ?? []), row]);

  return (
    <div>
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mb-6 text-muted">
        {caseload === "own"
          ? "The children you are working with now. Refer to children by their code in your evidence and notes."
          : "Children allocated to students, with a red, amber or green status and the reasons for it."}
      </p>
      {caseload === "own" ? (
        <CaseloadTable rows={rows} showStudent={false} caption="My caseload" />
      ) : rows.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">No current allocations.</p>
      ) : (
        [...byStudent.entries()].map(([studentName, studentRows]) => (
          <section key={studentName} className="mb-8" aria-labelledby={`student-${studentRows[0].studentId}`}>
            <h2 id={`student-${studentRows[0].studentId}`} className="mb-2 text-xl font-bold">
              {studentName}{" "}
              <span className="text-base font-normal text-muted">
                ({studentRows.length} {studentRows.length === 1 ? "child" : "children"})
              </span>
            </h2>
            <CaseloadTable
              rows={studentRows}
              showStudent={caseload !== "my-students"}
              caption={`${studentName}'s caseload`}
            />
          </section>
        ))
      )}
    </div>
  );
}
