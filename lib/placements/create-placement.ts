import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canManagePlacements } from "@/lib/access/placements";
import { AppError, conflict, forbidden } from "@/lib/errors";
import { createdFields, writeAudit } from "@/lib/audit";
import { createPlacementSchema } from "@/lib/validations/placement";
import { formatDate, fromIsoDate, toIsoDate } from "@/lib/dates";
import type { Role } from "@/lib/generated/prisma/client";
import { DEFAULT_OBSERVATIONS_REQUIRED } from "@/lib/portfolio/milestone-rules";

/** Checks that an id names an active user with the given role; a field error otherwise. */
export async function requireRole(tx: Tx, userId: string, role: Role, field: string, label: string) {
  const found = await tx.user.findFirst({
    where: { id: userId, role, active: true },
    select: { id: true, organisationId: true },
  });
  if (!found) throw new AppError(400, "Check the highlighted fields.", { [field]: [`Choose an existing ${label}`] });
  return found;
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

export async function createPlacement(user: SessionUser, input: unknown) {
  assertVerifiedUser(user);
  if (!canManagePlacements(user)) throw forbidden("Only the placement coordinator can create placements.");
  const data = createPlacementSchema.parse(input);

  return getDb().$transaction(async (tx) => {
    await requireRole(tx, data.studentId, "STUDENT", "studentId", "student");
    await requireRole(tx, data.practiceEducatorId, "PRACTICE_EDUCATOR", "practiceEducatorId", "practice educator");
    if (data.onsiteSupervisorId)
      await requireRole(tx, data.onsiteSupervisorId, "ONSITE_SUPERVISOR", "onsiteSupervisorId", "on-site supervisor");
    if (data.tutorId) {
      const tutor = await requireRole(tx, data.tutorId, "UNIVERSITY_TUTOR", "tutorId", "university tutor");
      const profile = await tx.studentProfile.findUnique({
        where: { userId: data.studentId },
        select: { universityId: true },
      });
      if (profile && profile.universityId !== tutor.organisationId) {
        throw new AppError(400, "Check the highlighted fields.", {
          tutorId: ["Choose a tutor from the student's own university"],
        });
      }
    }
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
        // DOMAIN.md: 2 direct observations on a first placement, 3 on a final one, unless the university says otherwise.
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
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "Placement",
      entityId: placement.id,
      changes: { ...createdFields(placement), practiceEducatorId: data.practiceEducatorId },
    });
    return { id: placement.id };
  });
}
