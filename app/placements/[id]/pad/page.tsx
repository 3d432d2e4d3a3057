import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/current-user";
import { getPad, type Pad } from "@/lib/portfolio/pad";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate, formatDateTime } from "@/lib/dates";
import { PrintFrame } from "@/components/supervision/print-document";
import { formatMinutes } from "@/lib/supervision/format";

export const metadata: Metadata = { title: "Practice Assessment Document" };
export const dynamic = "force-dynamic";

// The Practice Assessment Document as a university expects it, part by part;
// printed from the browser or downloaded as a PDF (the same parts, built by
// lib/portfolio/pad-pdf.ts).

const cell = "border border-gray-400 px-2 py-1 align-top print:border-black";
const th = `${cell} bg-gray-100 font-semibold print:bg-white`;

function Part({
  number,
  title,
  children,
  breakBefore = false,
}: {
  number?: number;
  title: string;
  children: ReactNode;
  breakBefore?: boolean;
}) {
  const id = `part-${number ?? title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section
      aria-labelledby={id}
      className={`mt-8 border-t-2 border-black pt-3 ${breakBefore ? "print:break-before-page" : ""}`}
    >
      <h2 id={id} className="mb-3 text-xl font-bold">
        {number ? `${number}. ` : ""}
        {title}
      </h2>
      {children}
    </section>
  );
}

function Text({ text, empty }: { text: string | null | undefined; empty: string }) {
  return text?.trim() ? <p className="whitespace-pre-wrap">{text}</p> : <p className="italic">{empty}</p>;
}

function Facts({ rows, caption }: { rows: Array<[string, ReactNode]>; caption: string }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {rows.map(([term, value]) => (
          <tr key={term}>
            <th scope="row" className={`${th} w-56`}>
              {term}
            </th>
            <td className={cell}>{value ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Meeting({
  meeting,
  kind,
}: {
  meeting: NonNullable<Pad["learningAgreement"]>;
  kind: "agreement" | "midpoint";
}) {
  const h3 = "mb-1 mt-3 font-bold";
  return (
    <>
      <Facts
        caption={kind === "agreement" ? "Learning agreement meeting" : "Midpoint review meeting"}
        rows={[
          ["Held on", formatDate(meeting.heldOn)],
          ["Present", meeting.attendees.join(", ") || "—"],
          ...(kind === "midpoint"
            ? ([
                ["Days completed at the review", meeting.daysCompletedAtMeeting ?? "—"],
                ["Summary", meeting.recommendation ?? "—"],
              ] as Array<[string, ReactNode]>)
            : []),
        ]}
      />
      {kind === "agreement" && (
        <>
          <h3 className={h3}>Learning needs</h3>
          <Text text={meeting.learningNeeds} empty="None recorded." />
          <h3 className={h3}>Learning opportunities promised</h3>
          <Text text={meeting.learningOpportunities} empty="None recorded." />
          <h3 className={h3}>Reasonable adjustments</h3>
          <Text text={meeting.reasonableAdjustments} empty="None recorded." />
          <h3 className={h3}>Supervision arrangements</h3>
          <Text text={meeting.supervisionArrangements} empty="None recorded." />
        </>
      )}
      {kind === "midpoint" && (
        <>
          <h3 className={h3}>Learning opportunities</h3>
          <Text text={meeting.learningOpportunities} empty="None recorded." />
          <h3 className={h3}>Reasonable adjustments reviewed</h3>
          <Text text={meeting.reasonableAdjustments} empty="None recorded." />
          {meeting.actionPlan.trim() && (
            <>
              <h3 className={h3}>Action plan</h3>
              <Text text={meeting.actionPlan} empty="" />
            </>
          )}
        </>
      )}
      <h3 className={h3}>Notes</h3>
      <Text text={meeting.notes} empty="None recorded." />
    </>
  );
}

function FeedbackList({ items, empty }: { items: Pad["serviceUserFeedback"]; empty: string }) {
  if (items.length === 0) return <p className="italic">{empty}</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id} className="print:break-inside-avoid">
          <h3 className="font-bold">
            {formatDate(item.occurredOn)}: {item.title}
            {item.childCode ? ` (child ${item.childCode})` : ""}
          </h3>
          <Text text={item.body} empty="No text." />
        </li>
      ))}
    </ul>
  );
}

export default async function PadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const pad = await loadOrNotFound(() => getPad(user, id));
  const front = pad.frontSheet;
  const report = pad.finalReport;

  return (
    <PrintFrame backHref={`/placements/${id}/final-assessment`} backLabel="Back to the final assessment">
      <header>
        <p className="text-sm">
          Social work practice placement · Placement Tracker · printed {formatDate(pad.generatedOn)} · children are
          referred to by code only
        </p>
        <h1 className="mb-1 mt-1 text-2xl font-bold">Practice Assessment Document</h1>
        <p className="mb-3 text-lg">{front.studentName}</p>
        <p className="no-print">
          <a href={`/api/v1/placements/${id}/pad.pdf`} className="text-brand-700 underline" download>
            Download as a PDF file
          </a>
        </p>
      </header>

      <Part number={1} title="Front sheet">
        <Facts
          caption="Front sheet"
          rows={[
            ["Student", front.studentName],
            ["University", front.universityName ?? "—"],
            ["Programme", [front.programmeName, front.cohortName].filter(Boolean).join(", ") || "—"],
            ["Level", front.level],
            ["Placement", `${front.setting}, ${front.teamName}`],
            ["Dates", `${formatDate(front.startDate)} to ${formatDate(front.endDate)}`],
            ["Days", `${front.daysCompleted} of ${front.daysRequired} required placement days completed`],
            [
              front.practiceEducators.length > 1 ? "Practice educators" : "Practice educator",
              <ul key="pes">
                {front.practiceEducators.map((spell) => (
                  <li key={`${spell.name}-${spell.from}`}>
                    {spell.name}
                    {spell.pepsStage ? ` (${spell.pepsStage})` : ""}, {formatDate(spell.from)} to{" "}
                    {spell.to ? formatDate(spell.to) : "date"}
                  </li>
                ))}
              </ul>,
            ],
            ["On-site supervisor", front.onsiteSupervisorName ?? "None"],
            ["University tutor", front.tutorName ?? "None"],
            ["Practice educator's recommendation", front.recommendation ?? "Not made yet"],
          ]}
        />
      </Part>

      <Part number={2} title="Practice learning agreement">
        {pad.learningAgreement ? (
          <Meeting meeting={pad.learningAgreement} kind="agreement" />
        ) : (
          <p className="italic">The learning agreement meeting has not been recorded.</p>
        )}
      </Part>

      <Part number={3} title="Index of evidence">
        {pad.evidence.length === 0 ? (
          <p className="italic">No evidence submitted yet.</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Evidence in the portfolio</caption>
            <thead>
              <tr>
                {["Date", "Title", "Type", "Status", "Capabilities"].map((heading) => (
                  <th key={heading} scope="col" className={th}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {pad.evidence.map((item) => (
                <tr key={item.id}>
                  <td className={`${cell} whitespace-nowrap`}>{formatDate(item.occurredOn)}</td>
                  <td className={cell}>
                    {item.title}
                    {item.childCode ? ` (child ${item.childCode})` : ""}
                  </td>
                  <td className={cell}>{item.type}</td>
                  <td className={cell}>{item.status}</td>
                  <td className={cell}>
                    {item.capabilities.length === 0
                      ? "—"
                      : item.capabilities.map((group) => (
                          <p key={group.framework}>
                            <span className="font-semibold">{group.framework}:</span> {group.capabilities.join("; ")}
                          </p>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Part>

      <Part number={4} title="Direct observations">
        {pad.observations.length === 0 && <p className="italic">No direct observations recorded.</p>}
        {pad.observations.map((observation, index) => (
          <article
            key={observation.id}
            aria-labelledby={`observation-${observation.id}`}
            className="mb-5 print:break-inside-avoid"
          >
            <h3 id={`observation-${observation.id}`} className="text-lg font-bold">
              Observation {index + 1}: {formatDate(observation.observedOn)}, {observation.activity}
            </h3>
            <p>
              Observed by {observation.observerName} ({observation.observerRole.toLowerCase()})
            </p>
            <h4 className="mt-2 font-bold">Student&apos;s preparation</h4>
            <Text text={observation.preparationNote} empty="None recorded." />
            <h4 className="mt-2 font-bold">Observer&apos;s feedback</h4>
            <Text text={observation.feedback} empty="Feedback not recorded yet." />
            {observation.domains.length > 0 && (
              <table className="mt-2 w-full border-collapse text-left text-sm">
                <caption className="sr-only">Feedback by PCF domain</caption>
                <thead>
                  <tr>
                    <th scope="col" className={th}>
                      PCF domain
                    </th>
                    <th scope="col" className={th}>
                      Feedback on the domain
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {observation.domains.map((domain) => (
                    <tr key={domain.label}>
                      <th scope="row" className={`${cell} font-normal`}>
                        {domain.label}
                      </th>
                      <td className={cell}>{domain.note || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h4 className="mt-2 font-bold">Student&apos;s reflection</h4>
            <Text text={observation.reflection} empty="No reflection written yet." />
          </article>
        ))}
      </Part>

      <Part number={5} title="Less formal observations">
        <FeedbackList items={pad.lessFormalObservations} empty="No professional feedback in the portfolio." />
      </Part>

      <Part number={6} title="Service user and carer feedback">
        <FeedbackList items={pad.serviceUserFeedback} empty="No child or family feedback in the portfolio." />
      </Part>

      <Part number={7} title="Critical reflection">
        <Text text={pad.criticalReflection?.text} empty="The student has not written their reflective summary yet." />
        {pad.criticalReflection && !pad.criticalReflection.signed && pad.criticalReflection.text.trim() && (
          <p className="mt-1 font-semibold">Draft: the student has not signed yet.</p>
        )}
      </Part>

      <Part number={8} title="Midpoint review">
        {pad.midpoint ? (
          <Meeting meeting={pad.midpoint} kind="midpoint" />
        ) : (
          <p className="italic">The midpoint review has not been recorded.</p>
        )}
      </Part>

      <Part number={9} title="Final report" breakBefore>
        {!report ? (
          <p className="italic">The final report has not been written yet.</p>
        ) : (
          <>
            <Facts
              caption="Final report status"
              rows={[
                ["Status", report.status],
                ["Recommendation", report.recommendation ?? "Not made yet"],
              ]}
            />
            <h3 className="mb-1 mt-3 text-lg font-bold">Holistic assessment</h3>
            <Text text={report.holisticSummary} empty="Not written yet." />
            <h3 className="mb-1 mt-3 text-lg font-bold">Assessment against the PCF domains</h3>
            {report.domains.map((domain) => (
              <div key={domain.label} className="mb-2 print:break-inside-avoid">
                <h4 className="font-bold">{domain.label}</h4>
                <Text text={domain.text} empty="Not written yet." />
              </div>
            ))}
            <h3 className="mb-1 mt-3 text-lg font-bold">Signatures</h3>
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Signatures</caption>
              <thead>
                <tr>
                  <th scope="col" className={th}>
                    Role
                  </th>
                  <th scope="col" className={th}>
                    Name
                  </th>
                  <th scope="col" className={th}>
                    Signed
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.signatures.map((signature) => (
                  <tr key={signature.role}>
                    <th scope="row" className={`${cell} font-normal`}>
                      {signature.role}
                    </th>
                    <td className={cell}>{signature.name}</td>
                    <td className={cell}>
                      {signature.signedAt ? formatDateTime(new Date(signature.signedAt)) : "Not signed yet"}
                    </td>
                  </tr>
                ))}
                {report.ratification.needed && (
                  <tr>
                    <th scope="row" className={`${cell} font-normal`}>
                      Ratified by (PEPS stage 2)
                    </th>
                    <td className={cell}>{report.ratification.name ?? "—"}</td>
                    <td className={cell}>
                      {report.ratification.ratifiedAt
                        ? formatDateTime(new Date(report.ratification.ratifiedAt))
                        : "Not ratified yet"}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </>
        )}
      </Part>

      <Part number={10} title="Professional development plan">
        <Text text={pad.developmentPlan} empty="Not written yet." />
      </Part>

      <Part title="Supervision log">
        <p className="mb-2">
          {pad.supervision.sessions.length} signed supervision session{pad.supervision.sessions.length === 1 ? "" : "s"}
          , {formatMinutes(pad.supervision.totalMinutes)} in all.
        </p>
        {pad.supervision.sessions.length > 0 && (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Signed supervision sessions</caption>
            <thead>
              <tr>
                {["No.", "Date", "Type", "Length"].map((heading) => (
                  <th key={heading} scope="col" className={th}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {pad.supervision.sessions.map((session, index) => (
                <tr key={`${session.heldOn}-${session.startTime}-${index}`}>
                  <td className={cell}>{index + 1}</td>
                  <td className={`${cell} whitespace-nowrap`}>
                    {formatDate(session.heldOn)}, {session.startTime}
                  </td>
                  <td className={cell}>{session.type}</td>
                  <td className={cell}>{formatMinutes(session.durationMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Part>

      {pad.appendix && (
        <Part title={`Appendix: PCF level descriptors (${pad.appendix.levelLabel})`} breakBefore>
          <p className="mb-2">
            {pad.appendix.frameworkName}, version {pad.appendix.version}.
          </p>
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">
              What each domain looks like at the {pad.appendix.levelLabel.toLowerCase()}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={`${th} w-1/3`}>
                  Domain
                </th>
                <th scope="col" className={th}>
                  At the {pad.appendix.levelLabel.toLowerCase()}
                </th>
              </tr>
            </thead>
            <tbody>
              {pad.appendix.items.map((item) => (
                <tr key={item.label}>
                  <th scope="row" className={`${cell} font-semibold`}>
                    {item.label}
                    {item.superDomain ? <span className="block text-xs font-normal">{item.superDomain}</span> : null}
                  </th>
                  <td className={cell}>{item.descriptor || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Part>
      )}
    </PrintFrame>
  );
}
