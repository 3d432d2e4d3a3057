// Fills a PostgreSQL database with a national-scale world for the benchmark.
//
//   npm run bench:generate -- --scale 0.01 [--database-url postgresql://postgres@127.0.0.1:5432/placement_bench]
//
// Scale 1: 150 councils, 80 universities, 12,000 placements over two years,
// 3,000 practice educators, about 240,000 supervision records, 400,000
// evidence items, 100,000 children with 600,000 direct-work sessions.
//
// The database is dropped and re-created, migrated with the app's own runner
// (lib/db/migrations.ts), then filled server-side with INSERT … SELECT over
// generate_series: no rows travel over the wire, which keeps full scale to a
// few minutes. Everything is deterministic (a hash of the row number, not
// random()), so two runs at one scale produce the same world.
import bcrypt from "bcryptjs";
import { Client } from "pg";
import { backfillProgressReadModel } from "../progress-backfill";
import { applyMigrations } from "../../lib/db/migrations";
import { databaseOf, parseArgs, worldSize, type WorldSize } from "./lib";

/** Every generated user signs in with this. The runner signs in with it too. */
export const BENCH_PASSWORD = "bench-password-2026";

type Step = { label: string; sql: string; outsideTransaction?: boolean };

const FIRST_NAMES = [
  "Amira",
  "Ben",
  "Chloe",
  "Daniel",
  "Ella",
  "Farah",
  "George",
  "Hannah",
  "Isaac",
  "Jade",
  "Kieran",
  "Lucy",
  "Mohammed",
  "Nia",
  "Oliver",
  "Priya",
  "Rhys",
  "Sofia",
  "Tom",
  "Yusuf",
  "Zara",
  "Aisha",
  "Callum",
  "Grace",
  "Harvey",
  "Imogen",
  "Jack",
  "Leah",
  "Max",
  "Poppy",
];
const LAST_NAMES = [
  "Hussain",
  "Carter",
  "Davies",
  "Okafor",
  "Thompson",
  "Begum",
  "Williams",
  "Price",
  "Mensah",
  "Robinson",
  "Walsh",
  "Nowak",
  "Shah",
  "Fletcher",
  "Pritchard",
  "Rivers",
  "Evans",
  "Khan",
  "Patel",
  "Jones",
  "Smith",
  "Taylor",
  "Brown",
  "Wilson",
  "Ahmed",
  "Clarke",
  "Hughes",
  "Lewis",
  "Green",
  "Hall",
];
const THEMES = [
  "Self-esteem and self-confidence",
  "Emotional wellbeing and resilience",
  "Developing safe networks",
  "Problem solving",
  "Being safe online",
  "Healthy relationships",
];

const sqlArray = (values: readonly string[]) =>
  `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]`;

function steps(size: WorldSize, passwordHash: string): Step[] {
  const C = size.councils;
  const U = size.universities;
  const P = size.placements;
  const S = size.students;
  const perTeamPe = Math.max(1, Math.floor(size.practiceEducators / C));
  const Q = perTeamPe * C;
  const OS = size.onsiteSupervisorsPerCouncil;
  const T = size.tutorsPerUniversity;
  const perTeamPlacements = Math.max(1, Math.floor(P / C));
  const K = size.children;
  // Weekly supervision plus group supervision every third week, and about 2.25
  // evidence items a week, land near the issue's 240,000 and 400,000 at scale 1.
  const evidencePerWeek = 2.25;
  const name = (seed: string) =>
    `(${sqlArray(FIRST_NAMES)})[1 + pg_temp.r(${seed}, 1) % ${FIRST_NAMES.length}] || ' ' || (${sqlArray(LAST_NAMES)})[1 + pg_temp.r(${seed}, 2) % ${LAST_NAMES.length}]`;
  const hash = `'${passwordHash}'`;

  return [
    {
      label: "helpers",
      sql: `
        -- A deterministic "random" non-negative int from a row number and a salt.
        CREATE FUNCTION pg_temp.r(a bigint, b int) RETURNS int LANGUAGE sql IMMUTABLE AS
          $$ SELECT (hashint8(a * 1000003 + b)::bigint & 2147483647)::int $$;
        CREATE TEMP TABLE bench_today AS SELECT (now() AT TIME ZONE 'Europe/London')::date AS d;`,
    },
    {
      label: "organisations",
      sql: `
        INSERT INTO "Organisation" (id, name, kind, "updatedAt")
        SELECT 'bo_c' || t, 'Council ' || t || ' Children''s Services', 'TEAM'::"OrganisationKind", now() FROM generate_series(1, ${C}) t
        UNION ALL
        SELECT 'bo_u' || u, 'University ' || u, 'UNIVERSITY'::"OrganisationKind", now() FROM generate_series(1, ${U}) u;`,
    },
    {
      label: "programmes and cohorts",
      sql: `
        INSERT INTO "Programme" (id, "universityId", name)
        SELECT 'bpg_' || u || '_' || k, 'bo_u' || u, (ARRAY['BA Social Work','MA Social Work'])[k] FROM generate_series(1, ${U}) u, generate_series(1, 2) k;
        INSERT INTO "Cohort" (id, "programmeId", name)
        SELECT 'bch_' || u || '_' || k || '_' || y, 'bpg_' || u || '_' || k, (2023 + y) || ' intake' FROM generate_series(1, ${U}) u, generate_series(1, 2) k, generate_series(1, 2) y;`,
    },
    {
      label: "users",
      sql: `
        INSERT INTO "User" (id, email, name, "passwordHash", role, "organisationId", "pepsStage", "updatedAt")
        SELECT 'bu_a' || t, 'admin' || t || '@council' || t || '.bench.example.org', ${name("t + 1000000")}, ${hash}, 'ADMIN'::"Role", 'bo_c' || t, NULL::"PepsStage", now() FROM generate_series(1, ${C}) t
        UNION ALL
        SELECT 'bu_pe' || n, 'pe' || n || '@council' || ((n - 1) % ${C} + 1) || '.bench.example.org', ${name("n + 2000000")}, ${hash}, 'PRACTICE_EDUCATOR'::"Role", 'bo_c' || ((n - 1) % ${C} + 1),
               (CASE WHEN pg_temp.r(n, 3) % 10 < 3 THEN 'STAGE_1' ELSE 'STAGE_2' END)::"PepsStage", now() FROM generate_series(1, ${Q}) n
        UNION ALL
        SELECT 'bu_os' || n, 'onsite' || n || '@council' || ((n - 1) % ${C} + 1) || '.bench.example.org', ${name("n + 3000000")}, ${hash}, 'ONSITE_SUPERVISOR'::"Role", 'bo_c' || ((n - 1) % ${C} + 1), NULL, now() FROM generate_series(1, ${OS * C}) n
        UNION ALL
        SELECT 'bu_t' || n, 'tutor' || n || '@uni' || ((n - 1) % ${U} + 1) || '.bench.example.ac.uk', 'Dr ' || ${name("n + 4000000")}, ${hash}, 'UNIVERSITY_TUTOR'::"Role", 'bo_u' || ((n - 1) % ${U} + 1), NULL, now() FROM generate_series(1, ${T * U}) n
        UNION ALL
        SELECT 'bu_s' || s, 'student' || s || '@students.uni' || ((s - 1) % ${U} + 1) || '.bench.example.ac.uk', ${name("s")}, ${hash}, 'STUDENT'::"Role", 'bo_u' || ((s - 1) % ${U} + 1), NULL, now() FROM generate_series(1, ${S}) s;`,
    },
    {
      label: "student profiles",
      sql: `
        INSERT INTO "StudentProfile" ("userId", "universityId", "programmeId", "cohortId", "yearOfStudy", "placementLevel")
        SELECT 'bu_s' || s, 'bo_u' || u, 'bpg_' || u || '_' || k, 'bch_' || u || '_' || k || '_' || (1 + s % 2), 2 + s % 2,
               (CASE WHEN s <= ${P - S} OR pg_temp.r(s, 4) % 3 = 0 THEN 'FINAL' ELSE 'FIRST' END)::"PlacementLevel"
        FROM (SELECT s, (s - 1) % ${U} + 1 AS u, 1 + pg_temp.r(s, 5) % 2 AS k FROM generate_series(1, ${S}) s) x;`,
    },
    {
      label: "placement plan",
      sql: `
        -- One row per placement with everything derived from it: who, when, and how far it has got.
        -- Students 1..${P - S} have a first placement a year or more ago and a final one since;
        -- the rest have one placement starting any time in the last two years or the next few weeks.
        CREATE TEMP TABLE bp AS
        WITH base AS (
          SELECT p,
                 (p - 1) % ${S} + 1 AS s,
                 (p - 1) % ${C} + 1 AS team,
                 CASE
                   WHEN p > ${S} THEN 'FINAL'
                   WHEN p <= ${P - S} THEN 'FIRST'
                   WHEN pg_temp.r(p, 6) % 3 = 0 THEN 'FINAL' ELSE 'FIRST'
                 END AS level,
                 CASE
                   WHEN p > ${S} THEN 395 + pg_temp.r(p - ${S}, 7) % 330 - 400
                   WHEN p <= ${P - S} THEN 395 + pg_temp.r(p, 7) % 330
                   ELSE -35 + pg_temp.r(p, 7) % 765
                 END AS days_ago
          FROM generate_series(1, ${P}) p
        ), dated AS (
          SELECT b.*, date_trunc('week', (SELECT d FROM bench_today) - b.days_ago)::date AS start_date,
                 CASE WHEN b.level = 'FIRST' THEN 70 ELSE 100 END AS required
          FROM base b
        ), timed AS (
          SELECT d.*, d.start_date + (d.required / 5) * 7 - 3 AS end_date,
                 (SELECT d FROM bench_today) - d.start_date AS age
          FROM dated d
        )
        SELECT t.p, t.s, t.team, t.level, t.required, t.start_date, t.end_date,
               (t.s - 1) % ${U} + 1 AS u,
               CASE
                 WHEN t.age < 0 THEN 'PLANNED'
                 WHEN t.end_date < (SELECT d FROM bench_today) THEN CASE WHEN pg_temp.r(t.p, 8) % 50 = 0 THEN 'ENDED_EARLY' ELSE 'COMPLETED' END
                 WHEN pg_temp.r(t.p, 8) % 33 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE'
               END AS status,
               -- Weeks and working days done so far (an early end stops at about half way).
               greatest(0, least(t.required / 5, t.age / 7)) AS weeks,
               greatest(0, least(t.required, (t.age / 7) * 5 + least(5, t.age % 7))) AS wd,
               -- A practice educator of the same council, and one in twenty placements changes PE half way.
               (t.team - 1) + ${C} * ((((t.p - 1) / ${C}) + pg_temp.r(t.p, 9)) % ${perTeamPe}) + 1 AS pe,
               (t.team - 1) + ${C} * ((((t.p - 1) / ${C}) + pg_temp.r(t.p, 9) + 1) % ${perTeamPe}) + 1 AS pe2,
               pg_temp.r(t.p, 10) % 20 = 0 AND ${perTeamPe} > 1 AS pe_changed,
               (t.team - 1) + ${C} * (pg_temp.r(t.p, 11) % ${OS}) + 1 AS onsite,
               ((t.s - 1) % ${U}) + ${U} * (pg_temp.r(t.p, 12) % ${T}) + 1 AS tutor
        FROM timed t;
        UPDATE bp SET weeks = weeks / 2, wd = wd / 2 WHERE status = 'ENDED_EARLY';
        ALTER TABLE bp ADD COLUMN pe_now int;
        UPDATE bp SET pe_now = CASE WHEN pe_changed AND weeks > 2 THEN pe2 ELSE pe END;
        CREATE UNIQUE INDEX ON bp (p);
        ANALYZE bp;`,
    },
    {
      label: "placements",
      sql: `
        INSERT INTO "Placement" (id, "studentId", "teamId", setting, level, "startDate", "endDate", "requiredDays", status, "statusReason",
                                 "onsiteSupervisorId", "tutorId", "updatedAt", "observationsRequired")
        SELECT 'bp' || p, 'bu_s' || s, 'bo_c' || team,
               (ARRAY['Early help, schools project','Children in need team','Family support hub','Child protection team','Fostering and adoption'])[1 + pg_temp.r(p, 13) % 5],
               level::"PlacementLevel", start_date, end_date, required, status::"PlacementStatus",
               CASE WHEN status = 'SUSPENDED' THEN 'Student on sick leave' WHEN status = 'ENDED_EARLY' THEN 'Student withdrew from the programme' END,
               CASE WHEN pg_temp.r(p, 14) % 3 = 0 THEN 'bu_os' || onsite END, 'bu_t' || tutor,
               now() - (pg_temp.r(p, 15) % 100000) * interval '1 minute',
               CASE WHEN level = 'FIRST' THEN 2 ELSE 3 END
        FROM bp;`,
    },
    {
      label: "practice educator assignments",
      sql: `
        INSERT INTO "PracticeEducatorAssignment" (id, "placementId", "practiceEducatorId", "startDate", "endDate", reason)
        SELECT 'bpa' || p || '_1', 'bp' || p, 'bu_pe' || pe, start_date,
               CASE WHEN pe_now <> pe THEN start_date + (weeks / 2) * 7 END,
               CASE WHEN pe_now <> pe THEN 'Practice educator on long-term leave' END
        FROM bp
        UNION ALL
        SELECT 'bpa' || p || '_2', 'bp' || p, 'bu_pe' || pe2, start_date + (weeks / 2) * 7, NULL, 'Practice educator on long-term leave'
        FROM bp WHERE pe_now <> pe;`,
    },
    {
      label: "attendance",
      sql: `
        INSERT INTO "AttendanceDay" (id, "placementId", date, kind, "recordedById")
        SELECT 'bad' || p || '_' || d, 'bp' || p, start_date + (d / 5) * 7 + d % 5,
               (CASE WHEN pg_temp.r(p * 1000 + d, 16) % 40 = 0 THEN 'SICK' WHEN pg_temp.r(p * 1000 + d, 16) % 71 = 0 THEN 'ABSENT' ELSE 'PLACEMENT_DAY' END)::"AttendanceKind",
               'bu_s' || s
        FROM bp, generate_series(0, wd - 1) d;`,
    },
    {
      label: "supervision records",
      sql: `
        CREATE TEMP TABLE bsr AS
        SELECT p, s, pe_now AS pe, w, kind, start_date + 7 * w + 2 + kind AS held_on
        FROM bp, generate_series(0, weeks - 1) w, generate_series(0, 1) kind
        WHERE kind = 0 OR w % 3 = 2;
        INSERT INTO "SupervisionRecord" (id, "placementId", "heldOn", "startTime", "durationMinutes", type, "otherAttendees", agenda, "caseDiscussion",
                                         "reflectionAndLearning", "wellbeingAndWorkload", "pcfDomains", "studentReflection", status, "authorId",
                                         "peSignedAt", "peSignedById", "studentSignedAt", "studentSignedById", "updatedAt")
        SELECT 'bsr' || p || '_' || w || '_' || kind, 'bp' || p, held_on, (ARRAY['09:30','10:00','13:30','15:00'])[1 + pg_temp.r(p * 100 + w, 17) % 4],
               CASE WHEN kind = 0 THEN 60 + 30 * (pg_temp.r(p * 100 + w, 18) % 2) ELSE 60 END,
               (CASE WHEN kind = 0 THEN 'FORMAL' ELSE 'GROUP' END)::"SupervisionType", '{}',
               'Caseload review; learning since last week; wellbeing',
               'Discussed the week''s direct work with C-' || (p * 7 + w) || ' and the plan for the next session.',
               'Reflected on using a strengths-based approach and on managing endings.',
               'Workload manageable; no concerns raised.',
               ARRAY[(ARRAY['PROFESSIONALISM','VALUES_AND_ETHICS','DIVERSITY_AND_EQUALITY','RIGHTS_JUSTICE_ECONOMIC_WELLBEING','KNOWLEDGE','CRITICAL_REFLECTION_AND_ANALYSIS','SKILLS_AND_INTERVENTIONS','CONTEXTS_AND_ORGANISATIONS','PROFESSIONAL_LEADERSHIP'])[1 + (w % 9)]],
               CASE WHEN held_on < (SELECT d FROM bench_today) - 7 THEN 'I found it useful to slow down and plan the session around the child''s interests.' ELSE '' END,
               (CASE WHEN held_on < (SELECT d FROM bench_today) - 7 THEN 'SIGNED' WHEN held_on < (SELECT d FROM bench_today) - 2 THEN 'PE_SIGNED' ELSE 'DRAFT' END)::"SupervisionStatus",
               'bu_pe' || pe,
               CASE WHEN held_on < (SELECT d FROM bench_today) - 2 THEN held_on + interval '1 day' END,
               CASE WHEN held_on < (SELECT d FROM bench_today) - 2 THEN 'bu_pe' || pe END,
               CASE WHEN held_on < (SELECT d FROM bench_today) - 7 THEN held_on + interval '3 days' END,
               CASE WHEN held_on < (SELECT d FROM bench_today) - 7 THEN 'bu_s' || s END,
               held_on + interval '3 days'
        FROM bsr;`,
    },
    {
      label: "supervision actions",
      sql: `
        INSERT INTO "SupervisionAction" (id, "placementId", "recordId", description, owner, "dueDate", status, "completedAt")
        SELECT 'bsa' || p || '_' || w, 'bp' || p, 'bsr' || p || '_' || w || '_0',
               CASE WHEN w % 2 = 0 THEN 'Write a reflective log on this week''s session' ELSE 'Share the research on attachment we discussed' END,
               (CASE WHEN w % 2 = 0 THEN 'STUDENT' ELSE 'PRACTICE_EDUCATOR' END)::"ActionOwner", held_on + 7,
               (CASE WHEN held_on + 7 < (SELECT d FROM bench_today) THEN 'DONE' ELSE 'OPEN' END)::"ActionStatus",
               CASE WHEN held_on + 7 < (SELECT d FROM bench_today) THEN held_on + interval '6 days' END
        FROM bsr WHERE kind = 0;
        DROP TABLE bsr;`,
    },
    {
      label: "evidence",
      sql: `
        CREATE TEMP TABLE bev AS
        SELECT p, s, pe_now AS pe, k, start_date + ((k * 7) / ${evidencePerWeek})::int AS occurred_on
        FROM bp, generate_series(0, (weeks * ${evidencePerWeek})::int - 1) k;
        INSERT INTO "EvidenceItem" (id, "placementId", "authorId", title, "occurredOn", type, body, "childCode", status, "submittedAt", "reviewedAt", "reviewedById", "updatedAt")
        SELECT 'bev' || p || '_' || k, 'bp' || p, 'bu_s' || s,
               (ARRAY['Reflective log','Session plan','Case note extract','Feedback from a child','Feedback from a teacher','Safeguarding training certificate','Team meeting contribution'])[1 + k % 7] || ' ' || (k + 1),
               occurred_on,
               (ARRAY['REFLECTIVE_LOG','SESSION_PLAN','CASE_NOTE_EXTRACT','CHILD_OR_FAMILY_FEEDBACK','PROFESSIONAL_FEEDBACK','TRAINING_CERTIFICATE','OTHER'])[1 + k % 7]::"EvidenceType",
               'I planned the session with C-' || (p * 3 + k) || ' around what they said mattered to them. What went well, what I would do differently, and what I learned about my own practice.',
               CASE WHEN k % 3 = 0 THEN 'C-' || (p * 3 + k) END,
               (CASE WHEN occurred_on < (SELECT d FROM bench_today) - 21 THEN CASE WHEN pg_temp.r(p * 1000 + k, 19) % 20 = 0 THEN 'CHANGES_REQUESTED' ELSE 'ACCEPTED' END
                     WHEN occurred_on < (SELECT d FROM bench_today) - 5 THEN 'SUBMITTED' ELSE 'DRAFT' END)::"EvidenceStatus",
               CASE WHEN occurred_on < (SELECT d FROM bench_today) - 5 THEN occurred_on + interval '2 days' END,
               CASE WHEN occurred_on < (SELECT d FROM bench_today) - 21 THEN occurred_on + interval '9 days' END,
               CASE WHEN occurred_on < (SELECT d FROM bench_today) - 21 THEN 'bu_pe' || pe END,
               occurred_on + interval '9 days'
        FROM bev;`,
    },
    {
      label: "evidence links",
      sql: `
        INSERT INTO "EvidenceLink" (id, "evidenceId", "frameworkItemId", note)
        SELECT 'bel' || p || '_' || k || '_' || j, 'bev' || p || '_' || k, 'fi_pcf_2018_' || (1 + (k + j * 4) % 9), 'Shows this capability at the expected level.'
        FROM bev, generate_series(0, 2) j
        WHERE j <= pg_temp.r(p * 1000 + k, 20) % 3;`,
    },
    {
      label: "evidence comments",
      sql: `
        INSERT INTO "EvidenceComment" (id, "evidenceId", "authorId", kind, body, "createdAt")
        SELECT 'bec' || p || '_' || k, 'bev' || p || '_' || k, 'bu_pe' || pe, 'ACCEPTED', 'Good analysis; link it to the research next time.', occurred_on + interval '9 days'
        FROM bev WHERE k % 4 = 0 AND occurred_on < (SELECT d FROM bench_today) - 21;
        DROP TABLE bev;`,
    },
    {
      label: "direct observations",
      sql: `
        CREATE TEMP TABLE bob AS
        SELECT p, s, pe_now AS pe, i, start_date + ((required / 5) * 7 * i) / (CASE WHEN level = 'FIRST' THEN 3 ELSE 4 END) AS observed_on
        FROM bp, generate_series(1, CASE WHEN level = 'FIRST' THEN 2 ELSE 3 END) i
        WHERE status <> 'PLANNED';
        DELETE FROM bob WHERE observed_on > (SELECT d FROM bench_today) + 14;
        INSERT INTO "DirectObservation" (id, "placementId", "observerId", "observedOn", activity, "preparationNote", feedback, "feedbackAt", reflection, "createdById", "updatedAt")
        SELECT 'bob' || p || '_' || i, 'bp' || p, 'bu_pe' || pe, observed_on, 'One-to-one session in school',
               'I will use a feelings chart and let the child lead.',
               CASE WHEN observed_on < (SELECT d FROM bench_today) THEN 'Warm, child-led session; next time summarise the agreed next steps.' ELSE '' END,
               CASE WHEN observed_on < (SELECT d FROM bench_today) THEN observed_on + interval '2 days' END,
               CASE WHEN observed_on < (SELECT d FROM bench_today) - 7 THEN 'I rushed the ending; I will plan endings more carefully.' ELSE '' END,
               'bu_pe' || pe, observed_on + interval '2 days'
        FROM bob;
        INSERT INTO "ObservationDomain" ("observationId", "frameworkItemId", note)
        SELECT 'bob' || p || '_' || i, 'fi_pcf_2018_' || (1 + (i * 3 + j) % 9), 'Evident in how the session was planned and held.'
        FROM bob, generate_series(0, 2) j WHERE observed_on < (SELECT d FROM bench_today);
        DROP TABLE bob;`,
    },
    {
      label: "milestones",
      sql: `
        INSERT INTO "PlacementMilestone" (id, "placementId", kind, "heldOn", attendees, notes, "learningNeeds", "learningOpportunities", "supervisionArrangements",
                                          recommendation, "actionPlan", "daysCompletedAtMeeting", "recordedById", "updatedAt")
        SELECT 'bms' || p || '_' || m, 'bp' || p, (ARRAY['LEARNING_AGREEMENT','MIDPOINT_REVIEW','FINAL_REVIEW'])[m]::"MilestoneKind", held_on,
               '{STUDENT,PRACTICE_EDUCATOR,TUTOR}'::"MeetingAttendee"[], 'Meeting held as planned.',
               CASE WHEN m = 1 THEN 'Direct work with children; statutory tasks; writing to a professional standard.' ELSE '' END,
               CASE WHEN m = 1 THEN 'Co-working a child in need case; one-to-one work in schools; a strategy meeting.' ELSE '' END,
               CASE WHEN m = 1 THEN 'Weekly formal supervision of 90 minutes.' ELSE '' END,
               (CASE WHEN m = 2 THEN CASE WHEN pg_temp.r(p, 21) % 20 = 0 THEN 'CONCERNS' ELSE 'ON_TRACK' END WHEN m = 3 THEN 'PASS' END)::"MilestoneRecommendation",
               CASE WHEN m = 2 AND pg_temp.r(p, 21) % 20 = 0 THEN 'Weekly case discussion on recording; review in four weeks.' ELSE '' END,
               CASE WHEN m = 1 THEN 8 WHEN m = 2 THEN required / 2 ELSE required END,
               'bu_pe' || pe_now, held_on + interval '1 day'
        FROM (
          SELECT bp.*, m, start_date + CASE WHEN m = 1 THEN 9 WHEN m = 2 THEN (required / 10) * 7 ELSE (required / 5) * 7 - 5 END AS held_on
          FROM bp, generate_series(1, 3) m
        ) x
        WHERE held_on < (SELECT d FROM bench_today) AND (m < 3 OR status = 'COMPLETED');`,
    },
    {
      label: "causes for concern",
      sql: `
        CREATE TEMP TABLE bcc AS
        SELECT p, pe_now AS pe, start_date + (weeks / 2) * 7 AS raised_on, status IN ('ACTIVE', 'SUSPENDED') AS open
        FROM bp WHERE status <> 'PLANNED' AND weeks >= 4 AND pg_temp.r(p, 22) % 25 = 0;
        INSERT INTO "CauseForConcern" (id, "placementId", "raisedById", "raisedAt", summary, stage, status, outcome, "closedAt", "updatedAt")
        SELECT 'bcc' || p, 'bp' || p, 'bu_pe' || pe, raised_on, 'Recording is often late and lacks analysis.',
               (CASE WHEN open THEN 'ACTION_PLAN' ELSE 'OUTCOME' END)::"ConcernStage", (CASE WHEN open THEN 'OPEN' ELSE 'RESOLVED' END)::"ConcernStatus",
               (CASE WHEN open THEN NULL ELSE 'RESOLVED' END)::"ConcernOutcome", CASE WHEN open THEN NULL ELSE raised_on + interval '28 days' END, raised_on + interval '7 days'
        FROM bcc;
        INSERT INTO "ConcernEvent" (id, "concernId", stage, "heldOn", notes, "recordedById")
        SELECT 'bce' || p || '_' || e, 'bcc' || p, (ARRAY['STAGE_1_MEETING','REVIEW'])[e]::"ConcernStage", raised_on + (e - 1) * 21, 'Met with the student and tutor; agreed an action plan.', 'bu_pe' || pe
        FROM bcc, generate_series(1, 2) e WHERE e = 1 OR NOT open;
        INSERT INTO "ConcernAction" (id, "concernId", description, "dueOn", "doneAt")
        SELECT 'bca' || p || '_' || a, 'bcc' || p, 'Complete case recording within two working days', raised_on + 14 * a, CASE WHEN NOT open THEN raised_on + 14 * a END
        FROM bcc, generate_series(1, 2) a;
        DROP TABLE bcc;`,
    },
    {
      label: "final assessments",
      sql: `
        INSERT INTO "FinalAssessment" (id, "placementId", "practiceEducatorId", "holisticSummary", "studentReflection", "developmentPlan", recommendation, status,
                                       "peSignedAt", "studentSignedAt", "updatedAt")
        SELECT 'bfa' || p, 'bp' || p, 'bu_pe' || pe_now, 'Meets the PCF at the end of placement level across all nine domains.', 'I have grown in confidence.',
               'Continue to develop analysis in assessments.', 'PASS', 'COMPLETE', end_date, end_date + 2, end_date + 2
        FROM bp WHERE status = 'COMPLETED';
        INSERT INTO "FinalDomainAssessment" ("assessmentId", "frameworkItemId", text)
        SELECT 'bfa' || p, 'fi_pcf_2018_' || i, 'Sufficient evidence at the expected level.'
        FROM bp, generate_series(1, 9) i WHERE status = 'COMPLETED';`,
    },
    {
      label: "schools and themes",
      sql: `
        INSERT INTO "School" (id, "teamId", name, address)
        SELECT 'bsc' || t || '_' || k, 'bo_c' || t, (ARRAY['Riverside Academy','Hillview High School'])[k] || ' (council ' || t || ')', k || ' School Lane' FROM generate_series(1, ${C}) t, generate_series(1, ${size.schoolsPerCouncil}) k;
        INSERT INTO "SchoolContact" (id, "schoolId", name, role, email)
        SELECT 'bscc' || t || '_' || k, 'bsc' || t || '_' || k, ${name("t * 10 + k")}, 'Designated safeguarding lead', 'dsl' || t || '_' || k || '@school.bench.example.org' FROM generate_series(1, ${C}) t, generate_series(1, ${size.schoolsPerCouncil}) k;
        INSERT INTO "DirectWorkTheme" (id, "teamId", name)
        SELECT 'bth' || t || '_' || k, 'bo_c' || t, (${sqlArray(THEMES)})[k] FROM generate_series(1, ${C}) t, generate_series(1, ${THEMES.length}) k;`,
    },
    {
      label: "children",
      sql: `
        -- Each child is allocated to a student on a placement of the child's own council.
        CREATE TEMP TABLE bkid AS
        SELECT c, x.team, bp.p, bp.s, bp.pe_now AS pe, bp.status AS pstatus, least(bp.start_date + 14 + (c % 5) * 7, bp.end_date - 42) AS alloc_start
        FROM (SELECT c, (c - 1) % ${C} + 1 AS team, (c - 1) % ${C} + 1 + ${C} * (((c - 1) / ${C}) % ${perTeamPlacements}) AS p FROM generate_series(1, ${K}) c) x
        JOIN bp ON bp.p = x.p;
        CREATE UNIQUE INDEX ON bkid (c);
        INSERT INTO "Child" (id, code, "teamId", "firstName", "lastName", "dateOfBirth", "schoolId", "yearGroup", "updatedAt")
        SELECT 'bk' || c, 'B-' || c, 'bo_c' || team, split_part(${name("c + 5000000")}, ' ', 1), split_part(${name("c + 5000000")}, ' ', 2),
               (SELECT d FROM bench_today) - (3650 + pg_temp.r(c, 23) % 2900), 'bsc' || team || '_' || (1 + c % ${size.schoolsPerCouncil}), 6 + pg_temp.r(c, 23) % 8, now()
        FROM bkid;
        INSERT INTO "ChildContact" (id, "childId", name, relationship, phone, consent, "consentRecordedOn")
        SELECT 'bkc' || c, 'bk' || c, ${name("c + 6000000")}, 'Parent', '07700 900' || lpad((c % 1000)::text, 3, '0'), 'GIVEN', alloc_start - 7 FROM bkid;
        INSERT INTO "Referral" (id, "childId", "schoolId", "receivedOn", "referrerName", "referrerRole", reason, "parentConsent", "parentConsentOn", "childAgreement", decision, "decidedOn", "decidedById")
        SELECT 'bkr' || c, 'bk' || c, 'bsc' || team || '_' || (1 + c % ${size.schoolsPerCouncil}), alloc_start - 10, 'Designated safeguarding lead', 'School',
               'Low mood and friendship difficulties affecting attendance.', 'GIVEN', alloc_start - 8, true, 'ACCEPTED', alloc_start - 9, 'bu_a' || team FROM bkid;`,
    },
    {
      label: "allocations",
      sql: `
        INSERT INTO "Allocation" (id, "childId", "placementId", "studentId", "overseeingPeId", kind, "startDate", "endDate", status, "peSignedOffAt", "peSignedOffById", "createdById", "updatedAt")
        SELECT 'bal' || c || '_' || kind_no, 'bk' || c, 'bp' || p, 'bu_s' || s, 'bu_pe' || pe, (ARRAY['DIRECT_WORK','ASSESSMENT','LIFE_STORY'])[kind_no]::"AllocationKind",
               alloc_start, CASE WHEN pstatus IN ('ACTIVE', 'SUSPENDED', 'PLANNED') THEN NULL ELSE alloc_start + 42 END,
               (CASE WHEN pstatus IN ('ACTIVE', 'SUSPENDED', 'PLANNED') THEN 'ACTIVE' ELSE 'ENDED' END)::"AllocationStatus",
               CASE WHEN kind_no = 3 THEN alloc_start - 1 END, CASE WHEN kind_no = 3 THEN 'bu_pe' || pe END, 'bu_a' || team, alloc_start
        FROM bkid, generate_series(1, 3) kind_no
        WHERE kind_no = 1 OR (kind_no = 2 AND pg_temp.r(c, 24) % 20 = 0) OR (kind_no = 3 AND pg_temp.r(c, 25) % 50 = 0);
        INSERT INTO "ChildAssessment" (id, "allocationId", "startDate", "dueDate", status, outcome, "completedOn", "updatedAt")
        SELECT 'bas' || c, 'bal' || c || '_2', alloc_start, alloc_start + 63,
               (CASE WHEN alloc_start + 50 < (SELECT d FROM bench_today) THEN 'COMPLETED' ELSE 'IN_PROGRESS' END)::"AssessmentStatus",
               (CASE WHEN alloc_start + 50 < (SELECT d FROM bench_today) THEN 'EARLY_HELP' END)::"AssessmentOutcome",
               CASE WHEN alloc_start + 50 < (SELECT d FROM bench_today) THEN alloc_start + 50 END, alloc_start
        FROM bkid WHERE pg_temp.r(c, 24) % 20 = 0;
        INSERT INTO "LifeStoryWork" (id, "allocationId") SELECT 'bls' || c, 'bal' || c || '_3' FROM bkid WHERE pg_temp.r(c, 25) % 50 = 0;
        INSERT INTO "LifeStoryStage" (id, "workId", stage, "startedOn", "completedOn", "updatedAt")
        SELECT 'blss' || c || '_' || g, 'bls' || c, (ARRAY['GATHERING_INFORMATION','DIRECT_SESSIONS','DRAFTING','CHECKING','HANDING_OVER','FOLLOW_UP'])[g]::"LifeStoryStageName",
               alloc_start + (g - 1) * 14, CASE WHEN alloc_start + g * 14 < (SELECT d FROM bench_today) THEN alloc_start + g * 14 END, now()
        FROM bkid, generate_series(1, 6) g WHERE pg_temp.r(c, 25) % 50 = 0;`,
    },
    {
      label: "direct-work programmes",
      sql: `
        INSERT INTO "DirectWorkProgramme" (id, "allocationId", "plannedSessions", "agreedWithSchool", "agreedWithChild", "agreedWithParents", "startDate", "endDate", "closingSummary", "closedAt", "updatedAt")
        SELECT 'bdw' || c, 'bal' || c || '_1', ${size.sessionsPerProgramme}, true, true, true, alloc_start, alloc_start + ${size.sessionsPerProgramme * 7},
               CASE WHEN alloc_start + ${size.sessionsPerProgramme * 7 + 7} < (SELECT d FROM bench_today) THEN 'Goals mostly met; school to continue check-ins.' END,
               CASE WHEN alloc_start + ${size.sessionsPerProgramme * 7 + 7} < (SELECT d FROM bench_today) THEN alloc_start + ${size.sessionsPerProgramme * 7 + 7} END, alloc_start
        FROM bkid;
        INSERT INTO "OutcomeGoal" (id, "programmeId", number, description, "startScore", "reviewScore", "endScore")
        SELECT 'bog' || c || '_' || g, 'bdw' || c, g, (ARRAY['Feel more confident in class','Have a safe adult to talk to at school','Sleep better'])[g],
               2 + pg_temp.r(c, 26 + g) % 3, 4 + pg_temp.r(c, 26 + g) % 3, CASE WHEN alloc_start + 49 < (SELECT d FROM bench_today) THEN 6 + pg_temp.r(c, 26 + g) % 4 END
        FROM bkid, generate_series(1, 2) g;`,
    },
    {
      label: "direct-work sessions",
      sql: `
        INSERT INTO "ProgrammeSession" (id, "programmeId", number, "plannedOn", theme, status, "heldOn", "cancelledBy", "whatWasDone", "childsWords", "studentReflection", "childRating", "updatedAt")
        SELECT 'bps' || c || '_' || n, 'bdw' || c, n, planned_on, (${sqlArray(THEMES)})[1 + (c + n) % ${THEMES.length}],
               (CASE WHEN planned_on >= (SELECT d FROM bench_today) THEN 'PLANNED' WHEN roll % 12 = 0 THEN 'DID_NOT_ATTEND' WHEN roll % 17 = 0 THEN 'CANCELLED' ELSE 'ATTENDED' END)::"ProgrammeSessionStatus",
               CASE WHEN planned_on < (SELECT d FROM bench_today) AND roll % 12 <> 0 AND roll % 17 <> 0 THEN planned_on END,
               (CASE WHEN planned_on < (SELECT d FROM bench_today) AND roll % 12 <> 0 AND roll % 17 = 0 THEN 'SCHOOL' END)::"CancelledBy",
               CASE WHEN planned_on < (SELECT d FROM bench_today) THEN 'Worked through a feelings map and agreed one thing to try this week.' ELSE '' END,
               CASE WHEN planned_on < (SELECT d FROM bench_today) AND roll % 3 = 0 THEN 'I liked drawing my safe people.' ELSE '' END,
               CASE WHEN planned_on < (SELECT d FROM bench_today) THEN 'The child engaged more when I let them choose the activity.' ELSE '' END,
               CASE WHEN planned_on < (SELECT d FROM bench_today) AND roll % 12 <> 0 AND roll % 17 <> 0 THEN 1 + roll % 5 END,
               planned_on
        FROM (SELECT c, n, alloc_start + (n - 1) * 7 AS planned_on, pg_temp.r(c * 10 + n, 30) AS roll FROM bkid, generate_series(1, ${size.sessionsPerProgramme}) n) x;`,
    },
    {
      label: "child feedback and safeguarding",
      sql: `
        INSERT INTO "ChildFeedback" (id, "sessionId", rating, "whatWasGood", "whatCouldBeBetter", "createdAt")
        SELECT 'bcf' || c || '_' || n, 'bps' || c || '_' || n, 3 + pg_temp.r(c * 10 + n, 31) % 3, 'I felt like she understood me', 'More time', alloc_start + (n - 1) * 7
        FROM bkid, generate_series(1, ${size.sessionsPerProgramme}) n
        WHERE pg_temp.r(c * 10 + n, 31) % 10 = 0 AND alloc_start + (n - 1) * 7 < (SELECT d FROM bench_today);
        INSERT INTO "SafeguardingConcern" (id, "childId", "raisedById", "raisedAt", "sourceEntity", "sourceId", description, status, "actionTaken", "actionRecordedAt", "actionRecordedById")
        SELECT 'bsg' || c, 'bk' || c, 'bu_s' || s, alloc_start + 20, 'ProgrammeSession', 'bps' || c || '_3', 'The child said something in session that worried me.',
               (CASE WHEN open THEN 'OPEN' ELSE 'ACTIONED' END)::"SafeguardingStatus",
               CASE WHEN open THEN NULL ELSE 'Passed to the designated safeguarding lead and the duty manager the same day.' END,
               CASE WHEN open THEN NULL ELSE alloc_start + 20 + interval '3 hours' END,
               CASE WHEN open THEN NULL ELSE 'bu_pe' || pe END
        FROM (SELECT bkid.*, pstatus = 'ACTIVE' AND pg_temp.r(c, 32) % 4 = 0 AS open FROM bkid WHERE pg_temp.r(c, 33) % 200 = 0 AND alloc_start + 20 < (SELECT d FROM bench_today)) x;
        DROP TABLE bkid;`,
    },
    {
      label: "notifications",
      sql: `
        INSERT INTO "Notification" (id, "userId", kind, title, body, link, "createdAt", "readAt")
        SELECT 'bn' || p || '_' || i, CASE WHEN i % 2 = 0 THEN 'bu_pe' || pe_now ELSE 'bu_t' || tutor END, 'EVIDENCE_SUBMITTED',
               'Evidence submitted for review', 'A student submitted evidence.', '/placements/bp' || p || '/portfolio',
               now() - (pg_temp.r(p * 10 + i, 34) % 60) * interval '1 day', CASE WHEN pg_temp.r(p * 10 + i, 35) % 3 <> 0 THEN now() END
        FROM bp, generate_series(1, 4) i WHERE status <> 'PLANNED';
        DROP TABLE bp;`,
    },
    {
      // Planner statistics and the visibility map, as a database in service
      // would have; it also leaves autovacuum nothing to do during the run.
      label: "vacuum and analyze",
      sql: `VACUUM (ANALYZE)`,
      outsideTransaction: true,
    },
  ];
}

const SCALE_COMMENT = /^Placement Tracker benchmark world, scale ([0-9.e-]+)$/;

/** Notes the scale on the database itself, so a later `--reuse` run reports what it measured. */
async function recordScale(databaseUrl: string, name: string, scale: number) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`COMMENT ON DATABASE ${name} IS 'Placement Tracker benchmark world, scale ${scale}'`);
  } finally {
    await client.end();
  }
}

/** The scale the database was generated at, or null if it is not a benchmark database. */
export async function generatedScale(databaseUrl: string): Promise<number | null> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()",
    );
    const match = rows[0]?.comment?.match(SCALE_COMMENT);
    return match ? Number(match[1]) : null;
  } finally {
    await client.end();
  }
}

export type GenerateResult = { seconds: number; counts: Record<string, number> };

/** Drops and re-creates the benchmark database, migrates it and fills it. */
export async function generate(options: {
  scale: number;
  databaseUrl: string;
  log?: (line: string) => void;
}): Promise<GenerateResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();
  const { name, adminUrl } = databaseOf(options.databaseUrl);
  const size = worldSize(options.scale);

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  await recordScale(options.databaseUrl, name, options.scale);
  const migrations = await applyMigrations(options.databaseUrl);
  log(
    `Database ${name} created and migrated (${migrations.length} migrations) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  // One hash for everyone, at a low cost: verifying works at any cost, and
  // the app uses BCRYPT_COST only when it hashes a new password.
  const passwordHash = await bcrypt.hash(BENCH_PASSWORD, 4);

  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    // A bulk load of consistent data: skip the foreign-key triggers (needs a
    // superuser, which the local PostgreSQL gives) and the wait for the WAL flush.
    await client.query("SET session_replication_role = replica");
    await client.query("SET synchronous_commit = off");
    await client.query("SET work_mem = '256MB'");
    for (const step of steps(size, passwordHash)) {
      const stepStarted = Date.now();
      if (step.outsideTransaction) {
        await client.query(step.sql);
      } else {
        await client.query("BEGIN");
        await client.query(step.sql);
        await client.query("COMMIT");
      }
      const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
      log(`  ${step.label.padEnd(32)} ${seconds.padStart(6)} s`);
    }
    await client.query("SET session_replication_role = origin");
    const tables = await client.query<{ relname: string }>(
      `SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' AND relname <> '_prisma_migrations' ORDER BY relname`,
    );
    for (const { relname } of tables.rows) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${relname}"`);
      counts[relname] = Number(rows[0].n);
    }
  } finally {
    await client.end();
  }
  // The world is written straight into the tables: the rules fill the progress read model.
  log(`  ${(await backfillProgressReadModel(options.databaseUrl)).replace(/\n/g, " ")}`);
  const analyse = new Client({ connectionString: options.databaseUrl });
  await analyse.connect();
  try {
    await analyse.query(`VACUUM (ANALYZE) "PlacementProgress"`);
    counts.PlacementProgress = Number((await analyse.query(`SELECT count(*) AS n FROM "PlacementProgress"`)).rows[0].n);
  } finally {
    await analyse.end();
  }
  const seconds = (Date.now() - started) / 1000;
  log(`Generated scale ${options.scale} in ${seconds.toFixed(1)} s:`);
  for (const [table, count] of Object.entries(counts))
    if (count > 0) log(`  ${table.padEnd(28)} ${count.toLocaleString("en-GB").padStart(10)}`);
  return { seconds, counts };
}

if (require.main === module) {
  const args = parseArgs(
    process.argv.slice(2).filter((arg) => arg !== "--"),
    process.env,
  );
  generate({ scale: args.scale, databaseUrl: args.databaseUrl }).then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
