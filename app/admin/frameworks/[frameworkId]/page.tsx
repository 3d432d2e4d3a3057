import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { CAPABILITY_LEVEL_LABELS, getFrameworkForAdmin } from "@/lib/frameworks/frameworks";
import { formatDate } from "@/lib/dates";
import { SummaryList } from "@/components/summary-list";
import { PageHeader } from "@/components/page-header";
import { FrameworkItemForm, LevelDescriptorForm, NewVersionForm } from "./framework-forms";

export const metadata: Metadata = { title: "Framework" };
export const dynamic = "force-dynamic";

export default async function FrameworkPage({ params }: { params: Promise<{ frameworkId: string }> }) {
  const user = await requireUser();
  const { frameworkId } = await params;
  const framework = await loadOrNotFound(() => getFrameworkForAdmin(user, frameworkId));

  return (
    <div className="space-y-8">
      <PageHeader
        trail={[{ href: "/admin/frameworks", label: "Frameworks" }]}
        title={`${framework.name}, version ${framework.version}`}
      >
        <div className="mt-3 max-w-3xl">
          <SummaryList
            rows={[
              ["Published by", framework.publishedBy || "—"],
              ["Applies from", formatDate(framework.effectiveFrom)],
              [
                "Applies until",
                framework.effectiveTo ? `${formatDate(framework.effectiveTo)} (not included)` : "No end date",
              ],
              ["In force today", framework.inForce ? "Yes" : "No"],
            ]}
          />
        </div>
        <p className="mt-3 max-w-3xl text-muted">
          Corrections are recorded in the audit log with your name. Evidence already mapped to an item keeps the link;
          only the wording changes.
        </p>
      </PageHeader>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading" className="mb-3 text-2xl font-bold">
          Items
        </h2>
        <ol className="space-y-6">
          {framework.items.map((item) => (
            <li key={item.id} className="rounded border border-gray-300 bg-white p-4">
              <h3 className="mb-1 text-xl font-bold">
                {item.number}. {item.name}
              </h3>
              <p className="mb-3 text-sm text-muted">
                Code {item.code}
                {item.superDomain ? ` · ${item.superDomain}` : ""}
              </p>
              <FrameworkItemForm item={item} />
              {item.levelDescriptors.length > 0 && (
                <div className="mt-5 border-t border-gray-200 pt-4">
                  <h4 className="mb-2 text-lg font-bold">Level descriptors</h4>
                  {item.levelDescriptors.map((descriptor) => (
                    <LevelDescriptorForm
                      key={descriptor.id}
                      descriptor={descriptor}
                      label={CAPABILITY_LEVEL_LABELS[descriptor.level]}
                      itemName={`${item.number}. ${item.name}`}
                    />
                  ))}
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>

      {framework.isLatest ? (
        <NewVersionForm frameworkId={framework.id} name={framework.name} />
      ) : (
        <p className="rounded border border-gray-300 bg-white p-4">
          A newer version of this framework exists: new versions are added from the latest one.
        </p>
      )}
    </div>
  );
}
