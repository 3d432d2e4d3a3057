import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listUniversitiesForAdmin } from "@/lib/universities/universities";
import { AddCohortForm, AddDegreeProgrammeForm, AddUniversityForm } from "./university-forms";

export const metadata: Metadata = { title: "Universities" };
export const dynamic = "force-dynamic";

export default async function UniversitiesPage() {
  const user = await requireUser();
  const universities = await loadOrNotFound(() => listUniversitiesForAdmin(user));

  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Universities</h1>
      <p className="mb-6 text-muted">The universities students come from, with their degree programmes and cohorts.</p>
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-3">
        <section aria-labelledby="universities-heading" className="lg:col-span-2">
          <h2 id="universities-heading" className="sr-only">
            Universities, degree programmes and cohorts
          </h2>
          {universities.length === 0 ? (
            <p className="rounded border border-gray-300 bg-white p-4">There are no universities yet.</p>
          ) : (
            <ul className="space-y-4">
              {universities.map((university) => (
                <li key={university.id} className="rounded border border-gray-300 bg-white p-4">
                  <h3 className="text-xl font-bold">{university.name}</h3>
                  {university.degreeProgrammes.length === 0 ? (
                    <p className="mt-1 text-muted">No degree programmes yet.</p>
                  ) : (
                    <ul className="mt-2 space-y-2" aria-label={`Degree programmes at ${university.name}`}>
                      {university.degreeProgrammes.map((programme) => (
                        <li key={programme.id} className="border-l-4 border-brand-100 pl-3">
                          <span className="font-semibold">{programme.name}</span>
                          {programme.cohorts.length === 0 ? (
                            <p className="text-sm text-muted">No cohorts yet.</p>
                          ) : (
                            <ul className="ml-5 list-disc text-sm" aria-label={`Cohorts on ${programme.name}`}>
                              {programme.cohorts.map((cohort) => (
                                <li key={cohort.id}>{cohort.name}</li>
                              ))}
                            </ul>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="space-y-6">
          <AddUniversityForm />
          <AddDegreeProgrammeForm universities={universities} />
          <AddCohortForm universities={universities} />
        </div>
      </div>
    </div>
  );
}
