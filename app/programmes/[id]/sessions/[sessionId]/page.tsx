import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { getDirectWorkProgramme } from "@/lib/children/direct-work/reads";
import { formatDate, todayInUk } from "@/lib/dates";
import { SummaryList } from "@/components/summary-list";
import { PageHeader } from "@/components/page-header";
import { RatingText } from "@/app/feedback/face";
import { SessionStatusBadge } from "../../session-status-badge";
import { SessionRecordForm } from "./session-record-form";
import { FeedbackLinkButton } from "./feedback-link-button";

export const metadata: Metadata = { title: "Session record" };
export const dynamic = "force-dynamic";

export default async function DirectWorkSessionPage({
  params,
}: {
  params: Promise<{ id: string; sessionId: string }>;
}) {
  const user = await requireUser();
  const { id, sessionId } = await params;
  const programme = await loadOrNotFound(() => getDirectWorkProgramme(user, id));
  const session = programme.sessions.find((candidate) => candidate.id === sessionId);
  if (!session) notFound();
  const today = todayInUk();
  const { permissions } = programme;
  // A session whose date has not come is only planned: it can be cancelled in advance, but nothing
  // about what happened, nor the child's feedback, can be recorded yet.
  const notYet = (session.heldOn ?? session.plannedOn) > today && session.status !== "ATTENDED";
  const feedbackPossible =
    permissions.canAskFeedback && !notYet && session.status !== "DID_NOT_ATTEND" && session.status !== "CANCELLED";

  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        trail={[{ href: `/programmes/${programme.id}`, label: `Direct work with ${programme.child.label}` }]}
        title={`Session ${session.number}: ${session.theme}`}
        aside={<SessionStatusBadge status={session.status} text={session.statusText} />}
      >
        <p className="text-muted">
          Planned for {formatDate(session.plannedOn)} · programme {formatDate(programme.startDate)} to{" "}
          {formatDate(programme.endDate)}
        </p>
      </PageHeader>

      {permissions.canWrite ? (
        <section aria-labelledby="record-heading" className="rounded border border-gray-300 bg-white p-6">
          <h2 id="record-heading" className="mb-4 text-xl font-bold">
            {notYet ? "Not held yet" : "What happened"}
          </h2>
          {notYet && (
            <p className="mb-4">
              {session.status === "CANCELLED"
                ? `This session, planned for ${formatDate(session.plannedOn)}, is recorded as cancelled.`
                : `This session is planned for ${formatDate(session.plannedOn)}. Record what happened, and ask for the child's feedback, once it has been held. If it will not go ahead, record the cancellation now.`}
            </p>
          )}
          <SessionRecordForm
            plannedOnly={notYet}
            programmeId={programme.id}
            session={{
              id: session.id,
              status: session.status,
              heldOn: session.heldOn ?? (session.plannedOn <= today ? session.plannedOn : ""),
              cancelledBy: session.cancelledBy,
              whatWasDone: session.whatWasDone,
              childsWords: session.childsWords,
              childsWordsShareable: session.childsWordsShareable,
              studentReflection: session.studentReflection,
              childRating: session.childRating,
              version: session.version,
            }}
            min={programme.startDate}
            max={today < programme.endDate ? today : programme.endDate}
          />
        </section>
      ) : (
        <section aria-labelledby="record-heading">
          <h2 id="record-heading" className="mb-3 text-xl font-bold">
            What happened
          </h2>
          <SummaryList
            rows={[
              ["Status", session.statusText],
              ["Held on", session.heldOn ? formatDate(session.heldOn) : null],
              ["What was done", session.whatWasDone || null],
              ["The child's words", session.childsWords || null],
              ["Student's reflection", session.studentReflection || null],
              ["Child's rating", session.childRating ? <RatingText rating={session.childRating} /> : null],
            ]}
          />
        </section>
      )}

      {feedbackPossible && (
        <section aria-labelledby="child-feedback-heading" className="rounded border border-gray-300 bg-white p-6">
          <h2 id="child-feedback-heading" className="mb-2 text-xl font-bold">
            The child&apos;s feedback
          </h2>
          <p className="mb-4">
            At the end of the session, hand the tablet to the child: the feedback screen shows nothing else of the
            system, not even their name. Or send a parent or carer a link they can use once, within 7 days.
          </p>
          <div className="flex flex-wrap items-start gap-4">
            <Link
              href={`/feedback/${session.id}`}
              className="rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline shadow-[0_2px_0_#0b2f31] hover:bg-brand-700"
            >
              Child feedback on the tablet
            </Link>
            <FeedbackLinkButton sessionId={session.id} />
          </div>
          {session.feedback.length > 0 && (
            <p className="mt-4 text-sm text-muted">
              {session.feedback.length} {session.feedback.length === 1 ? "answer" : "answers"} so far: see the programme
              page.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
