/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { Role } from "@/lib/generated/prisma/enums";
import { seedDemoWorld } from "@/prisma/seed/demo-world";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { placementsVisibleTo } from "@/lib/access/placements";
import { placementsVisibleSql } from "@/lib/access/placements-sql";
import { dashboardWhere } from "@/lib/progress/dashboard";
import { dashboardWhereSql } from "@/lib/progress/hot-reads";
import { dashboardFiltersSchema, type DashboardFilters } from "@/lib/progress/dashboard-filters";
import { todayInUk } from "@/lib/dates";

// The hot reads (lib/progress/hot-reads.ts) scope with placementsVisibleSql,
// the SQL twin of placementsVisibleTo. Both must select exactly the same
// placements for every user: here for every account of the demo world (every
// role, past and current PEs, two teams, several universities), an API token
// acting as a tutor for one team, and the dashboards' filters on top.

const { db } = useTestDatabase();

let users: SessionUser[] = [];

beforeAll(async () => {
  await seedDemoWorld(db(), todayInUk());
  users = await db().user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, organisationId: true },
  });
});

async function idsByPrisma(where: Prisma.PlacementWhereInput): Promise<string[]> {
  const rows = await db().placement.findMany({ where, select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}

async function idsBySql(where: Prisma.Sql): Promise<string[]> {
  const rows = await db().$queryRaw<Array<{ id: string }>>`SELECT p.id FROM "Placement" p WHERE ${where} ORDER BY p.id`;
  return rows.map((row) => row.id);
}

describe("placementsVisibleSql selects what placementsVisibleTo selects", () => {
  it("for every user of the demo world, of every role", async () => {
    // Every role has someone in the demo world, so a new role cannot slip past this comparison.
    expect(new Set(users.map((user) => user.role))).toEqual(new Set(Object.values(Role)));
    let seen = 0;
    for (const user of users) {
      const expected = await idsByPrisma(placementsVisibleTo(user));
      expect({ user: user.email, ids: await idsBySql(placementsVisibleSql(user)) }).toEqual({
        user: user.email,
        ids: expected,
      });
      seen += expected.length;
    }
    // Not a comparison of empty sets.
    expect(seen).toBeGreaterThan(10);
  });

  it("for an API token acting as a tutor, limited to the team that issued it", async () => {
    const tutor = users.find((user) => user.role === "UNIVERSITY_TUTOR")!;
    const teams = await db().organisation.findMany({ where: { kind: "TEAM" }, select: { id: true } });
    let seen = 0;
    // The demo world's team, and a team with none of the tutor's students.
    for (const teamId of [...teams.map((team) => team.id), "a-team-with-none-of-them"]) {
      const token = { ...tutor, apiTokenTeamId: teamId };
      const expected = await idsByPrisma(placementsVisibleTo(token));
      expect(await idsBySql(placementsVisibleSql(token))).toEqual(expected);
      seen += expected.length;
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe("dashboardWhereSql selects what dashboardWhere selects", () => {
  it("for every user with each status, and with a programme, cohort, university and team", async () => {
    const profile = await db().studentProfile.findFirst({
      where: { cohortId: { not: null }, user: { placementsAsStudent: { some: {} } } },
      select: {
        programmeId: true,
        cohortId: true,
        universityId: true,
        user: { select: { placementsAsStudent: { select: { teamId: true }, take: 1 } } },
      },
    });
    expect(profile).not.toBeNull();
    const teamId = profile!.user.placementsAsStudent[0].teamId;
    const variants: Array<Partial<DashboardFilters>> = [
      {},
      { status: "ALL" },
      { status: "COMPLETED" },
      { status: "PLANNED" },
      { status: "ALL", programme: profile!.programmeId },
      { status: "ALL", cohort: profile!.cohortId! },
      { status: "ALL", university: profile!.universityId, team: teamId },
      { team: teamId },
    ];
    let seen = 0;
    for (const user of users)
      for (const variant of variants) {
        const filters = { ...dashboardFiltersSchema.parse({}), ...variant };
        const expected = await idsByPrisma(dashboardWhere(user, filters));
        expect({ user: user.email, variant, ids: await idsBySql(dashboardWhereSql(user, filters)) }).toEqual({
          user: user.email,
          variant,
          ids: expected,
        });
        seen += expected.length;
      }
    expect(seen).toBeGreaterThan(10);
  });
});
