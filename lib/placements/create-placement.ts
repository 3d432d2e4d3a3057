import "server-only";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { canManagePlacements } from "@/lib/access/placements";
import { command } from "@/lib/core/command";
import { conflict, fieldError } from "@/lib/errors";
import { createPlacementSchema } from "@/lib/validations/placement";
import { formatDate, fromIsoDate, toIsoDate } from "@/lib/dates";
import type { Role } from "@/lib/generated/prisma/client";
import { DEFAULT_OBSERVATIONS_REQUIRED } from "@/lib/portfolio/milestone-rules";

const TEAM_ROLES: readonly Role[] = ["ADMIN", "PRACTICE_EDUCATOR", "ONSITE_SUPERVISOR"];

/**
 * Checks that an id names an active user with the given role whom the admin
 * may place: the team's own practice educators and on-site supervisors, or a
 * student or tutor of any university. A field error otherwise, the same
 * whether the person does not exist or belongs to another council's team.
 */
export async function requireRole(
  tx: Tx,
  admin: SessionUser,
  userId: string,
  role: Role,
  field: string,
  label: string,
) {
  const found = await tx.user.findFirst({
    where: {
      id: userId,
      role,
      active: true,
      ...(TEAM_ROLES.includes(role) ? { organisationId: admin.organisationId } : {}),
    },
    select: { id: true, organisationId: true },
  });
  if (!found) throw fieldError(field, `Choose an existing ${label}`);
  return found;
}

/** A tutor must come from the student's own university. */
export async function requireTutorOfStudent(tx: Tx, admin: SessionUser, tutorId: string, studentId: string) {
  const tutor = await requireRole(tx, admin, tutorId, "UNIVERSITY_TUTOR", "tutorId", "university tutor");
  const profile = await tx.studentProfile.findUnique({ where: { userId: studentId }, select: { universityId: true } });
  if (profile && profile.universityId !== tutor.organisationId)
    throw fieldError("tutorId", "Choose a tutor from the student's own university");
}

/** A student cannot be on two live placements at once. */
export async function assertNoOverlap(
  tx: Tx,
  input: { studentId: string; startDate: string; endDate: string; exceptId?: string },
) {
  const clash = await tx.placement.findFirst({
    where: {
      studentId: input.studentId,
      id: input.exceptId ? { not: input.exceptId } : undefined,
      status: { in: ["PLANNED", "ACTIVE", "SUSPENDED"] },
      startDate: { lte: fromIsoDate(input.endDate) },
      endDate: { gte: fromIsoDate(input.startDate) },
    },
    select: { startDate: true, endDate: true },
  });
  if (clash) {
    throw conflict(
      `This student already has a placement from ${formatDate(toIsoDate(clash.startDate))} to ${formatDate(toIsoDate(clash.endDate))} that overlaps these dates.`,
    );
  }
}

export const createPlacement = command({
  parse: (body: unknown) => ({ body }),
  input: createPlacementSchema,
  load: async () => null,
  allow: (user) => canManagePlacements(user) || "Only the placement coordinator can create placements.",
  async run({ tx, user, audit, placementChanged }, _nothing, data) {
    await requireRole(tx, user, data.studentId, "STUDENT", "studentId", "student");
    await requireRole(
      tx,
      user,
      data.practiceEducatorId,
      "PRACTICE_EDUCATOR",
      "practiceEducatorId",
      "practice educator",
    );
    if (data.onsiteSupervisorId)
      await requireRole(
        tx,
        user,
        data.onsiteSupervisorId,
        "ONSITE_SUPERVISOR",
        "onsiteSupervisorId",
        "on-site supervisor",
      );
    if (data.tutorId) await requireTutorOfStudent(tx, user, data.tutorId, data.studentId);
    await assertNoOverlap(tx, data);

    const placement = await tx.placement.create({
      data: {
        studentId: data.studentId,
        teamId: user.organisationId,
        setting: data.setting,
        level: data.level,
        startDate: fromIsoDate(data.startDate),
        endDate: fromIsoDate(data.endDate),
        requiredDays: data.requiredDays,
        // docs/domain.md (Observations): 2 on a first placement, 3 on a final one, unless the university says otherwise.
        observationsRequired: DEFAULT_OBSERVATIONS_REQUIRED[data.level],
        onsiteSupervisorId: data.onsiteSupervisorId,
        tutorId: data.tutorId,
        practiceEducators: {
          create: {
            practiceEducatorId: data.practiceEducatorId,
            startDate: fromIsoDate(data.startDate),
            reason: "Allocated at the start of the placement",
          },
        },
      },
    });
    await audit.created("Placement", placement, { practiceEducatorId: data.practiceEducatorId });
    placementChanged(placement.id);
    return { id: placement.id };
  },
});
