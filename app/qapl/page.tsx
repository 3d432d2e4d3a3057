import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { canSeeQaplBoard } from "@/lib/access/qapl";
import { qaplBoard, qaplDueFor, type QaplBoardRow } from "@/lib/qapl/qapl";
import { QAPL_MINIMUM_GROUP, QAPL_QUESTIONS, type QaplAggregate, type QaplRespondentName } from "@/lib/qapl/questions";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "QAPL evaluations" };
export const dynamic = "force-dynamic";

/** The mean of a group's question means: one figure to compare groups by. */
function overall(aggregate: QaplAggregate): string {
  if (aggregate.responses === 0) return "No responses";
  if (aggregate.suppressed) return `${aggregate.responses} (fewer than ${QAPL_MINIMUM_GROUP}: not shown)`;
  const values = Object.values(aggregate.averages).filter((value): value is number => value !== null);
  if (values.length === 0) return `${aggregate.responses} responses`;
  const mean = Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
  return `${mean} of 5 (${aggregate.responses} response${aggregate.responses === 1 ? "" : "s"})`;
}

function Details({ row }: { row: QaplBoardRow }) {
  const parts: Array<[QaplRespondentName, QaplAggregate]> = [
    ["STUDENT", row.student],
    ["PRACTICE_EDUCATOR", row.practiceEducator],
    ["PROVIDER", row.provider],
  ];
  return (
    <details>
      <summary className="cursor-pointer text-brand-700 underline">
        Each question
        <span className="sr-only">
          : {row.name}, {row.year}
        </span>
      </summary>
      <ul className="mt-1 list-none text-sm">
        {parts.flatMap(([respondent, aggregate]) =>
          aggregate.responses === 0 || aggregate.suppressed
            ? []
            : QAPL_QUESTIONS[respondent].map((question) => (
                <li key={`${respondent}-${question.code}`}>
                  {question.text}: <strong>{aggregate.averages[question.code] ?? "—"}</strong>
                </li>
              )),
        )}
      </ul>
    </details>
  );
}

export default async function QaplPage() {
  const user = await requireUser();
  const due = await qaplDueFor(user);
  const board = canSeeQaplBoard(user) ? await qaplBoard(user) : null;
  const cell = "border border-gray-300 px-3 py-2 align-top";
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">QAPL evaluations</h1>
      <p className="mb-6 max-w-3xl text-muted">
        Quality Assurance in Practice Learning: at the end of each placement the student, the practice educator and the
        placement provider evaluate it. The overview goes to the local QAPL board of universities and councils.
      </p>
      <section aria-labelledby="due-heading" className="mb-8">
        <h2 id="due-heading" className="mb-2 text-2xl font-bold">
          Waiting for your evaluation
        </h2>
        {due.length === 0 ? (
          <p>Nothing is waiting for you.</p>
        ) : (
          <ul className="list-none space-y-1">
            {due.map((item) => (
              <li key={item.placementId}>
                <Link href={`/placements/${item.placementId}/qapl`} className="font-semibold text-brand-700 underline">
                  {item.studentName}&apos;s placement, ended {formatDate(item.endDate)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {board && (
        <section aria-labelledby="board-heading">
          <h2 id="board-heading" className="mb-2 text-2xl font-bold">
            Overview for the QAPL board
          </h2>
          <p className="mb-3 max-w-3xl">
            Mean ratings from 1 (poor) to 5 (excellent) by academic year. Students&apos; ratings are shown only for
            groups of at least {QAPL_MINIMUM_GROUP} students, so no student can be picked out.{" "}
            <a href="/api/v1/exports/qapl.csv" className="font-semibold text-brand-700 underline" download>
              Download the overview as CSV
            </a>
          </p>
          {board.length === 0 ? (
            <p className="rounded border border-gray-300 bg-white p-4">No evaluations yet.</p>
          ) : (
            (["team", "practice educator"] as const).map((group) => (
              <div key={group} className="mb-6 overflow-x-auto">
                <table className="w-full border-collapse bg-white text-left">
                  <caption className="mb-2 text-left text-lg font-semibold">
                    By {group === "team" ? "team (placement provider)" : "practice educator"}
                  </caption>
                  <thead>
                    <tr>
                      {[
                        group === "team" ? "Team" : "Practice educator",
                        "Year",
                        "Students",
                        "Practice educators",
                        "Provider",
                        "Detail",
                      ].map((heading) => (
                        <th key={heading} scope="col" className={`${cell} bg-gray-100`}>
                          {heading}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {board
                      .filter((row) => row.group === group)
                      .map((row) => (
                        <tr key={`${row.name}-${row.year}`}>
                          <th scope="row" className={cell}>
                            {row.name}
                          </th>
                          <td className={cell}>{row.year}</td>
                          <td className={cell}>{overall(row.student)}</td>
                          <td className={cell}>{overall(row.practiceEducator)}</td>
                          <td className={cell}>{overall(row.provider)}</td>
                          <td className={cell}>
                            <Details row={row} />
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            ))
          )}
        </section>
      )}
    </div>
  );
}
