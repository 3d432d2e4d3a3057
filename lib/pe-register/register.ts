import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canMaintainRegister, registerEntriesVisibleTo } from "@/lib/access/pe-register";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { fromIsoDate, toIsoDate, todayInUk } from "@/lib/dates";
import { registerEntrySchema } from "@/lib/validations/pe-register";
import { refresherStatus, registerEntryStale } from "@/lib/pe-register/currency";

// The practice educator register (docs/domain.md "The practice educator register").

const STILL_RUNNING = ["PLANNED", "ACTIVE", "SUSPENDED"] as const;

/** The register entries the user may read, with students supervised and the panels' decisions on their reports. */
export async function listRegister(user: SessionUser, today = todayInUk()) {
  assertVerifiedUser(user);
  const educators = await getDb().user.findMany({
    where: { AND: [registerEntriesVisibleTo(user), { role: "PRACTICE_EDUCATOR" }] },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      active: true,
      pepsStage: true,
      educatorRecord: true,
      practiceEducatorSpells: {
        select: { endDate: true, placement: { select: { id: true, status: true } } },
      },
      finalAssessmentsAsPe: { select: { panelItems: { select: { decision: true } } } },
    },
  });
  return educators.map((educator) => {
    const record = educator.educatorRecord;
    const qualifiedOn = record?.qualifiedOn ? toIsoDate(record.qualifiedOn) : null;
    const lastRefresherOn = record?.lastRefresherOn ? toIsoDate(record.lastRefresherOn) : null;
    const current = new Set(
      educator.practiceEducatorSpells
        .filter(
          (spell) => spell.endDate === null && (STILL_RUNNING as readonly string[]).includes(spell.placement.status),
        )
        .map((spell) => spell.placement.id),
    );
    const all = new Set(educator.practiceEducatorSpells.map((spell) => spell.placement.id));
    const decisions = educator.finalAssessmentsAsPe.flatMap((assessment) =>
      assessment.panelItems.map((item) => item.decision).filter((decision) => decision !== null),
    );
    const updatedOn = record ? toIsoDate(record.updatedAt) : null;
    return {
      id: educator.id,
      name: educator.name,
      active: educator.active,
      pepsStage: educator.pepsStage,
      qualifiedOn,
      lastRefresherOn,
      refresher: refresherStatus({ qualifiedOn, lastRefresherOn }, today),
      capacity: record?.capacity ?? null,
      notes: record?.notes ?? "",
      updatedOn,
      stale: registerEntryStale(updatedOn, today),
      version: record?.version ?? 0,
      currentStudents: current.size,
      pastStudents: all.size - current.size,
      overCapacity: record ? current.size > record.capacity : false,
      panelDecisions: {
        confirmed: decisions.filter((d) => d === "CONFIRMED" || d === "CONFIRMED_WITH_FEEDBACK").length,
        returned: decisions.filter((d) => d === "RETURNED_FOR_EVIDENCE").length,
        referred: decisions.filter((d) => d === "REFERRED_TO_EXAM_BOARD").length,
      },
    };
  });
}

/** The team manager records a practice educator's PEPS stage, qualification, refresher and capacity. */
export const updateRegisterEntry = command({
  parse: (educatorId: string, body: unknown) => ({ educatorId: parseId(educatorId, "That practice educator"), body }),
  input: registerEntrySchema,
  load: async ({ tx, user }, { educatorId }) => {
    const educator = await tx.user.findFirst({
      where: { AND: [registerEntriesVisibleTo(user), { id: educatorId, role: "PRACTICE_EDUCATOR" }] },
      select: { id: true, pepsStage: true, educatorRecord: true },
    });
    if (!educator) throw notFound("That practice educator");
    return educator;
  },
  allow: (user) => canMaintainRegister(user) || "Only the team manager keeps the practice educator register.",
  version: (educator, input) => ({
    entity: "PracticeEducatorRecord",
    id: educator.id,
    current: educator.educatorRecord?.version ?? 0,
    expected: input.version,
    what: "this register entry",
  }),
  async run({ tx, user, audit }, educator, input) {
    if (input.qualifiedOn && input.qualifiedOn > todayInUk())
      throw fieldError("qualifiedOn", "The date qualified cannot be in the future");
    if (input.lastRefresherOn && input.lastRefresherOn > todayInUk())
      throw fieldError("lastRefresherOn", "The refresher date cannot be in the future");
    if (input.qualifiedOn && input.lastRefresherOn && input.lastRefresherOn < input.qualifiedOn)
      throw fieldError("lastRefresherOn", "The last refresher cannot be before the date qualified");
    const data = {
      qualifiedOn: input.qualifiedOn ? fromIsoDate(input.qualifiedOn) : null,
      lastRefresherOn: input.lastRefresherOn ? fromIsoDate(input.lastRefresherOn) : null,
      capacity: input.capacity,
      notes: input.notes,
      updatedById: user.id,
    };
    if (educator.educatorRecord) {
      const { count } = await tx.practiceEducatorRecord.updateMany({
        where: { userId: educator.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw conflict("Someone else saved this entry at the same moment. Reload and try again.");
    } else {
      await tx.practiceEducatorRecord.create({ data: { userId: educator.id, ...data } });
    }
    if (educator.pepsStage !== input.pepsStage)
      await tx.user.update({
        where: { id: educator.id },
        data: { pepsStage: input.pepsStage, version: { increment: 1 } },
      });
    await audit.updated(
      "PracticeEducatorRecord",
      educator.id,
      { ...(educator.educatorRecord ?? {}), pepsStage: educator.pepsStage },
      { ...data, pepsStage: input.pepsStage },
      { from: input.version, to: input.version + 1 },
    );
    return { version: input.version + 1 };
  },
});
