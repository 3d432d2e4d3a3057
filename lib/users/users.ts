import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { changedFields, createdFields, writeAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { normaliseEmail } from "@/lib/auth/sign-in-throttle";
import { createUserSchema, roleBelongsToUniversity, updateUserSchema, type RoleName } from "@/lib/validations/user";
import type { Role } from "@/lib/generated/prisma/client";

// Accounts are created by the team's admin only: there is no public sign-up.
function requireAdmin(user: SessionUser) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden("Only the team manager can manage accounts.");
}

export async function listUsers(user: SessionUser, filters: { role?: RoleName; q?: string } = {}) {
  requireAdmin(user);
  const rows = await getDb().user.findMany({
    where: {
      role: filters.role,
      OR: filters.q
        ? [
            { name: { contains: filters.q, mode: "insensitive" } },
            { email: { contains: filters.q, mode: "insensitive" } },
          ]
        : undefined,
    },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      pepsStage: true,
      organisation: { select: { name: true } },
    },
  });
  return rows.map((row) => ({ ...row, organisationName: row.organisation.name }));
}

export async function getUserForEdit(user: SessionUser, userId: string) {
  requireAdmin(user);
  const row = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      pepsStage: true,
      version: true,
      organisationId: true,
      studentProfile: true,
    },
  });
  if (!row) throw notFound("That account");
  return row;
}

/** Checks the university, programme and cohort belong together; returns the organisation the account joins. */
async function resolveOrganisation(
  tx: Tx,
  admin: SessionUser,
  data: { role: RoleName; universityId: string | null; programmeId: string | null; cohortId: string | null },
) {
  if (!roleBelongsToUniversity(data.role)) return admin.organisationId;
  const fieldError = (field: string, message: string) =>
    new AppError("validation", "Check the highlighted fields.", { [field]: [message] });
  const university = await tx.organisation.findFirst({ where: { id: data.universityId!, kind: "UNIVERSITY" } });
  if (!university) throw fieldError("universityId", "Choose an existing university");
  if (data.role === "STUDENT") {
    const programme = await tx.programme.findFirst({ where: { id: data.programmeId!, universityId: university.id } });
    if (!programme) throw fieldError("programmeId", "Choose a programme of that university");
    if (data.cohortId && !(await tx.cohort.findFirst({ where: { id: data.cohortId, programmeId: programme.id } }))) {
      throw fieldError("cohortId", "Choose a cohort of that programme");
    }
  }
  return university.id;
}

function duplicateEmail() {
  return new AppError("conflict", "An account with that email address already exists.", { email: ["Already in use"] });
}

export async function createUser(user: SessionUser, input: unknown) {
  requireAdmin(user);
  const data = createUserSchema.parse(input);
  const email = normaliseEmail(data.email);
  const passwordHash = await hashPassword(data.password);

  return getDb().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw duplicateEmail();
    const organisationId = await resolveOrganisation(tx, user, data);
    const created = await tx.user.create({
      data: {
        name: data.name,
        email,
        role: data.role as Role,
        organisationId,
        passwordHash,
        pepsStage: data.role === "PRACTICE_EDUCATOR" ? data.pepsStage : null,
        studentProfile:
          data.role === "STUDENT"
            ? {
                create: {
                  universityId: organisationId,
                  programmeId: data.programmeId!,
                  cohortId: data.cohortId,
                  yearOfStudy: data.yearOfStudy!,
                  placementLevel: data.placementLevel!,
                },
              }
            : undefined,
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "User",
      entityId: created.id,
      changes: createdFields(created),
    });
    return { id: created.id };
  });
}

export async function updateUser(user: SessionUser, userId: string, input: unknown) {
  requireAdmin(user);
  const data = updateUserSchema.parse(input);
  const email = normaliseEmail(data.email);
  const passwordHash = data.newPassword ? await hashPassword(data.newPassword) : undefined;

  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, include: { studentProfile: true } });
    if (!before) throw notFound("That account");
    if (before.version !== data.version)
      throw conflict(
        "Someone else changed this account after you opened it. Nothing was saved: reload and make your change again.",
      );
    if (before.id === user.id && (!data.active || data.role !== "ADMIN")) {
      throw new AppError("validation", "You cannot deactivate your own account or remove your own admin role.");
    }
    if (email !== before.email && (await tx.user.findUnique({ where: { email }, select: { id: true } })))
      throw duplicateEmail();
    const organisationId = await resolveOrganisation(tx, user, data);

    const next = {
      name: data.name,
      email,
      role: data.role as Role,
      active: data.active,
      organisationId,
      pepsStage: data.role === "PRACTICE_EDUCATOR" ? data.pepsStage : null,
    };
    const { count } = await tx.user.updateMany({
      where: { id: userId, version: data.version },
      data: { ...next, passwordHash, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict("Someone else changed this account at the same moment. Nothing was saved: reload and try again.");

    if (data.role === "STUDENT") {
      const profile = {
        universityId: organisationId,
        programmeId: data.programmeId!,
        cohortId: data.cohortId,
        yearOfStudy: data.yearOfStudy!,
        placementLevel: data.placementLevel!,
      };
      await tx.studentProfile.upsert({ where: { userId }, create: { userId, ...profile }, update: profile });
    }
    const changes = changedFields(before, next);
    if (passwordHash) changes.password = { from: "(hidden)", to: "(changed)" };
    await writeAudit(tx, user, { action: "UPDATE", entity: "User", entityId: userId, changes });
    return { id: userId };
  });
}

/** People of one role, for the choosers on placement forms. */
export async function listPeopleForChoosing(user: SessionUser, role: Role) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden();
  return getDb().user.findMany({
    where: { role, active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, organisationId: true, pepsStage: true },
  });
}
