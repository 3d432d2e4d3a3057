import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { getLifeStoryWork } from "@/lib/children/life-story";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate, formatDateTime } from "@/lib/dates";
import { RaiseConcernForm } from "@/app/safeguarding/raise-concern-form";
import { PageHeader } from "@/components/page-header";
import { LIFE_STORY_STAGE_HINTS, LIFE_STORY_STAGE_LABELS } from "@/lib/validations/child-work";
import { SignOffButton } from "./sign-off-button";
import { StageForm } from "./stage-form";

export const metadata: Metadata = { title: "Life story work" };
export const dynamic = "force-dynamic";

function stageState(stage: { startedOn: string | null; completedOn: string | null }) {
  if (stage.completedOn) return { label: "Completed", style: "border-gray-700 bg-gray-100 text-gray-900" };
  if (stage.startedOn) return { label: "Under way", style: "border-sky-800 bg-sky-50 text-sky-900" };
  return { label: "Not started", style: "border-gray-500 bg-white text-gray-800" };
}

export default async function LifeStoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const { work, allocation, child, stages, today, permissions } = await loadOrNotFound(() =>
    getLifeStoryWork(user, id),
  );
  const done = stages.filter((stage) => stage.completedOn).length;
  // Only the stages being worked on show their form open: those under way, or else the next one to start.
  // Finished stages, and those not reached yet, are one line each that opens on demand.
  const underWay = stages.filter((stage) => stage.startedOn && !stage.completedOn).map((stage) => stage.stage);
  const current = new Set(
    underWay.length > 0
      ? underWay
      : stages
          .filter((stage) => !stage.completedOn)
          .slice(0, 1)
          .map((s) => s.stage),
  );

  return (
    <div className="space-y-8">
      <PageHeader trail={[{ href: `/children/${child.id}`, label: child.label }]} title="Life story work">
        <p className="text-muted">
          {child.label} · {allocation.studentName} · overseen by {allocation.overseeingPeName} · allocated{" "}
          {formatDate(allocation.startDate)}
          {allocation.status === "ENDED" && " · allocation ended"}
        </p>
        <p className="mt-1">
          {done} of {stages.length} stages completed.
        </p>
      </PageHeader>

      {allocation.signedOff ? (
        <p className="border-l-4 border-green-800 bg-green-50 p-3">
          <span className="font-semibold">Agreed to go ahead</span> by{" "}
          {allocation.signedOff.byName ?? "the practice educator"} on{" "}
          {formatDateTime(new Date(allocation.signedOff.at))} (the practice educator&apos;s sign-off). {done} of{" "}
          {stages.length} stages completed.
        </p>
      ) : (
        <section aria-labelledby="sign-off-heading" className="border-l-8 border-amber-700 bg-amber-50 p-4">
          <h2 id="sign-off-heading" className="text-xl font-bold">
            Waiting for the practice educator&apos;s sign-off
          </h2>
          <p className="mt-1">
            A student does life story work only with their practice educator&apos;s agreement. Nothing can be recorded
            on the stages until {allocation.overseeingPeName} signs this work off.
          </p>
          {permissions.canSignOff && <SignOffButton workId={work.id} studentName={allocation.studentName} />}
        </section>
      )}

      <section aria-labelledby="stages-heading">
        <h2 id="stages-heading" className="mb-3 text-2xl font-bold">
          Stages
        </h2>
        <ol className="space-y-4">
          {stages.map((stage, index) => {
            const state = stageState(stage);
            const stageForm = (
              <StageForm
                workId={work.id}
                stage={stage.stage}
                updatedAt={stage.updatedAt}
                minDate={allocation.startDate}
                today={today}
                values={{ startedOn: stage.startedOn ?? "", completedOn: stage.completedOn ?? "", notes: stage.notes }}
              />
            );
            return (
              <li key={stage.stage} className="rounded border border-gray-300 bg-white p-4">
                <h3 className="flex flex-wrap items-center gap-3 text-lg font-bold">
                  <span>
                    {index + 1}. {LIFE_STORY_STAGE_LABELS[stage.stage]}
                  </span>
                  <span
                    className={`inline-block max-w-full rounded border px-2 py-0.5 text-sm font-semibold ${state.style}`}
                  >
                    {state.label}
                  </span>
                </h3>
                <p className="mb-3 text-sm text-muted">{LIFE_STORY_STAGE_HINTS[stage.stage]}</p>
                {permissions.canEdit ? (
                  current.has(stage.stage) ? (
                    stageForm
                  ) : (
                    <details className="rounded border border-gray-300">
                      <summary className="cursor-pointer px-3 py-2 font-semibold text-brand-700">
                        {stage.completedOn
                          ? `Show or change the record (completed ${formatDate(stage.completedOn)})`
                          : stage.startedOn
                            ? "Show or change the record"
                            : "Record this stage"}
                        <span className="sr-only">: {LIFE_STORY_STAGE_LABELS[stage.stage]}</span>
                      </summary>
                      <div className="border-t border-gray-300 p-3">{stageForm}</div>
                    </details>
                  )
                ) : (
                  <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3">
                    <div>
                      <dt className="font-semibold">Started</dt>
                      <dd>{formatDate(stage.startedOn)}</dd>
                    </div>
                    <div>
                      <dt className="font-semibold">Completed</dt>
                      <dd>{formatDate(stage.completedOn)}</dd>
                    </div>
                    <div className="sm:col-span-3">
                      <dt className="font-semibold">Notes</dt>
                      <dd className="whitespace-pre-wrap">
                        {stage.notes.trim() ? stage.notes : <span className="text-muted">No notes yet.</span>}
                      </dd>
                    </div>
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      {permissions.canRaiseConcern && (
        <RaiseConcernForm childId={child.id} sourceEntity="LifeStoryWork" sourceId={work.id} />
      )}
    </div>
  );
}
