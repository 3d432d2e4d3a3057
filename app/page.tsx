import Link from "next/link";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { dashboardPermissionsFor, homePageFor, type DashboardPermissions } from "@/lib/access/navigation";
import { loadPlacementDashboard, SUMMARY_CAP } from "@/lib/progress/dashboard";
import { loadPracticeEducatorDashboard, loadStudentProgress, type StudentCard } from "@/lib/progress/student-cards";
import { loadTeamOverview } from "@/lib/progress/team-overview";
import { filtersQuery, parseDashboardFilters, type DashboardFilters } from "@/lib/progress/dashboard-filters";
import { RAG_LABELS } from "@/lib/children/allocation-rag";
import { OpenConcernsBanner } from "@/components/safeguarding/open-concerns-banner";
import { OpenPortfolioConcerns } from "@/components/portfolio/open-portfolio-concerns";
import { RatificationNotice } from "@/components/portfolio/ratification-notice";
import { FiltersForm } from "@/components/progress/filters-form";
import { ProgressTable } from "@/components/progress/progress-table";
import { Pagination } from "@/components/progress/pagination";
import { ProgressSummary } from "@/components/progress/progress-summary";
import { PlacementStatusBadge } from "@/components/status-badge";
import { BarChart } from "@/components/charts/bar-chart";
import { CHART_COLOURS } from "@/components/charts/patterns";
import { RagLabel } from "@/components/progress/rag-status";
import { ToDoPanel } from "./to-do-panel";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const title = `Hello, ${greetingName(user.name)}`;

  const home = homePageFor(user);
  if (home === "practice-educator") return <PracticeEducatorHome user={user} title={title} />;
  if (home === "student") return <StudentHome user={user} title={title} />;
  if (home === "on-site") return <OnsiteHome user={user} title={title} />;
  if (home === "school") redirect("/school");
  if (home === "panels") redirect("/panels");
  if (home === "impact") redirect("/reports/impact");
  return <PlacementsHome user={user} title={title} filters={parseDashboardFilters(await searchParams)} />;
}

const INTRO: Record<DashboardPermissions["scope"], string> = {
  university: "Your university's students on placement with the team.",
  "on-site": "The students you supervise on site.",
  team: "Every placement the team hosts.",
};

/** Tutor, team manager and on-site supervisor: the filterable placement table with its charts. */
async function PlacementsHome({
  user,
  title,
  filters,
}: {
  user: SessionUser;
  title: string;
  filters: DashboardFilters;
}) {
  const can = dashboardPermissionsFor(user);
  const [dashboard, team] = await Promise.all([
    loadPlacementDashboard(user, filters),
    can.canSeeTeamOverview ? loadTeamOverview(user) : Promise.resolve(null),
  ]);
  const intro = INTRO[can.scope];
  const query = filtersQuery(filters);

  return (
    <HomeFrame title={title} intro={intro}>
      <ToDoPanel user={user} />
      {/* Open safeguarding concerns stay at the top until someone records the action taken. */}
      <OpenConcernsBanner user={user} />
      <OpenPortfolioConcerns user={user} />
      <FiltersForm
        action="/"
        filters={filters}
        options={dashboard.options}
        show={{ team: can.canFilterByTeam && dashboard.options.teams.length > 1 }}
      />

      <section aria-labelledby="overview-heading" className="mb-8">
        <h2 id="overview-heading" className="mb-3 text-xl font-bold">
          At a glance
        </h2>
        {dashboard.capped && (
          <p className="mb-3 border-l-4 border-amber-700 bg-amber-50 p-3">
            More than {SUMMARY_CAP.toLocaleString("en-GB")} placements match: the charts and the table cover the first{" "}
            {SUMMARY_CAP.toLocaleString("en-GB")} by student name. Narrow the filters to see the rest.
          </p>
        )}
        <div className="grid gap-4 md:grid-cols-2">
          <BarChart
            id="rag-chart"
            title={`RAG status of ${dashboard.summarised} ${dashboard.summarised === 1 ? "placement" : "placements"}`}
            bars={[
              {
                label: "Red",
                value: dashboard.ragCounts.RED,
                colour: CHART_COLOURS.red,
                pattern: "crosshatch",
                note: "placements",
              },
              {
                label: "Amber",
                value: dashboard.ragCounts.AMBER,
                colour: CHART_COLOURS.amber,
                pattern: "stripes",
                note: "placements",
              },
              {
                label: "Green",
                value: dashboard.ragCounts.GREEN,
                colour: CHART_COLOURS.green,
                pattern: "solid",
                note: "placements",
              },
            ]}
          />
          <BarChart
            id="days-chart"
            title="Required days completed"
            description="Placements by the share of their required days done."
            bars={dashboard.daysBuckets.map((bucket) => ({
              label: bucket.label,
              value: bucket.count,
              note: "placements",
            }))}
          />
        </div>
      </section>

      <section aria-labelledby="placements-heading" className="mb-8">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="placements-heading" className="text-xl font-bold">
            Placements
          </h2>
          {can.canReport && (
            <p className="no-print flex flex-wrap gap-4">
              <a
                href={`/api/v1/exports/placements.csv${query}`}
                className="font-semibold text-brand-700 underline"
                download
              >
                Download CSV<span className="sr-only"> of these placements</span>
              </a>
              <Link href={`/reports/cohort${query}`} className="font-semibold text-brand-700 underline">
                Cohort report (print or PDF)
              </Link>
              {can.canSeeCohortCoverage && (
                <Link href={`/cohort-coverage${query}`} className="font-semibold text-brand-700 underline">
                  Cohort coverage
                </Link>
              )}
            </p>
          )}
        </div>
        <ProgressTable
          rows={dashboard.rows}
          caption={
            filters.status === "RUNNING" && !filters.rag
              ? "Active and suspended placements"
              : "Placements matching the filters"
          }
          showTeam={dashboard.options.teams.length > 1}
          showPracticeEducator={can.showsPracticeEducator}
          showUniversity={can.showsUniversity}
        />
        <Pagination
          path="/"
          filters={filters}
          page={dashboard.page}
          pages={dashboard.pages}
          total={dashboard.total}
          shown={dashboard.rows.length}
        />
      </section>

      {team && (
        <>
          <section aria-labelledby="pe-load-heading" className="mb-8">
            <h2 id="pe-load-heading" className="mb-3 text-xl font-bold">
              Practice educators&apos; load
            </h2>
            <BarChart
              id="pe-load-chart"
              title="Current students per practice educator (planned, active or suspended placements)"
              bars={team.practiceEducators.map((pe) => ({
                label: pe.name.length > 18 ? `${pe.name.slice(0, 17)}…` : pe.name,
                value: pe.students,
                note: `students${pe.pepsStage ? `, PEPS ${pe.pepsStage === "STAGE_1" ? "stage 1" : "stage 2"}` : ""}`,
              }))}
            />
          </section>
          <section aria-labelledby="children-heading" className="mb-8">
            <h2 id="children-heading" className="mb-3 text-xl font-bold">
              Children&apos;s work
            </h2>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Children's work in numbers">
              <Stat value={team.children.activeAllocations} label="children allocated" href="/caseload" />
              <Stat value={team.children.programmesRunning} label="direct-work programmes running" href="/caseload" />
              <Stat value={team.children.assessmentsInProgress} label="assessments in progress" href="/caseload" />
              <Stat
                value={team.children.assessmentsDueSoon}
                label="assessments due within 5 working days"
                href="/caseload"
                tone={team.children.assessmentsDueSoon > 0 ? "AMBER" : undefined}
              />
              <Stat
                value={team.children.assessmentsOverdue}
                label="assessments past the 45-working-day limit"
                href="/caseload"
                tone={team.children.assessmentsOverdue > 0 ? "RED" : undefined}
              />
            </ul>
          </section>
          <p className="flex flex-wrap gap-4">
            <Link
              href="/placements/new"
              className="rounded bg-brand-600 px-4 py-2 font-semibold text-white no-underline"
            >
              Add a placement
            </Link>
            <Link
              href="/admin/users/new"
              className="rounded border-2 border-brand-600 px-4 py-2 font-semibold text-brand-700 no-underline"
            >
              Add a person
            </Link>
          </p>
        </>
      )}
    </HomeFrame>
  );
}

function Stat({ value, label, href, tone }: { value: number; label: string; href: string; tone?: "RED" | "AMBER" }) {
  return (
    <li>
      <Link
        href={href}
        className="block h-full rounded border border-gray-300 bg-white p-3 no-underline hover:border-brand-600"
      >
        <span className="block text-3xl font-bold text-ink">{value}</span>
        <span className="text-brand-700 underline">{label}</span>
        {tone && (
          <span className="mt-1 block">
            <RagLabel status={tone} />
          </span>
        )}
      </Link>
    </li>
  );
}

async function PracticeEducatorHome({ user, title }: { user: SessionUser; title: string }) {
  const students = await loadPracticeEducatorDashboard(user);
  return (
    <HomeFrame title={title} intro="The students you are practice educator for, and the children they work with.">
      <ToDoPanel user={user} />
      <OpenConcernsBanner user={user} />
      <OpenPortfolioConcerns user={user} />
      <RatificationNotice user={user} />
      <h2 className="mb-3 text-xl font-bold">My students</h2>
      {students.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">You have no current students.</p>
      ) : (
        // One section per student (no table repeating them above: issue 12, item 11).
        <div className="space-y-6">
          {students.map((student) => (
            <StudentSection key={student.id} student={student} />
          ))}
        </div>
      )}
      <p className="mt-6 flex flex-wrap gap-4">
        <Link href="/placements" className="text-brand-700 underline">
          All placements you have supervised
        </Link>
        <Link href="/caseload" className="text-brand-700 underline">
          My students&apos; caseloads
        </Link>
      </p>
    </HomeFrame>
  );
}

function StudentSection({ student }: { student: StudentCard }) {
  const headingId = `student-${student.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded border border-gray-300 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h3 id={headingId} className="text-xl font-bold">
          <Link href={`/placements/${student.id}`} className="text-brand-700 underline">
            {student.studentName}
          </Link>
        </h3>
        <PlacementStatusBadge status={student.status} />
      </div>
      <p className="mb-3 text-sm text-muted">
        {[student.universityName, student.programmeName, student.cohortName].filter(Boolean).join(", ")} ·{" "}
        {student.level === "FIRST" ? "First" : "Final"} placement · {student.setting}
      </p>
      <ProgressSummary id={`p-${student.id}`} detail={student.detail} level={4} />
      <h4 className="mb-2 mt-5 text-lg font-semibold">Caseload</h4>
      {student.caseload.length === 0 ? (
        <p className="text-sm">No children allocated.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{student.studentName}&apos;s caseload, children by code</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className="px-3 py-1.5">
                  Child (code)
                </th>
                <th scope="col" className="px-3 py-1.5">
                  Work
                </th>
                <th scope="col" className="px-3 py-1.5">
                  RAG and reasons
                </th>
              </tr>
            </thead>
            <tbody>
              {student.caseload.map((item) => (
                <tr key={item.allocationId} className="border-t border-gray-200 align-top">
                  <th scope="row" className="px-3 py-1.5 font-mono font-semibold">
                    {item.childCode}
                  </th>
                  <td className="px-3 py-1.5">{KIND_LABELS[item.kind]}</td>
                  <td className="px-3 py-1.5">
                    <RagLabel status={item.rag.status} />
                    <span className="sr-only"> ({RAG_LABELS[item.rag.status]})</span>
                    <span className="ml-2">{item.rag.reasons.join("; ")}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-2 text-sm">
        Overdue child work: <span className="font-semibold">{student.progress.childWork?.overdueItems ?? 0}</span>{" "}
        {(student.progress.childWork?.overdueItems ?? 0) === 1 ? "item" : "items"}
      </p>
    </section>
  );
}

const KIND_LABELS = { DIRECT_WORK: "Direct work", ASSESSMENT: "Assessment", LIFE_STORY: "Life story work" } as const;

async function StudentHome({ user, title }: { user: SessionUser; title: string }) {
  const mine = await loadStudentProgress(user);
  return (
    <HomeFrame title={title} intro="Your placement at a glance.">
      <ToDoPanel user={user} />
      <OpenPortfolioConcerns user={user} />
      <h2 className="mb-3 text-xl font-bold">My placement</h2>
      {mine ? (
        <section aria-label="My placement's progress" className="rounded border border-gray-300 bg-white p-4">
          <p className="mb-4 flex flex-wrap items-center gap-3">
            <PlacementStatusBadge status={mine.status} />
            <span>
              {mine.level === "FIRST" ? "First" : "Final"} placement · {mine.setting} · {mine.teamName}
            </span>
          </p>
          <ProgressTable rows={[mine]} caption="My placement" />
          <div className="mt-5">
            <ProgressSummary id="mine" detail={mine.detail} level={3} />
          </div>
          <p className="mt-4">
            <Link href={`/placements/${mine.id}`} className="font-semibold text-brand-700 underline">
              Open my placement: days, practice educator and attendance
            </Link>
          </p>
        </section>
      ) : (
        <p className="rounded border border-gray-300 bg-white p-4">
          You have no placement yet. Your placement coordinator will set it up.
        </p>
      )}
    </HomeFrame>
  );
}

/** The on-site supervisor: "Log today" (in the To do panel) and the students they supervise, nothing more. */
async function OnsiteHome({ user, title }: { user: SessionUser; title: string }) {
  const dashboard = await loadPlacementDashboard(user, parseDashboardFilters({}));
  return (
    <HomeFrame title={title} intro={INTRO["on-site"]}>
      <ToDoPanel user={user} />
      <OpenPortfolioConcerns user={user} />
      <h2 className="mb-3 text-xl font-bold">My students</h2>
      {dashboard.rows.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-4">You supervise no students on placement now.</p>
      ) : (
        <ul className="space-y-3">
          {dashboard.rows.map((row) => (
            <li key={row.id} className="rounded border border-gray-300 bg-white p-4">
              <p className="flex flex-wrap items-center gap-3">
                <Link href={`/placements/${row.id}`} className="text-lg font-bold text-brand-700 underline">
                  {row.studentName}
                </Link>
                <PlacementStatusBadge status={row.status} />
                <RagLabel status={row.progress.rag.status} />
              </p>
              <p className="mt-1 text-sm text-muted">
                {row.setting} ·{" "}
                {row.practiceEducatorName ? `Practice educator ${row.practiceEducatorName}` : "No practice educator"}
              </p>
              <p className="mt-1">
                {row.progress.days.completed} of {row.progress.days.required} days done ·{" "}
                <Link href={`/placements/${row.id}#attendance-heading`} className="text-brand-700 underline">
                  Days logged<span className="sr-only"> for {row.studentName}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </HomeFrame>
  );
}

function HomeFrame({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  return (
    <div>
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mb-6 text-muted">{intro}</p>
      {children}
    </div>
  );
}

/** "Dr Helen Marsh" → "Helen": greet people by their first name, not their title. */
function greetingName(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const titles = new Set(["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor"]);
  return words.find((word) => !titles.has(word.replace(/\.$/, "").toLowerCase())) ?? name;
}
