import type { ReactNode } from "react";
import Link from "next/link";
import { formatDate, todayInUk } from "@/lib/dates";
import type { SupervisionLog } from "@/lib/supervision/get-supervision-log";
import type { SupervisionRecordDto } from "@/lib/supervision/supervision-record-dto";
import { SUPERVISION_TYPE_LABELS } from "@/lib/validations/supervision";
import { SupervisionStatusBadge } from "./status-badge";
import { formatMinutes } from "@/lib/supervision/format";
import { ActionsTable, AddendaList, NotesSections, SessionFacts, Signatures, TextBlock } from "./record-sections";
import { PrintButton } from "./print-button";

// The printed supervision record, laid out as a university expects it:
// who and when at the top, then each session with both signatures.

const PRINT_CSS = `
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { background: #fff; color: #000; font-size: 10.5pt; }
  #main { max-width: none; padding: 0; margin: 0; }
  .print-doc a { color: #000; text-decoration: none; }
  .print-doc h1, .print-doc h2, .print-doc h3 { break-after: avoid; }
}
`;

type Placement = SupervisionLog["placement"];

/** The page around a print view: back link and print button on screen, plain black on white on paper. */
export function PrintFrame({
  backHref,
  backLabel,
  children,
}: {
  backHref: string;
  backLabel: string;
  children: ReactNode;
}) {
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-center justify-between gap-3">
        <Link href={backHref} className="text-brand-700 underline">
          {backLabel}
        </Link>
        <PrintButton />
      </div>
      <div className="print-doc mx-auto max-w-4xl bg-white p-6 text-black shadow-sm ring-1 ring-gray-300 sm:p-10 print:max-w-none print:p-0 print:shadow-none print:ring-0">
        {children}
      </div>
    </>
  );
}

/** Student, university, practice educators, supervisors and dates. */
export function PrintHeader({ title, placement }: { title: string; placement: Placement }) {
  const rows: Array<[string, ReactNode]> = [
    ["Student", placement.studentName],
    ["University", placement.universityName ?? "—"],
    ["Programme", placement.programmeName ?? "—"],
    ["Placement", `${placement.level === "FIRST" ? "First" : "Final"} placement, ${placement.setting}`],
    ["Placement dates", `${formatDate(placement.startDate)} to ${formatDate(placement.endDate)}`],
    [
      placement.practiceEducators.length > 1 ? "Practice educators" : "Practice educator",
      placement.practiceEducators.length ? (
        <ul>
          {placement.practiceEducators.map((spell) => (
            <li key={`${spell.name}-${spell.startDate}`}>
              {spell.name}, {formatDate(spell.startDate)} to {spell.endDate ? formatDate(spell.endDate) : "date"}
            </li>
          ))}
        </ul>
      ) : (
        "None assigned"
      ),
    ],
    ["On-site supervisor", placement.onsiteSupervisorName ?? "None"],
    ["University tutor", placement.tutorName ?? "None"],
    [
      "Supervision expected",
      `${placement.supervisionEveryWeeks === 1 ? "Every week" : `Every ${placement.supervisionEveryWeeks} weeks`}, at least ${formatMinutes(placement.supervisionMinMinutes)}`,
    ],
  ];
  return (
    <header className="mb-6">
      <p className="text-sm">Social work practice placement · Placement Tracker · printed {formatDate(todayInUk())}</p>
      <h1 className="mb-3 mt-1 text-2xl font-bold">{title}</h1>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Placement details</caption>
        <tbody>
          {rows.map(([term, value]) => (
            <tr key={term} className="align-top">
              <th
                scope="row"
                className="w-48 border border-gray-400 bg-gray-50 px-2 py-1 font-semibold print:border-black print:bg-white"
              >
                {term}
              </th>
              <td className="border border-gray-400 px-2 py-1 print:border-black">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </header>
  );
}

/** One session, complete: facts, notes, actions, the student's reflection, signatures and addenda. */
export function PrintRecord({
  record,
  number,
  placement,
  pageBreak,
}: {
  record: SupervisionRecordDto;
  number?: number;
  placement: Placement;
  pageBreak: boolean;
}) {
  const h3 = "mb-1 mt-4 text-lg font-bold print:mt-3 print:text-[12pt]";
  return (
    <article
      aria-labelledby={`record-${record.id}`}
      className={`mt-8 border-t-2 border-black pt-4 print:mt-0 ${pageBreak ? "print:break-before-page" : ""}`}
    >
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`record-${record.id}`} className="text-xl font-bold">
          {number ? `Session ${number}: ` : ""}
          {formatDate(record.heldOn)}, {SUPERVISION_TYPE_LABELS[record.type].toLowerCase()}
        </h2>
        <p>
          <span className="font-semibold">Status: </span>
          <SupervisionStatusBadge status={record.status} />
        </p>
      </div>
      <SessionFacts
        record={record}
        names={{ student: placement.studentName, onsiteSupervisor: placement.onsiteSupervisorName }}
      />
      <NotesSections record={record} level={3} />
      <h3 className={h3}>Agreed actions</h3>
      <ActionsTable actions={record.actions} caption={`Actions agreed on ${formatDate(record.heldOn)}`} />
      <h3 className={h3}>Student&apos;s reflection</h3>
      <TextBlock text={record.studentReflection} empty="No reflection written." />
      <h3 className={h3}>Signatures</h3>
      <Signatures record={record} />
      {record.addenda.length > 0 && (
        <>
          <h3 className={h3}>Addenda</h3>
          <AddendaList addenda={record.addenda} />
        </>
      )}
    </article>
  );
}
