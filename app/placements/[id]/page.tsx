import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { portfolioAreasFor } from "@/lib/access/portfolio";
import { getPlacement } from "@/lib/placements/get-placement";
import { listPeopleForChoosing } from "@/lib/users/users";
import { loadOrNotFound } from "@/lib/page-guards";
import { formatDate, todayInUk } from "@/lib/dates";
import { PlacementStatusBadge } from "@/components/status-badge";
import { ProgressBar } from "@/components/progress-bar";
import { SummaryList } from "@/components/summary-list";
import { ATTENDANCE_KIND_LABELS } from "@/lib/placements/attendance-kinds";
import { AttendanceForm } from "./attendance-form";
import { RemoveAttendanceButton } from "./remove-attendance-button";
import { ChangePracticeEducatorForm } from "./change-practice-educator-form";
import { supervisionOverviewFor } from "@/lib/supervision/supervision-overview";
import { PlacementPortfolioNav } from "@/components/portfolio/placement-portfolio-nav";
import { OverdueFlag } from "@/components/supervision/status-badge";
import { formatHours } from "@/lib/supervision/format";
import { loadPlacementProgress } from "@/lib/progress/placement-progress";
import { ProgressSummary } from "@/components/progress/progress-summary";
import { PageHeader } from "@/components/page-header";
import { TableRegion } from "@/components/table-region";

export const metadata: Metadata = { title: "Placement" };
export const dynamic = "force-dynamic";

export default async function PlacementPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const placement = await loadOrNotFound(() => getPlacement(user, id));
  const practiceEducators = placement.permissions.canManage
    ? await listPeopleForChoosing(user, "PRACTICE_EDUCATOR")
    : [];
  // Empty for on-site supervisors, who do not see supervision.
  const [supervisionOverview, progress] = await Promise.all([
    supervisionOverviewFor(user, [placement.id]),
    loadPlacementProgress(user, placement.id),
  ]);
  const supervision = supervisionOverview.get(placement.id);
  const { days } = placement;
  const peps = placement.currentPracticeEducator?.pepsStage;

  return (
    <div className="space-y-8">
      <div>
        <PageHeader
          trail={[{ href: "/placements", label: "Placements" }]}
          title={placement.student.name}
          aside={<PlacementStatusBadge status={placement.status} />}
        />
        <p className="text-muted">
          {placement.level === "FIRST" ? "First" : "Final"} placement · {placement.setting} · {placement.teamName}
        </p>
        {placement.statusReason && (
          <p className="mt-2 border-l-4 border-amber-700 bg-amber-50 p-3">
            <span className="font-semibold">Reason: </span>
            {placement.statusReason}
          </p>
        )}
        {placement.level === "FINAL" && peps === "STAGE_1" && (
          <p className="mt-2 border-l-4 border-amber-700 bg-amber-50 p-3">
            <span className="font-semibold">Warning: </span>
            the practice educator is at PEPS stage 1. A final placement&apos;s assessment needs a stage 2 practice
            educator to ratify it.
          </p>
        )}
        {placement.permissions.canManage && (
          <p className="mt-3">
            <Link
              href={`/placements/${placement.id}/edit`}
              className="rounded border-2 border-brand-600 px-3 py-1.5 font-semibold text-brand-700 no-underline"
            >
              Edit placement or change status
            </Link>
          </p>
        )}
      </div>

      {progress && (
        <section aria-labelledby="progress-heading" className="rounded border border-gray-300 bg-white p-4">
          <h2 id="progress-heading" className="mb-3 text-xl font-bold">
            Progress
          </h2>
          <ProgressSummary
            id="placement-progress"
            detail={progress}
            level={3}
            numbers={false}
            evidenceLink={portfolioAreasFor(user).evidence}
          />
        </section>
      )}

      <section aria-labelledby="days-heading" className="rounded border border-gray-300 bg-white p-4">
        <h2 id="days-heading" className="mb-3 text-xl font-bold">
          Days
        </h2>
        <ProgressBar value={days.completed} max={days.required} label="Placement days completed" />
        <ul className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <li>
            <span className="font-semibold">{days.remaining}</span> days to go
          </li>
          <li>
            <span className="font-semibold">{days.skillsDays}</span> skills days
          </li>
          <li>
            <span className="font-semibold">{days.absences}</span> days sick or absent
          </li>
          <li>
            Projected end: <span className="font-semibold">{formatDate(days.projectedEndDate)}</span>
            {days.projectedLate && (
              <span className="block text-red-800">After the planned end ({formatDate(placement.endDate)})</span>
            )}
          </li>
        </ul>
        <p className="mt-2 text-sm text-muted">
          Days missed through sickness or absence are made up at the end, so they move the projected end date.
        </p>
      </section>

      {supervision && (
        <section aria-labelledby="supervision-heading" className="rounded border border-gray-300 bg-white p-4">
          <div className="mb-3 flex flex-wrap items-center gap-3">
            <h2 id="supervision-heading" className="text-xl font-bold">
              Supervision
            </h2>
            {supervision.overdue && <OverdueFlag />}
          </div>
          <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            <li>
              <span className="font-semibold">{supervision.sessions}</span>{" "}
              {supervision.sessions === 1 ? "session" : "sessions"}
            </li>
            <li>
              <span className="font-semibold">{formatHours(supervision.totalMinutes)}</span> hours
            </li>
            <li>
              <span className="font-semibold">{supervision.missed}</span> missed{" "}
              {supervision.missed === 1 ? "week" : "weeks"}
            </li>
            <li>
              Last session:{" "}
              <span className="font-semibold">
                {supervision.lastSessionOn ? formatDate(supervision.lastSessionOn) : "none yet"}
              </span>
            </li>
          </ul>
          {supervision.overdue && (
            <p className="mt-2 text-sm font-semibold text-red-800">
              Supervision is overdue: no session in the expected interval.
            </p>
          )}
          <p className="mt-3">
            <Link href={`/placements/${placement.id}/supervision`} className="font-semibold text-brand-700 underline">
              Open the supervision log
            </Link>
          </p>
        </section>
      )}

      <PlacementPortfolioNav user={user} placementId={placement.id} />

      <section aria-labelledby="details-heading">
        <h2 id="details-heading" className="mb-3 text-xl font-bold">
          Details
        </h2>
        <SummaryList
          rows={[
            [
              "Student",
              <>
                {placement.student.name} <span className="text-muted">({placement.student.email})</span>
              </>,
            ],
            ["University", placement.university?.name],
            [
              "Programme",
              [
                placement.programmeName,
                placement.cohortName,
                placement.yearOfStudy ? `year ${placement.yearOfStudy}` : null,
              ]
                .filter(Boolean)
                .join(", "),
            ],
            ["Dates", `${formatDate(placement.startDate)} to ${formatDate(placement.endDate)}`],
            ["Required days", placement.requiredDays],
            [
              "Practice educator",
              placement.currentPracticeEducator
                ? `${placement.currentPracticeEducator.name}${peps ? ` (PEPS ${peps === "STAGE_1" ? "stage 1" : "stage 2"})` : ""}`
                : "None assigned",
            ],
            ["On-site supervisor", placement.onsiteSupervisor?.name ?? "None"],
            ["University tutor", placement.tutor?.name ?? "None"],
          ]}
        />
      </section>

      <section aria-labelledby="pe-heading">
        <h2 id="pe-heading" className="mb-3 text-xl font-bold">
          Practice educator history
        </h2>
        <TableRegion label="Practice educator history">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Who was practice educator when</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Practice educator
                </th>
                <th scope="col" className="px-3 py-2">
                  From
                </th>
                <th scope="col" className="px-3 py-2">
                  To
                </th>
                <th scope="col" className="px-3 py-2">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody>
              {placement.practiceEducators.map((spell) => (
                <tr key={spell.id} className="border-t border-gray-200">
                  <td className="px-3 py-2">{spell.name}</td>
                  <td className="px-3 py-2">{formatDate(spell.startDate)}</td>
                  <td className="px-3 py-2">{spell.endDate ? formatDate(spell.endDate) : "Current"}</td>
                  <td className="px-3 py-2">{spell.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        {placement.permissions.canManage && placement.status !== "COMPLETED" && placement.status !== "ENDED_EARLY" && (
          <details className="mt-3 rounded border border-gray-300 bg-white p-4">
            <summary className="cursor-pointer font-semibold text-brand-700">Change practice educator</summary>
            <div className="mt-4">
              <ChangePracticeEducatorForm
                placementId={placement.id}
                options={practiceEducators
                  .filter((pe) => pe.id !== placement.currentPracticeEducator?.id)
                  .map((pe) => ({
                    value: pe.id,
                    label: `${pe.name}${pe.pepsStage ? ` (PEPS ${pe.pepsStage === "STAGE_1" ? "stage 1" : "stage 2"})` : ""}`,
                  }))}
                today={todayInUk()}
              />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="attendance-heading">
        <h2 id="attendance-heading" className="mb-3 text-xl font-bold">
          Attendance
        </h2>
        {placement.permissions.canRecordAttendance && placement.status === "ACTIVE" && (
          <div className="mb-4 rounded border border-gray-300 bg-white p-4">
            <h3 className="mb-3 text-lg font-semibold">Log a day</h3>
            <AttendanceForm placementId={placement.id} today={todayInUk()} />
          </div>
        )}
        {placement.attendance.length === 0 ? (
          <p className="rounded border border-gray-300 bg-white p-4">No days logged yet.</p>
        ) : (
          <div
            className="relative max-h-[28rem] overflow-y-auto rounded border border-gray-300 bg-white"
            tabIndex={0}
            role="region"
            aria-label="Days logged"
          >
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Days logged, newest first</caption>
              <thead className="sticky top-0 bg-gray-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Date
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Day
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Note
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Logged by
                  </th>
                  {placement.permissions.canRecordAttendance && (
                    <th scope="col" className="px-3 py-2">
                      <span className="sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {placement.attendance.map((day) => (
                  <tr key={day.id} className="border-t border-gray-200">
                    <td className="whitespace-nowrap px-3 py-1.5">{formatDate(day.date)}</td>
                    <td className="px-3 py-1.5">{ATTENDANCE_KIND_LABELS[day.kind]}</td>
                    <td className="px-3 py-1.5">{day.note ?? ""}</td>
                    <td className="px-3 py-1.5">{day.recordedByName}</td>
                    {placement.permissions.canRecordAttendance && (
                      <td className="px-3 py-1.5 text-right">
                        <RemoveAttendanceButton
                          placementId={placement.id}
                          attendanceId={day.id}
                          label={`${ATTENDANCE_KIND_LABELS[day.kind]} on ${formatDate(day.date)}`}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
