import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canManageUniversities, universitiesVisibleTo } from "@/lib/access/admin";
import { command } from "@/lib/core/command";
import { fieldError, forbidden, taken } from "@/lib/errors";
import { createCohortSchema, createDegreeProgrammeSchema, createUniversitySchema } from "@/lib/validations/university";

// Universities, their social work degree programmes and the programmes'
// cohorts (intakes). Students and tutors belong to a university; the team
// manager adds them (docs/domain.md "Who is who").

const MANAGE = "Only the team manager can change universities and degree programmes.";
const mayManage = (user: SessionUser) => canManageUniversities(user) || MANAGE;

/** Universities with their degree programmes and cohorts, as far as the user may see them (universitiesVisibleTo). */
export async function listUniversities(user: SessionUser) {
  return getDb().organisation.findMany({
    where: universitiesVisibleTo(user),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      degreeProgrammes: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, cohorts: { orderBy: { name: "asc" }, select: { id: true, name: true } } },
      },
    },
  });
}

/** The same list for the team manager's screens: anyone else is refused, so those screens answer "not found". */
export async function listUniversitiesForAdmin(user: SessionUser) {
  assertVerifiedUser(user);
  if (!canManageUniversities(user)) throw forbidden(MANAGE);
  return listUniversities(user);
}

export const createUniversity = command({
  parse: (body: unknown) => ({ body }),
  input: createUniversitySchema,
  load: async () => null,
  allow: mayManage,
  async run({ tx, audit }, _nothing, data) {
    // Organisation names are unique across universities and teams.
    if (await tx.organisation.findUnique({ where: { name: data.name } }))
      throw taken("name", "An organisation with that name already exists.");
    const created = await tx.organisation.create({ data: { name: data.name, kind: "UNIVERSITY" } });
    await audit.created("Organisation", created);
    return { id: created.id };
  },
});

export const createDegreeProgramme = command({
  parse: (body: unknown) => ({ body }),
  input: createDegreeProgrammeSchema,
  load: async () => null,
  allow: mayManage,
  async run({ tx, audit }, _nothing, data) {
    const university = await tx.organisation.findFirst({ where: { id: data.universityId, kind: "UNIVERSITY" } });
    if (!university) throw fieldError("universityId", "Choose an existing university");
    if (await tx.degreeProgramme.findFirst({ where: { universityId: university.id, name: data.name } }))
      throw taken("name", "That university already has a degree programme with that name.");
    const created = await tx.degreeProgramme.create({ data: { universityId: university.id, name: data.name } });
    // "Programme" is the table's name, and the entity name earlier audit entries carry.
    await audit.created("Programme", created);
    return { id: created.id };
  },
});

export const createCohort = command({
  parse: (body: unknown) => ({ body }),
  input: createCohortSchema,
  load: async () => null,
  allow: mayManage,
  async run({ tx, audit }, _nothing, data) {
    const programme = await tx.degreeProgramme.findUnique({ where: { id: data.programmeId } });
    if (!programme) throw fieldError("programmeId", "Choose an existing degree programme");
    if (await tx.cohort.findFirst({ where: { programmeId: programme.id, name: data.name } }))
      throw taken("name", "That degree programme already has a cohort with that name.");
    const created = await tx.cohort.create({ data: { programmeId: programme.id, name: data.name } });
    await audit.created("Cohort", created);
    return { id: created.id };
  },
});
