import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { AppError, forbidden } from "@/lib/errors";
import { createdFields, writeAudit } from "@/lib/audit";
import { createCohortSchema, createProgrammeSchema, createUniversitySchema } from "@/lib/validations/university";

/**
 * Universities with their programmes and cohorts. The admin sees all of them;
 * a tutor or student only their own university; the team's PEs and on-site
 * supervisors all of them (they filter their lists by university).
 */
export async function listUniversities(user: SessionUser) {
  assertVerifiedUser(user);
  const ownOnly = user.role === "UNIVERSITY_TUTOR" || user.role === "STUDENT";
  return getDb().organisation.findMany({
    where: { kind: "UNIVERSITY", id: ownOnly ? user.organisationId : undefined },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      programmes: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, cohorts: { orderBy: { name: "asc" }, select: { id: true, name: true } } },
      },
    },
  });
}

/** The same list for the admin's screens: anyone else is refused, so those screens answer "not found". */
export async function listUniversitiesForAdmin(user: SessionUser) {
  requireAdmin(user);
  return listUniversities(user);
}

function requireAdmin(user: SessionUser) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden("Only the team manager can change universities and programmes.");
}

const taken = (field: string, message: string) => new AppError("conflict", message, { [field]: ["Already in use"] });

export async function createUniversity(user: SessionUser, input: unknown) {
  requireAdmin(user);
  const data = createUniversitySchema.parse(input);
  return getDb().$transaction(async (tx) => {
    if (await tx.organisation.findUnique({ where: { name: data.name } }))
      throw taken("name", "An organisation with that name already exists.");
    const created = await tx.organisation.create({ data: { name: data.name, kind: "UNIVERSITY" } });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "Organisation",
      entityId: created.id,
      changes: createdFields(created),
    });
    return { id: created.id };
  });
}

export async function createProgramme(user: SessionUser, input: unknown) {
  requireAdmin(user);
  const data = createProgrammeSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const university = await tx.organisation.findFirst({ where: { id: data.universityId, kind: "UNIVERSITY" } });
    if (!university)
      throw new AppError("validation", "Check the highlighted fields.", {
        universityId: ["Choose an existing university"],
      });
    if (await tx.programme.findFirst({ where: { universityId: university.id, name: data.name } }))
      throw taken("name", "That university already has a programme with that name.");
    const created = await tx.programme.create({ data: { universityId: university.id, name: data.name } });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "Programme",
      entityId: created.id,
      changes: createdFields(created),
    });
    return { id: created.id };
  });
}

export async function createCohort(user: SessionUser, input: unknown) {
  requireAdmin(user);
  const data = createCohortSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const programme = await tx.programme.findUnique({ where: { id: data.programmeId } });
    if (!programme)
      throw new AppError("validation", "Check the highlighted fields.", {
        programmeId: ["Choose an existing programme"],
      });
    if (await tx.cohort.findFirst({ where: { programmeId: programme.id, name: data.name } }))
      throw taken("name", "That programme already has a cohort with that name.");
    const created = await tx.cohort.create({ data: { programmeId: programme.id, name: data.name } });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "Cohort",
      entityId: created.id,
      changes: createdFields(created),
    });
    return { id: created.id };
  });
}
