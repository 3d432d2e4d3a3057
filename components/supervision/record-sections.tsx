import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "@/lib/dates";
import { pcfDomainName } from "@/lib/frameworks/pcf";
import { ACTION_OWNER_LABELS, SUPERVISION_TYPE_LABELS } from "@/lib/validations/supervision";
import type { SupervisionRecordDto } from "@/lib/supervision/supervision-record-dto";
import { ACTION_STATUS_LABELS, attendeeNames, formatMinutes } from "@/lib/supervision/format";

// Read-only parts of a supervision record, for the record page and the print views.

export function TextBlock({ text, empty = "Nothing recorded." }: { text: string | null | undefined; empty?: string }) {
  if (!text?.trim()) return <p className="italic text-muted print:text-black">{empty}</p>;
  return <div className="whitespace-pre-wrap break-words">{text}</div>;
}

function Heading({ level, children }: { level: 2 | 3 | 4; children: ReactNode }) {
  const Tag = `h${level}` as "h2" | "h3" | "h4";
  const size =
    level === 2
      ? "text-xl print:text-[14pt]"
      : level === 3
        ? "text-lg print:text-[12pt]"
        : "text-base print:text-[10.5pt]";
  return <Tag className={`${size} mb-1 mt-4 font-bold print:mt-3`}>{children}</Tag>;
}

export type RecordNames = { student: string; onsiteSupervisor?: string | null };

/** Date, time, length, type and who was there. */
export function SessionFacts({ record, names }: { record: SupervisionRecordDto; names: RecordNames }) {
  const attendees = attendeeNames(record, {
    student: names.student,
    practiceEducator: record.authorName,
    onsiteSupervisor: names.onsiteSupervisor,
  });
  const rows: Array<[string, ReactNode]> = [
    ["Date", formatDate(record.heldOn)],
    ["Start time", record.startTime],
    ["Length", formatMinutes(record.durationMinutes)],
    ["Type", SUPERVISION_TYPE_LABELS[record.type]],
    [
      "Attendees",
      attendees.length ? (
        <ul>
          {/* Keyed by position: two students another reader may not see share the same words. */}
          {attendees.map((name, index) => (
            <li key={index}>{name}</li>
          ))}
        </ul>
      ) : (
        "None recorded"
      ),
    ],
    ["Recorded by", record.authorName],
  ];
  return (
    <dl className="grid grid-cols-1 divide-y divide-gray-200 rounded border border-gray-300 bg-white print:divide-gray-500 print:rounded-none print:border-black">
      {rows.map(([term, value]) => (
        <div
          key={term}
          className="grid grid-cols-1 gap-1 px-3 py-1.5 sm:grid-cols-[10rem_1fr] print:grid-cols-[9rem_1fr]"
        >
          <dt className="font-semibold">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Agenda, the discussion headings and the PCF domains. */
export function NotesSections({ record, level = 2 }: { record: SupervisionRecordDto; level?: 2 | 3 }) {
  const sub = (level + 1) as 3 | 4;
  return (
    <div className="print:break-inside-auto">
      <Heading level={level}>Agenda</Heading>
      <TextBlock text={record.agenda} />
      <Heading level={level}>Discussion</Heading>
      <Heading level={sub}>Case discussion</Heading>
      <TextBlock text={record.caseDiscussion} />
      <Heading level={sub}>Reflection and learning</Heading>
      <TextBlock text={record.reflectionAndLearning} />
      <Heading level={sub}>Wellbeing and workload</Heading>
      <TextBlock text={record.wellbeingAndWorkload} />
      <Heading level={level}>PCF domains discussed</Heading>
      {record.pcfDomains.length ? (
        <ul className="list-disc pl-6">
          {record.pcfDomains.map((code) => (
            <li key={code}>{pcfDomainName(code)}</li>
          ))}
        </ul>
      ) : (
        <TextBlock text="" empty="None recorded." />
      )}
    </div>
  );
}

/** Agreed actions as a table: for print. */
export function ActionsTable({ actions, caption }: { actions: SupervisionRecordDto["actions"]; caption: string }) {
  if (actions.length === 0) return <TextBlock text="" empty="No actions agreed." />;
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {["Action", "Owner", "Due", "Status"].map((heading) => (
            <th
              key={heading}
              scope="col"
              className="border border-gray-400 bg-gray-100 px-2 py-1 print:border-black print:bg-white"
            >
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id} className="align-top">
            <td className="border border-gray-400 px-2 py-1 print:border-black">{action.description}</td>
            <td className="border border-gray-400 px-2 py-1 print:border-black">{ACTION_OWNER_LABELS[action.owner]}</td>
            <td className="whitespace-nowrap border border-gray-400 px-2 py-1 print:border-black">
              {formatDate(action.dueDate)}
            </td>
            <td className="border border-gray-400 px-2 py-1 print:border-black">
              {ACTION_STATUS_LABELS[action.status]}
              {action.status !== "OPEN" && action.completedByName && action.completedAt && (
                <span className="block text-xs">
                  {action.completedByName}, {formatDateTime(new Date(action.completedAt))}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Both signatures, with name and date and time, and the student's disagreement if any. */
export function Signatures({ record }: { record: SupervisionRecordDto }) {
  const rows: Array<[string, string | null, string | null]> = [
    ["Practice educator", record.peSignedByName, record.peSignedAt],
    ["Student", record.studentSignedByName, record.studentSignedAt],
  ];
  return (
    <div className="print:break-inside-avoid">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Signatures</caption>
        <thead>
          <tr>
            {["Signed by", "Name", "Signed at"].map((heading) => (
              <th
                key={heading}
                scope="col"
                className="border border-gray-400 bg-gray-100 px-2 py-1 print:border-black print:bg-white"
              >
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([role, name, at]) => (
            <tr key={role}>
              <th scope="row" className="border border-gray-400 px-2 py-1 font-semibold print:border-black">
                {role}
              </th>
              <td className="border border-gray-400 px-2 py-1 print:border-black">{name ?? "—"}</td>
              <td className="border border-gray-400 px-2 py-1 print:border-black">
                {at ? formatDateTime(new Date(at)) : <span className="font-semibold">Not yet signed</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {record.studentDisagreement && (
        <div className="mt-2 border-l-4 border-amber-700 bg-amber-50 p-3 print:border-black print:bg-white">
          <p className="font-semibold">The student signed but disagrees with these notes:</p>
          <TextBlock text={record.studentDisagreement} />
        </div>
      )}
    </div>
  );
}

export function AddendaList({ addenda }: { addenda: SupervisionRecordDto["addenda"] }) {
  if (addenda.length === 0) return <TextBlock text="" empty="No addenda." />;
  return (
    <ol className="space-y-3">
      {addenda.map((addendum) => (
        <li
          key={addendum.id}
          className="rounded border border-gray-300 bg-white p-3 print:break-inside-avoid print:rounded-none print:border-black"
        >
          <p className="text-sm font-semibold">
            {addendum.authorName}, {formatDateTime(new Date(addendum.createdAt))}
          </p>
          <TextBlock text={addendum.text} />
        </li>
      ))}
    </ol>
  );
}
