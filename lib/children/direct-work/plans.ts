import "server-only";
import { allocationsVisibleTo, canWriteChildWork } from "@/lib/access/children";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { formatDate, fromIsoDate, toIsoDate } from "@/lib/dates";
import { auditCreated, auditUpdated } from "@/lib/children/child-audit";
import { activeThemes, checkThemes } from "@/lib/children/direct-work/themes";
import { assertOpen, loadProgramme, mayWriteDirectWork } from "@/lib/children/direct-work/load";
import { extendedEndDate, programmeEndDate, weeklySessionDates } from "@/lib/children/direct-work/weeks";
import {
  closeDirectWorkProgrammeSchema,
  directWorkProgrammeSchema,
  extendDirectWorkProgrammeSchema,
  MAX_SESSIONS_IN_ALL,
} from "@/lib/validations/direct-work";

// A direct-work programme's plan: agreed once per direct-work allocation,
// extended a few weeks at a time, closed with a summary (docs/domain.md,
// "Children's work"). Every write goes through command(): parsed and bounded
// first, then loaded as the user may see it, then the permission.

const PLAN_FIELDS = { plannedSessions: "number of sessions", endDate: "end date", closingSummary: "closing summary" };

/** Agrees a plan of N weekly sessions from the first session's date, each with a theme from the team's list. */
export const createDirectWorkProgramme = command({
  parse: (allocationId: string, body: unknown) => ({ allocationId: parseId(allocationId, "That allocation"), body }),
  input: directWorkProgrammeSchema,
  async load({ tx, user }, input) {
    const allocation = await tx.allocation.findFirst({
      where: { AND: [allocationsVisibleTo(user), { id: input.allocationId }] },
      include: {
        child: { select: { teamId: true, anonymisedAt: true } },
        placement: { select: { endDate: true } },
        programme: { select: { id: true } },
      },
    });
    if (!allocation) throw notFound("That allocation");
    return allocation;
  },
  allow: (user, allocation) =>
    canWriteChildWork(user, allocation) ||
    "Only the allocated student, their practice educator and the team manager agree a plan of sessions.",
  async run({ tx, audit, placementChanged }, allocation, data) {
    if (allocation.kind !== "DIRECT_WORK") throw conflict("Only direct work has a plan of sessions.");
    if (allocation.status !== "ACTIVE" || allocation.child.anonymisedAt)
      throw conflict("This allocation has ended: a new plan cannot be agreed on it.");
    if (allocation.programme)
      throw conflict("This allocation already has a plan of sessions: extend that plan instead.", {
        programmeId: allocation.programme.id,
      });
    const workStart = toIsoDate(allocation.startDate);
    if (data.startDate < workStart)
      throw fieldError("startDate", `The first session cannot be before the work started (${formatDate(workStart)})`);
    const placementEnd = toIsoDate(allocation.placement.endDate);
    if (data.startDate > placementEnd)
      throw fieldError(
        "startDate",
        `The first session must be before the student's placement ends (${formatDate(placementEnd)})`,
      );
    checkThemes(data.themes, await activeThemes(tx, allocation.child.teamId), (index) => `themes.${index}`);

    const dates = weeklySessionDates(data.startDate, data.plannedSessions);
    const endDate = programmeEndDate(data.startDate, data.plannedSessions);
    const programme = await tx.directWorkProgramme.create({
      data: {
        allocationId: allocation.id,
        plannedSessions: data.plannedSessions,
        agreedWithSchool: data.agreedWithSchool,
        agreedWithChild: data.agreedWithChild,
        agreedWithParents: data.agreedWithParents,
        startDate: fromIsoDate(data.startDate),
        endDate: fromIsoDate(endDate),
        sessions: {
          create: data.themes.map((theme, index) => ({
            number: index + 1,
            plannedOn: fromIsoDate(dates[index]),
            theme,
          })),
        },
      },
    });
    await auditCreated(audit, "DirectWorkProgramme", programme, { themes: data.themes });
    placementChanged(allocation.placementId);
    return { id: programme.id };
  },
});

/** Extends the plan by more weekly sessions; the programme's end moves on by a week for each. */
export const extendDirectWorkProgramme = command({
  parse: (programmeId: string, body: unknown) => ({ programmeId: parseId(programmeId, "That programme"), body }),
  input: extendDirectWorkProgrammeSchema,
  load: ({ tx, user }, input) => loadProgramme(tx, user, input.programmeId),
  allow: mayWriteDirectWork,
  version: (programme, input) => ({
    entity: "DirectWorkProgramme",
    id: programme.id,
    current: programme.version,
    expected: input.version,
    what: "this plan",
    labels: PLAN_FIELDS,
  }),
  async run({ tx, audit }, before, data) {
    assertOpen(before);
    const plannedSessions = before.plannedSessions + data.additionalSessions;
    if (plannedSessions > MAX_SESSIONS_IN_ALL)
      throw fieldError(
        "additionalSessions",
        `A plan has at most ${MAX_SESSIONS_IN_ALL} sessions in all (a school year of weekly sessions); this one has ${before.plannedSessions}`,
      );
    const next = {
      plannedSessions,
      endDate: fromIsoDate(extendedEndDate(toIsoDate(before.endDate), data.additionalSessions)),
    };
    const { count } = await tx.directWorkProgramme.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else changed this plan at the same moment. Reload and try again.");
    await auditUpdated(audit, "DirectWorkProgramme", before.id, before, next, {
      from: data.version,
      to: data.version + 1,
    });
    return { id: before.id, version: data.version + 1, plannedSessions, endDate: toIsoDate(next.endDate) };
  },
});

/** Closes the programme with a summary; after that nothing more is recorded on it (the child's feedback may still arrive). */
export const closeDirectWorkProgramme = command({
  parse: (programmeId: string, body: unknown) => ({ programmeId: parseId(programmeId, "That programme"), body }),
  input: closeDirectWorkProgrammeSchema,
  load: ({ tx, user }, input) => loadProgramme(tx, user, input.programmeId),
  allow: mayWriteDirectWork,
  version: (programme, input) => ({
    entity: "DirectWorkProgramme",
    id: programme.id,
    current: programme.version,
    expected: input.version,
    what: "this plan",
    labels: PLAN_FIELDS,
  }),
  async run({ tx, audit }, before, data) {
    if (before.closedAt) throw conflict("This programme has already been closed.");
    const next = {
      closingSummary: data.closingSummary,
      summaryForSchool: data.summaryForSchool ? data.summaryForSchool : null,
      closedAt: new Date(),
    };
    const { count } = await tx.directWorkProgramme.updateMany({
      where: { id: before.id, version: data.version, closedAt: null },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else changed this plan at the same moment. Reload and try again.");
    await auditUpdated(audit, "DirectWorkProgramme", before.id, before, next, {
      from: data.version,
      to: data.version + 1,
    });
    return { id: before.id, version: data.version + 1 };
  },
});
