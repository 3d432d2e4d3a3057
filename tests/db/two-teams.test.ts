/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren, type ChildrenWorld } from "../support/children-world";
import { buildSecondTeam, type SecondTeam } from "../support/second-team";
import { recordSupervision } from "@/lib/supervision/record-supervision";
import { sessionOf } from "../support/supervision";
import { createEvidence } from "@/lib/portfolio/write-evidence";
import { listPlacements } from "@/lib/placements/list-placements";
import { getPlacement } from "@/lib/placements/get-placement";
import { listAttendance } from "@/lib/placements/attendance";
import { listChildren, getChild } from "@/lib/children/children";
import { listCaseload } from "@/lib/children/allocations";
import { listOpenSafeguardingConcerns } from "@/lib/children/safeguarding";
import { getSupervisionLog } from "@/lib/supervision/get-supervision-log";
import { getSupervisionRecord } from "@/lib/supervision/get-supervision-record";
import { getEvidence, listPlacementEvidence } from "@/lib/portfolio/read-evidence";
import { listObservations } from "@/lib/portfolio/observations";
import { listConcerns, openConcernsFor } from "@/lib/portfolio/concerns";
import { listNotifications } from "@/lib/notifications/notifications";
import { listPeopleForChoosing, listUsers } from "@/lib/users/users";
import { listAuditEntries } from "@/lib/audit-log";
import { search } from "@/lib/search/search";
import { listProgress, placementsCsv } from "@/lib/progress/progress-api";
import { parseDashboardFilters } from "@/lib/progress/dashboard-filters";
import { authenticateApiToken, issueApiToken } from "@/lib/api-tokens/api-tokens";
import { toAppError } from "@/lib/errors";
import { addDays } from "@/lib/dates";
import type { SessionUser } from "@/lib/auth/session-user";

// Issue 10, "two teams in the test world": two councils, each with its own
// manager, practice educators, on-site supervisor, students and children.
// Through every read the pages and the API use, one team's people never see
// the other team's placements, children, supervision or evidence: nothing of
// the other team's appears in their lists, and asking for one of its records
// by id is refused.

useTestDatabase();

let world: World;
let kids: ChildrenWorld;
let second: SecondTeam;
let firstTeamRecords: { supervisionId: string; evidenceId: string };

beforeAll(async () => {
  world = await buildWorld();
  kids = await buildChildren(world);
  second = await buildSecondTeam(world);
  const supervision = await recordSupervision(world.users.peA, world.placementA.id, sessionOf(world));
  const evidence = await createEvidence(world.users.studentA, world.placementA.id, {
    title: "First team direct work",
    occurredOn: addDays(world.today, -2),
    type: "REFLECTIVE_LOG",
    body: "A session with C-1001.",
    childCode: "C-1001",
    links: [{ frameworkItemId: "fi_pcf_2018_6", note: "Reflection." }],
  });
  firstTeamRecords = { supervisionId: supervision.id, evidenceId: evidence.id };
}, 60_000);

/** What one team holds that the other team's people must never read: ids, child codes and names, staff names. */
function secretsOf(team: "first" | "second"): string[] {
  if (team === "second")
    return [
      second.placementA.id,
      second.placementB.id,
      second.childA.id,
      second.childB.id,
      second.allocationA.id,
      second.allocationB.id,
      second.supervisionId,
      second.evidenceId,
      "C-5005",
      "C-6006",
      "Nina",
      "Northvale",
      "Noah",
      "Norbury",
      second.school.name,
      second.users.pe.name,
      second.users.onsite.name,
      second.placementA.setting,
    ];
  return [
    world.placementA.id,
    world.placementB.id,
    kids.childA.id,
    kids.childB.id,
    kids.childUnallocated.id,
    kids.allocationA.id,
    kids.allocationB.id,
    firstTeamRecords.supervisionId,
    firstTeamRecords.evidenceId,
    "C-1001",
    "C-2002",
    "C-3003",
    "Alfie",
    "Archer",
    "Bella",
    "Casey",
    kids.school.name,
    world.users.peA.name,
    world.users.peB.name,
    world.users.pePast.name,
    world.users.onsiteA.name,
    world.users.admin.name,
  ];
}

/** Whatever a read returns, or the refusal's status: a refused list read shows nothing. */
async function read(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    const appError = toAppError(error);
    if (!appError || appError.status >= 500) throw error;
    return { refused: appError.status };
  }
}

/** Every list and search a person reads on their pages and through the API, serialised. */
async function everythingListedFor(user: SessionUser): Promise<string> {
  const reads: Array<() => Promise<unknown>> = [
    () => listPlacements(user),
    () => listCaseload(user),
    () => listCaseload(user, { status: "ENDED" }),
    () => listChildren(user),
    () => listOpenSafeguardingConcerns(user),
    () => openConcernsFor(user),
    () => listNotifications(user),
    () => listProgress(user, parseDashboardFilters({ status: "ALL" }), { limit: 100 }),
    () => placementsCsv(user, parseDashboardFilters({ status: "ALL" })),
    () => listAuditEntries(user, { take: 1000 }),
    () => listPeopleForChoosing(user, "PRACTICE_EDUCATOR"),
    () => listPeopleForChoosing(user, "ONSITE_SUPERVISOR"),
    ...["Second", "Test", "C-5005", "C-1001", "Nina", "Alfie", "Northvale", "Archer"].map(
      // The results without the query they echo: only what was found counts.
      (term) => () => search(user, term).then((results) => ({ ...results, query: undefined })),
    ),
  ];
  const results = [];
  for (const call of reads) results.push(await read(call));
  return JSON.stringify(results);
}

/** Reading one of `team`'s records by id: every one must be refused (404 or 403). */
function directReadsOf(team: "first" | "second") {
  const ids =
    team === "second"
      ? {
          placement: second.placementA.id,
          child: second.childA.id,
          supervision: second.supervisionId,
          evidence: second.evidenceId,
        }
      : {
          placement: world.placementA.id,
          child: kids.childA.id,
          supervision: firstTeamRecords.supervisionId,
          evidence: firstTeamRecords.evidenceId,
        };
  return {
    placement: (user: SessionUser) => getPlacement(user, ids.placement),
    attendance: (user: SessionUser) => listAttendance(user, ids.placement),
    child: (user: SessionUser) => getChild(user, ids.child),
    "supervision log": (user: SessionUser) => getSupervisionLog(user, ids.placement),
    "supervision record": (user: SessionUser) => getSupervisionRecord(user, ids.supervision),
    "evidence list": (user: SessionUser) => listPlacementEvidence(user, ids.placement),
    evidence: (user: SessionUser) => getEvidence(user, ids.evidence),
    observations: (user: SessionUser) => listObservations(user, ids.placement),
    concerns: (user: SessionUser) => listConcerns(user, ids.placement),
  };
}

async function statusOf(call: () => Promise<unknown>): Promise<number> {
  try {
    await call();
    return 200;
  } catch (error) {
    const appError = toAppError(error);
    if (!appError) throw error;
    return appError.status;
  }
}

const FIRST_TEAM = [
  "manager",
  "current PE",
  "past PE",
  "PE of placement B",
  "on-site supervisor",
  "student A",
  "student B",
] as const;
const SECOND_TEAM = ["manager", "PE", "on-site supervisor", "student A", "student B"] as const;

const firstTeamPeople = (): Record<(typeof FIRST_TEAM)[number], SessionUser> => ({
  manager: world.users.admin,
  "current PE": world.users.peA,
  "past PE": world.users.pePast,
  "PE of placement B": world.users.peB,
  "on-site supervisor": world.users.onsiteA,
  "student A": world.users.studentA,
  "student B": world.users.studentB,
});

const secondTeamPeople = (): Record<(typeof SECOND_TEAM)[number], SessionUser> => ({
  manager: second.users.admin,
  PE: second.users.pe,
  "on-site supervisor": second.users.onsite,
  "student A": second.users.studentA,
  "student B": second.users.studentB,
});

describe("the world has two teams, each with something to see", () => {
  it("each team's manager sees their own team's placements and children", async () => {
    const firstIds = (await listPlacements(world.users.admin)).map((row) => row.id);
    const secondIds = (await listPlacements(second.users.admin)).map((row) => row.id);
    expect(firstIds.sort()).toEqual([world.placementA.id, world.placementB.id].sort());
    expect(secondIds.sort()).toEqual([second.placementA.id, second.placementB.id].sort());
    expect((await listChildren(second.users.admin)).map((child) => child.code).sort()).toEqual(["C-5005", "C-6006"]);
    expect((await getSupervisionRecord(second.users.studentA, second.supervisionId)).record.id).toBe(
      second.supervisionId,
    );
  });

  it("each team's own people read their own records (the checks below are not vacuous)", async () => {
    const own = await everythingListedFor(second.users.admin);
    for (const secret of ["C-5005", second.placementA.id, second.supervisionId, second.users.pe.name])
      expect(own).toContain(secret);
    const reads = directReadsOf("second");
    for (const [what, call] of Object.entries(reads))
      expect([what, await statusOf(() => call(second.users.pe))]).toEqual([what, 200]);
  });
});

describe("the first team's people see nothing of the second team", () => {
  it.each(FIRST_TEAM)("%s: no list or search shows any of it", async (who) => {
    const listed = await everythingListedFor(firstTeamPeople()[who]);
    for (const secret of secretsOf("second"))
      expect([who, listed.includes(secret), secret]).toEqual([who, false, secret]);
  });

  it.each(FIRST_TEAM)("%s: asking for its records by id is refused", async (who) => {
    const user = firstTeamPeople()[who];
    for (const [what, call] of Object.entries(directReadsOf("second"))) {
      const status = await statusOf(() => call(user));
      expect([what, [403, 404].includes(status)]).toEqual([what, true]);
    }
  });
});

describe("the second team's people see nothing of the first team", () => {
  it.each(SECOND_TEAM)("%s: no list or search shows any of it", async (who) => {
    const listed = await everythingListedFor(secondTeamPeople()[who]);
    for (const secret of secretsOf("first"))
      expect([who, listed.includes(secret), secret]).toEqual([who, false, secret]);
  });

  it.each(SECOND_TEAM)("%s: asking for its records by id is refused", async (who) => {
    const user = secondTeamPeople()[who];
    for (const [what, call] of Object.entries(directReadsOf("first"))) {
      const status = await statusOf(() => call(user));
      expect([what, [403, 404].includes(status)]).toEqual([what, true]);
    }
  });
});

describe("what crosses teams by design stays within its rule", () => {
  it("a team manager's people lists hold their own staff and university people, never the other team's staff", async () => {
    const people = JSON.stringify(await listUsers(world.users.admin));
    expect(people).not.toContain(second.users.pe.name);
    expect(people).not.toContain(second.users.onsite.name);
    expect(people).not.toContain(second.users.admin.name);
    expect(people).toContain(world.users.peA.name);
  });

  it("the audit log shows the manager's own team's entries only", async () => {
    const entries = await listAuditEntries(world.users.admin, { take: 1000 });
    const ids = new Set(entries.map((entry) => entry.entityId));
    expect(ids.has(firstTeamRecords.supervisionId)).toBe(true); // written by the team's own PE
    expect(ids.has(firstTeamRecords.evidenceId)).toBe(true); // written by a student placed with the team
    expect(ids.has(second.supervisionId)).toBe(false);
    expect(ids.has(second.evidenceId)).toBe(false);
    const otherEntries = await listAuditEntries(second.users.admin, { take: 1000 });
    expect(otherEntries.map((entry) => entry.entityId)).toContain(second.evidenceId);
    expect(otherEntries.map((entry) => entry.entityId)).not.toContain(firstTeamRecords.evidenceId);
  });

  it("a tutor sees their university's students with both teams, and no child of either", async () => {
    const placements = (await listPlacements(world.users.tutorA)).map((row) => row.id);
    expect(placements).toEqual(expect.arrayContaining([world.placementA.id, second.placementA.id]));
    expect(placements).not.toContain(second.placementB.id);
    const listed = await everythingListedFor(world.users.tutorA);
    for (const secret of ["C-5005", "Nina", "C-1001", "Alfie", second.childA.id, kids.childA.id])
      expect(listed).not.toContain(secret);
  });

  it("a university API token reads only the placements of the team that issued it", async () => {
    const { token } = await issueApiToken(world.users.admin, { universityId: world.uniA.id, name: "Uni A sync" });
    const authenticated = await authenticateApiToken(token);
    const placements = (await listPlacements(authenticated!.user)).map((row) => row.id);
    expect(placements).toEqual([world.placementA.id]);
    expect(await statusOf(() => getPlacement(authenticated!.user, second.placementA.id))).toBe(404);
    const progress = JSON.stringify(
      await listProgress(authenticated!.user, parseDashboardFilters({ status: "ALL" }), { limit: 100 }),
    );
    expect(progress).not.toContain(second.placementA.id);
    expect(progress).toContain(world.placementA.id);
  });
});
