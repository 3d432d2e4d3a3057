import "server-only";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError } from "@/lib/errors";
import { fromIsoDate, todayInUk } from "@/lib/dates";
import { auditCreated, auditUpdated } from "@/lib/children/child-audit";
import { activeThemes, checkThemes } from "@/lib/children/direct-work/themes";
import {
  assertOpen,
  assertWithinProgramme,
  loadProgramme,
  loadSession,
  mayWriteDirectWork,
} from "@/lib/children/direct-work/load";
import { addDirectWorkSessionSchema, recordDirectWorkSessionSchema } from "@/lib/validations/direct-work";

// The sessions of a direct-work programme: added to the plan up to its
// number, then recorded as held, not attended or cancelled (docs/domain.md,
// "Children's work"). A planned session whose date passes without a record
// turns the allocation amber, then red: every change here marks the placement.

const SESSION_FIELDS = {
  status: "status",
  heldOn: "date",
  cancelledBy: "who cancelled",
  whatWasDone: "what was done",
  childsWords: "child's words",
  childsWordsShareable: "whether the child's words may be quoted",
  studentReflection: "reflection",
  childRating: "child's rating",
};

/** Adds a session to the plan, up to the number planned: a further session needs the plan extended first. */
export const addDirectWorkSession = command({
  parse: (programmeId: string, body: unknown) => ({ programmeId: parseId(programmeId, "That programme"), body }),
  input: addDirectWorkSessionSchema,
  load: ({ tx, user }, input) => loadProgramme(tx, user, input.programmeId),
  allow: mayWriteDirectWork,
  async run({ tx, audit, placementChanged }, programme, data) {
    assertOpen(programme);
    const last = await tx.programmeSession.findFirst({
      where: { programmeId: programme.id },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const sessions = await tx.programmeSession.count({ where: { programmeId: programme.id } });
    if (sessions >= programme.plannedSessions) {
      const n = programme.plannedSessions;
      throw conflict(
        `This plan is for ${n} ${n === 1 ? "session" : "sessions"} and all ${n} are in it. Extend the plan before adding session ${n + 1}.`,
      );
    }
    assertWithinProgramme(programme, data.plannedOn, "plannedOn", "The session date");
    checkThemes([data.theme], await activeThemes(tx, programme.allocation.child.teamId), () => "theme");
    const session = await tx.programmeSession.create({
      data: {
        programmeId: programme.id,
        number: (last?.number ?? 0) + 1,
        plannedOn: fromIsoDate(data.plannedOn),
        theme: data.theme,
      },
    });
    await auditCreated(audit, "ProgrammeSession", session);
    placementChanged(programme.allocation.placementId);
    return { id: session.id, number: session.number };
  },
});

/** Records what happened at a session: held, not attended or cancelled (and by whom), with the child's words and the student's reflection. */
export const recordDirectWorkSession = command({
  parse: (sessionId: string, body: unknown) => ({ sessionId: parseId(sessionId, "That session"), body }),
  input: recordDirectWorkSessionSchema,
  load: ({ tx, user }, input) => loadSession(tx, user, input.sessionId),
  allow: mayWriteDirectWork,
  version: (session, input) => ({
    entity: "ProgrammeSession",
    id: session.id,
    current: session.version,
    expected: input.version,
    what: "this session record",
    labels: SESSION_FIELDS,
  }),
  async run({ tx, audit, placementChanged }, before, data) {
    assertOpen(before.programme);
    const heldOn = data.status === "CANCELLED" ? null : data.heldOn;
    if (heldOn) {
      assertWithinProgramme(before.programme, heldOn, "heldOn", "The session date");
      if (heldOn > todayInUk()) throw fieldError("heldOn", "A session can only be recorded once its date has come");
    }
    const next = {
      status: data.status,
      heldOn: heldOn ? fromIsoDate(heldOn) : null,
      cancelledBy: data.status === "CANCELLED" ? data.cancelledBy : null,
      whatWasDone: data.whatWasDone ?? "",
      childsWords: data.childsWords ?? "",
      childsWordsShareable: Boolean(data.childsWordsShareable && data.childsWords),
      studentReflection: data.studentReflection ?? "",
      childRating: data.status === "ATTENDED" ? data.childRating : null,
    };
    const { count } = await tx.programmeSession.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict("Someone else changed this session record at the same moment. Reload and try again.");
    await auditUpdated(audit, "ProgrammeSession", before.id, before, next, {
      from: data.version,
      to: data.version + 1,
    });
    placementChanged(before.allocation.placementId);
    return { id: before.id, version: data.version + 1 };
  },
});
