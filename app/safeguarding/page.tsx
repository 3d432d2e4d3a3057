import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { listOpenSafeguardingConcerns } from "@/lib/children/safeguarding";
import { childWorkPermissions } from "@/lib/access/children";
import { formatDateTime } from "@/lib/dates";
import { ROLE_LABELS } from "@/lib/validations/user";
import { ProceduresWarning } from "@/components/safeguarding/procedures-warning";
import { concernSource } from "@/components/safeguarding/concern-source";
import { PageHeader } from "@/components/page-header";
import { ResponseForm } from "./response-form";

export const metadata: Metadata = { title: "Safeguarding concerns" };
export const dynamic = "force-dynamic";

export default async function SafeguardingPage() {
  const user = await requireUser();
  // Concerns are handled by the team manager and the practice educators overseeing the child's work.
  const { safeguarding } = childWorkPermissions(user);
  if (!safeguarding) notFound();
  const concerns = await listOpenSafeguardingConcerns(user);

  return (
    <div className="space-y-6">
      <PageHeader trail={[]} title="Open safeguarding concerns">
        <p className="text-muted">
          {safeguarding === "team"
            ? "Every open concern about the team's children."
            : "Open concerns about the children whose work you oversee."}{" "}
          A concern stays here, and at the top of your home page, until the action taken is recorded.
        </p>
      </PageHeader>
      <ProceduresWarning />

      {concerns.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">There are no open safeguarding concerns.</p>
      ) : (
        <ol className="space-y-6" aria-label="Open concerns, oldest first">
          {concerns.map((concern) => {
            const source = concernSource(concern.sourceEntity, concern.sourceId);
            return (
              <li
                key={concern.id}
                id={`concern-${concern.id}`}
                className="scroll-mt-4 rounded border-2 border-red-800 bg-white p-4"
              >
                <h2 className="text-xl font-bold">
                  <Link href={`/children/${concern.child.id}`} className="text-brand-700 underline">
                    {concern.child.label}
                  </Link>
                </h2>
                <p className="text-muted">
                  Raised by {concern.raisedByName} ({ROLE_LABELS[concern.raisedByRole]}) on{" "}
                  {formatDateTime(new Date(concern.raisedAt))}
                  {source && (
                    <>
                      {" · from "}
                      {source.href ? (
                        <Link href={source.href} className="text-brand-700 underline">
                          {source.label}
                        </Link>
                      ) : (
                        source.label
                      )}
                    </>
                  )}
                </p>
                <h3 className="mt-3 font-semibold">The concern</h3>
                <p className="mb-4 whitespace-pre-wrap border-l-4 border-gray-400 pl-3">{concern.description}</p>
                <ResponseForm concernId={concern.id} childLabel={concern.child.label} />
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
