import type { Metadata } from "next";
import Link from "next/link";
import { TableRegion } from "@/components/table-region";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listFrameworksForAdmin } from "@/lib/frameworks/frameworks";
import { formatDate, todayInUk } from "@/lib/dates";

export const metadata: Metadata = { title: "Frameworks" };
export const dynamic = "force-dynamic";

export default async function FrameworksPage() {
  const user = await requireUser();
  const frameworks = await loadOrNotFound(() => listFrameworksForAdmin(user));
  // The PCF first: it is what evidence and assessments are mapped to.
  const ORDER = ["PCF", "SWE", "KSS"];
  const rank = (code: string) => (ORDER.includes(code) ? ORDER.indexOf(code) : ORDER.length);
  const codes = [...new Set(frameworks.map((framework) => framework.code))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const cell = "border border-gray-300 px-3 py-2 align-top";

  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Frameworks</h1>
      <p className="mb-2 max-w-3xl text-muted">
        The capability frameworks evidence and assessments are mapped to. Each version keeps its own items, so evidence
        mapped to an old version keeps its meaning.
      </p>
      <p className="mb-6 max-w-3xl text-muted">
        Correct a version&apos;s text (names, descriptions, PCF level descriptors) against the published documents
        without a code change. When a framework is revised, add a new version instead of editing the old one.
      </p>
      <div className="space-y-8">
        {codes.map((code) => {
          const versions = frameworks.filter((framework) => framework.code === code);
          return (
            <section key={code} aria-labelledby={`framework-${code}`}>
              <h2 id={`framework-${code}`} className="mb-2 text-2xl font-bold">
                {versions.at(-1)!.name} ({code})
              </h2>
              <TableRegion label={`Versions of the ${versions.at(-1)!.name}`} className="border-0">
                <table className="stack-table w-full border-collapse bg-white text-left">
                  <caption className="sr-only">Versions of the {versions.at(-1)!.name}</caption>
                  <thead>
                    <tr>
                      {["Version", "Published by", "Applies from", "Applies until", "In force today", "Items"].map(
                        (heading) => (
                          <th key={heading} scope="col" className={`${cell} bg-gray-100`}>
                            {heading}
                          </th>
                        ),
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {versions.map((framework) => (
                      <tr key={framework.id}>
                        <th scope="row" className={`${cell} stack-title`}>
                          <Link
                            href={`/admin/frameworks/${framework.id}`}
                            className="font-semibold text-brand-700 underline"
                          >
                            {framework.version}
                            <span className="sr-only"> of the {framework.name}: view and correct the text</span>
                          </Link>
                        </th>
                        <td data-label="Published by" className={cell}>
                          {framework.publishedBy || "—"}
                        </td>
                        <td data-label="Applies from" className={cell}>
                          {formatDate(framework.effectiveFrom)}
                        </td>
                        <td data-label="Applies until" className={cell}>
                          {framework.effectiveTo
                            ? `${formatDate(framework.effectiveTo)} (not included)`
                            : "No end date"}
                        </td>
                        <td data-label="In force today" className={cell}>
                          {framework.inForce ? (
                            <span className="font-semibold">
                              <span aria-hidden="true">✓ </span>In force
                            </span>
                          ) : framework.effectiveFrom > todayInUk() ? (
                            "Not yet in force"
                          ) : (
                            "Superseded"
                          )}
                        </td>
                        <td data-label="Items" className={cell}>
                          {framework.items.length}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </section>
          );
        })}
      </div>
    </div>
  );
}
