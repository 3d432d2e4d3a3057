import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { accountsManagedBy, canManageAccounts } from "@/lib/access/admin";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, forbidden, invalid, notFound, taken } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { normaliseEmail } from "@/lib/auth/sign-in-throttle";
import { endSessionsOf } from "@/lib/auth/sessions";
import { sendInvitation } from "@/lib/users/invitations";
import {
  createUserSchema,
  roleBelongsToUniversity,
  roleHasPepsStage,
  roleHasSchool,
  roleHasStudentProfile,
  updateUserSchema,
  type RoleName,
} from "@/lib/validations/user";
import type { Role } from "@/lib/generated/prisma/client";
import { accountStatus } from "@/lib/users/account-status";

// Accounts are created by the team manager only: there is no public sign-up.
const MANAGE_ACCOUNTS = "Only the team manager can manage accounts.";
const mayManage = (user: SessionUser) => canManageAccounts(user) || MANAGE_ACCOUNTS;

function requireAccountManager(user: SessionUser) {
  assertVerifiedUser(user);
  if (!canManageAccounts(user)) throw forbidden(MANAGE_ACCOUNTS);
}

const FIELD_LABELS: Record<string, string> = {
  name: "name",
  email: "email address",
  role: "role",
  active: "active status",
  organisationId: "organisation",
  pepsStage: "PEPS stage",
  password: "password",
};

export async function listUsers(user: SessionUser, filters: { role?: RoleName; q?: string } = {}) {
  requireAccountManager(user);
  const rows = await getDb().user.findMany({
    where: {
      AND: [
        accountsManagedBy(user),
        { role: filters.role },
        filters.q
          ? {
              OR: [
                { name: { contains: filters.q, mode: "insensitive" } },
                { email: { contains: filters.q, mode: "insensitive" } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      pepsStage: true,
      lastSignedInAt: true,
      passwordHash: true,
      organisation: { select: { name: true } },
    },
  });
  // The hash is read only to tell an invited person (no password yet) from an active one; it never leaves here.
  return rows.map(({ passwordHash, ...row }) => ({
    ...row,
    status: accountStatus({ active: row.active, hasPassword: Boolean(passwordHash) }),
    organisationName: row.organisation.name,
  }));
}

export async function getUserForEdit(user: SessionUser, userId: string) {
  requireAccountManager(user);
  const row = await getDb().user.findFirst({
    where: { AND: [accountsManagedBy(user), { id: parseId(userId, "That account") }] },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      pepsStage: true,
      version: true,
      organisationId: true,
      schoolId: true,
      panelLead: true,
      studentProfile: true,
      lastSignedInAt: true,
      passwordHash: true,
      accountLinks: {
        where: { purpose: "INVITATION", usedAt: null, revokedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { createdAt: true, expiresAt: true },
      },
      _count: { select: { sessions: true } },
      twoFactor: { select: { confirmedAt: true } },
    },
  });
  if (!row) throw notFound("That account");
  const { passwordHash, accountLinks, _count, twoFactor, ...person } = row;
  return {
    ...person,
    twoFactorSince: twoFactor?.confirmedAt ?? null,
    status: accountStatus({ active: row.active, hasPassword: Boolean(passwordHash) }),
    invitation: accountLinks[0] ?? null,
    sessionCount: _count.sessions,
  };
}

/** Checks the university, degree programme and cohort belong together; returns the organisation the account joins. */
async function resolveOrganisation(
  tx: Tx,
  admin: SessionUser,
  data: { role: RoleName; universityId: string | null; programmeId: string | null; cohortId: string | null },
) {
  if (!roleBelongsToUniversity(data.role)) return admin.organisationId;
  const university = await tx.organisation.findFirst({ where: { id: data.universityId!, kind: "UNIVERSITY" } });
  if (!university) throw fieldError("universityId", "Choose an existing university");
  if (roleHasStudentProfile(data.role)) {
    const programme = await tx.degreeProgramme.findFirst({
      where: { id: data.programmeId!, universityId: university.id },
    });
    if (!programme) throw fieldError("programmeId", "Choose a degree programme of that university");
    if (data.cohortId && !(await tx.cohort.findFirst({ where: { id: data.cohortId, programmeId: programme.id } }))) {
      throw fieldError("cohortId", "Choose a cohort of that degree programme");
    }
  }
  return university.id;
}

/** A school contact's school: one of the team's partner schools (docs/domain.md "Partner schools"). */
async function resolveSchool(tx: Tx, admin: SessionUser, data: { role: RoleName; schoolId: string | null }) {
  if (!roleHasSchool(data.role)) return null;
  const school = await tx.school.findFirst({
    where: { id: data.schoolId!, teamId: admin.organisationId },
    select: { id: true },
  });
  if (!school) throw fieldError("schoolId", "Choose one of the team's partner schools");
  return school.id;
}

const duplicateEmail = () => taken("email", "An account with that email address already exists.");

export const createUser = command({
  parse: (body: unknown) => ({ body }),
  input: createUserSchema,
  load: async () => null,
  allow: mayManage,
  async run(ctx, _nothing, data) {
    const { tx, user, audit } = ctx;
    const email = normaliseEmail(data.email);
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw duplicateEmail();
    const organisationId = await resolveOrganisation(tx, user, data);
    const schoolId = await resolveSchool(tx, user, data);
    const weak = data.password ? passwordProblem(data.password, { name: data.name, email }) : null;
    if (weak) throw fieldError("password", weak);
    const created = await tx.user.create({
      data: {
        name: data.name,
        email,
        role: data.role as Role,
        organisationId,
        passwordHash: data.password ? await hashPassword(data.password) : null,
        pepsStage: roleHasPepsStage(data.role) ? data.pepsStage : null,
        schoolId,
        studentProfile: roleHasStudentProfile(data.role)
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
    // createdFields leaves the password hash out of the audit log.
    await audit.created("User", created, data.password ? {} : { invited: true });
    if (!data.password) await sendInvitation(ctx, created);
    return { id: created.id, invited: !data.password };
  },
});

/**
 * Changes an account, including deactivating it (the person can no longer
 * sign in, at once: the user is read afresh on every request). A stale
 * version is a 409 naming who changed what.
 */
export const updateUser = command({
  parse: (userId: string, body: unknown) => ({ userId: parseId(userId, "That account"), body }),
  input: updateUserSchema,
  async load({ tx, user }, input) {
    const before = await tx.user.findFirst({
      where: { AND: [accountsManagedBy(user), { id: input.userId }] },
      include: { studentProfile: true },
    });
    if (!before) throw notFound("That account");
    return before;
  },
  allow: mayManage,
  version: (before, data) => ({
    entity: "User",
    id: before.id,
    current: before.version,
    expected: data.version,
    what: "this account",
    labels: FIELD_LABELS,
  }),
  async run({ tx, user, audit }, before, data) {
    // Nobody locks themself out: the team would be left without anyone to manage accounts.
    if (before.id === user.id && (!data.active || !canManageAccounts({ ...user, role: data.role as Role })))
      throw invalid("You cannot deactivate your own account or remove your own admin role.");
    const email = normaliseEmail(data.email);
    if (email !== before.email && (await tx.user.findUnique({ where: { email }, select: { id: true } })))
      throw duplicateEmail();
    const organisationId = await resolveOrganisation(tx, user, data);
    const schoolId = await resolveSchool(tx, user, data);
    const weak = data.newPassword ? passwordProblem(data.newPassword, { name: data.name, email }) : null;
    if (weak) throw fieldError("newPassword", weak);
    const passwordHash = data.newPassword ? await hashPassword(data.newPassword) : undefined;

    const next = {
      name: data.name,
      email,
      role: data.role as Role,
      active: data.active,
      organisationId,
      pepsStage: roleHasPepsStage(data.role) ? data.pepsStage : null,
      schoolId,
      // Only a tutor leads panels: a change of role takes the permission away.
      panelLead:
        data.role === "UNIVERSITY_TUTOR" && organisationId === before.organisationId ? before.panelLead : false,
    };
    const { count } = await tx.user.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, passwordHash, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict("Someone else changed this account at the same moment. Nothing was saved: reload and try again.");

    if (roleHasStudentProfile(data.role)) {
      const profile = {
        universityId: organisationId,
        programmeId: data.programmeId!,
        cohortId: data.cohortId,
        yearOfStudy: data.yearOfStudy!,
        placementLevel: data.placementLevel!,
      };
      await tx.studentProfile.upsert({
        where: { userId: before.id },
        create: { userId: before.id, ...profile },
        update: profile,
      });
    }
    // Deactivating an account or setting a new password for it signs the person out everywhere, at once.
    const sessionsEnded = !data.active || passwordHash ? await endSessionsOf(tx, before.id) : 0;
    // The password is never audited, only that it changed.
    await audit.updated(
      "User",
      before.id,
      before,
      { ...next, ...(passwordHash ? { password: "(changed)" } : {}), ...(sessionsEnded ? { sessionsEnded } : {}) },
      {
        from: data.version,
        to: data.version + 1,
      },
    );
    return { id: before.id };
  },
});

/** Active people of one role the team manager may put on a placement: the choosers on placement forms. */
export async function listPeopleForChoosing(user: SessionUser, role: Role) {
  requireAccountManager(user);
  return getDb().user.findMany({
    where: { AND: [accountsManagedBy(user), { role, active: true }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, organisationId: true, pepsStage: true },
  });
}
