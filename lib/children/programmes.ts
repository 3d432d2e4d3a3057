import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { allocationsVisibleTo, canWriteChildWork } from "@/lib/access/children";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { changedFields, writeAudit } from "@/lib/audit";
import { addDays, formatDate, fromIsoDate, todayInUk, toIsoDate, type IsoDate } from "@/lib/dates";
import { presentChildrenFor } from "@/lib/children/children";
import { redactChild } from "@/lib/children/present-child";
import { goalChange, programmeProgress } from "@/lib/children/programme-progress";
import {
  DEFAULT_THEMES,
  FEEDBACK_LINK_DAYS,
  addSessionSchema,
  addThemeSchema,
  childFeedbackSchema,
  closeProgrammeSchema,
  createProgrammeSchema,
  extendProgrammeSchema,
  recordSessionSchema,
  scoreGoalSchema,
  sessionStatusInWords,
  setGoalsSchema,
  type GoalStage,
} from "@/lib/validations/programmes";

// Direct-work programmes with a child (DOMAIN.md, Children's work). Reads go
// through allocationsVisibleTo, writes through canWriteChildWork (the
// allocated student, the overseeing PE, the team manager); every write is
// audited in its own transaction. A child's name leaves here only through
// presentChildrenFor, which audits the view. The child-friendly feedback
// screen (in person, or by a carer's one-time link) reads and returns nothing
// about the child.

const fieldError = (field: string, message: string) =>
  new AppError("validation", "Check the highlighted fields.", { [field]: [message] });
const closedConflict = () => conflict("This programme has been closed: nothing more can be recorded on it.");

/** Gives a team the default themes the first time they are needed. */
export async function ensureDefaultThemes(tx: Tx, teamId: string) {
  if (await tx.directWorkTheme.findFirst({ where: { teamId }, select: { id: true } })) return;
  await tx.directWorkTheme.createMany({ data: DEFAULT_THEMES.map((name) => ({ teamId, name })), skipDuplicates: true });
  await writeAudit(tx, null, {
    action: "CREATE",
    entity: "DirectWorkTheme",
    entityId: teamId,
    changes: { defaultThemes: [...DEFAULT_THEMES] },
  });
}

async function activeThemes(tx: Tx, teamId: string): Promise<string[]> {
  await ensureDefaultThemes(tx, teamId);
  const rows = await tx.directWorkTheme.findMany({
    where: { teamId, active: true },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: { name: true },
  });
  return inListOrder(rows.map((row) => row.name));
}

/** The defaults in the order DOMAIN.md lists them (they are created together), then the team's own in the order added. */
function inListOrder(names: string[]): string[] {
  const rank = (name: string) => {
    const index = (DEFAULT_THEMES as readonly string[]).indexOf(name);
    return index === -1 ? DEFAULT_THEMES.length : index;
  };
  return names
    .map((name, index) => ({ name, index }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index)
    .map((entry) => entry.name);
}

function checkThemes(themes: string[], allowed: string[], field: (index: number) => string) {
  const known = new Set(allowed);
  const errors: Record<string, string[]> = {};
  themes.forEach((theme, index) => {
    if (!known.has(theme)) errors[field(index)] = ["Choose a theme from the team's list"];
  });
  if (Object.keys(errors).length) throw new AppError("validation", "Check the highlighted fields.", errors);
}

function withinProgramme(programme: { startDate: Date; endDate: Date }, date: IsoDate, field: string, what: string) {
  const start = toIsoDate(programme.startDate);
  const end = toIsoDate(programme.endDate);
  if (date < start || date > end) {
    throw fieldError(
      field,
      `${what} must fall within the programme (${formatDate(start)} to ${formatDate(end)}). To go beyond the end, extend the plan first.`,
    );
  }
}

const allocationAccess = {
  select: { id: true, studentId: true, overseeingPeId: true, status: true, child: { select: { teamId: true } } },
} as const;

/** A programme the user may see and write to; 404 when they may not see it, 403 when they may only read it. */
async function programmeForWrite(
  tx: Tx,
  user: SessionUser,
  programmeId: string,
  options: { allowClosed?: boolean } = {},
) {
  const programme = await tx.directWorkProgramme.findFirst({
    where: { id: programmeId, allocation: allocationsVisibleTo(user) },
    include: { allocation: allocationAccess },
  });
  if (!programme) throw notFound("That programme");
  if (!canWriteChildWork(user, programme.allocation))
    throw forbidden("Only the allocated student, their practice educator and the team manager record this work.");
  if (programme.closedAt && !options.allowClosed) throw closedConflict();
  return programme;
}

async function sessionForWrite(tx: Tx, user: SessionUser, sessionId: string, options: { allowClosed?: boolean } = {}) {
  const session = await tx.programmeSession.findFirst({
    where: { id: sessionId, programme: { allocation: allocationsVisibleTo(user) } },
    include: { programme: { include: { allocation: allocationAccess } } },
  });
  if (!session) throw notFound("That session");
  if (!canWriteChildWork(user, session.programme.allocation))
    throw forbidden("Only the allocated student, their practice educator and the team manager record this work.");
  if (session.programme.closedAt && !options.allowClosed) throw closedConflict();
  return session;
}

// ---------------------------------------------------------------------------
// Reads

/** What the "agree a plan" form needs: the allocation, its child (name only where allowed), and the team's themes. */
export async function getProgrammePlanForm(user: SessionUser, allocationId: string) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const allocation = await tx.allocation.findFirst({
      where: { AND: [allocationsVisibleTo(user), { id: allocationId }] },
      include: {
        child: { include: { school: { select: { name: true } } } },
        student: { select: { name: true } },
        overseeingPe: { select: { name: true } },
        programme: { select: { id: true } },
      },
    });
    if (!allocation) throw notFound("That allocation");
    const [child] = await presentChildrenFor(tx, user, [allocation.child], "direct-work plan");
    return {
      allocation: {
        id: allocation.id,
        kind: allocation.kind,
        status: allocation.status,
        startDate: toIsoDate(allocation.startDate),
        endDate: allocation.endDate ? toIsoDate(allocation.endDate) : null,
        studentName: allocation.student.name,
        overseeingPeName: allocation.overseeingPe.name,
      },
      child,
      programmeId: allocation.programme?.id ?? null,
      themes: await activeThemes(tx, allocation.child.teamId),
      canWrite: canWriteChildWork(user, allocation),
    };
  });
}

/** The themes a plan on this allocation can use: the child's team's list. */
export async function themesForAllocation(user: SessionUser, allocationId: string) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const allocation = await tx.allocation.findFirst({
      where: { AND: [allocationsVisibleTo(user), { id: allocationId }] },
      select: { child: { select: { teamId: true } } },
    });
    if (!allocation) throw notFound("That allocation");
    return activeThemes(tx, allocation.child.teamId);
  });
}

/** A programme with its sessions, the child's feedback, goals and progress. The child is named only to those allowed; that view is audited. */
export async function getProgramme(user: SessionUser, programmeId: string) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const row = await tx.directWorkProgramme.findFirst({
      where: { id: programmeId, allocation: allocationsVisibleTo(user) },
      include: {
        allocation: {
          include: {
            child: { include: { school: { select: { name: true } } } },
            student: { select: { name: true } },
            overseeingPe: { select: { name: true } },
          },
        },
        sessions: { orderBy: { number: "asc" }, include: { feedback: { orderBy: { createdAt: "asc" } } } },
        goals: { orderBy: { number: "asc" } },
      },
    });
    if (!row) throw notFound("That programme");
    const [child] = await presentChildrenFor(tx, user, [row.allocation.child], "direct-work programme");
    // Free text can name the child: for someone who sees the work by code only, the names are taken out.
    const free =
      child.name === null ? (text: string) => redactChild(text, row.allocation.child) : (text: string) => text;
    const canWrite = canWriteChildWork(user, row.allocation);
    const closed = Boolean(row.closedAt);
    const sessions = row.sessions.map((session) => ({
      id: session.id,
      number: session.number,
      plannedOn: toIsoDate(session.plannedOn),
      theme: session.theme,
      status: session.status,
      statusText: sessionStatusInWords(session.status, session.cancelledBy),
      heldOn: session.heldOn ? toIsoDate(session.heldOn) : null,
      cancelledBy: session.cancelledBy,
      whatWasDone: free(session.whatWasDone),
      childsWords: free(session.childsWords),
      studentReflection: free(session.studentReflection),
      childRating: session.childRating,
      version: session.version,
      feedback: session.feedback.map((feedback) => ({
        id: feedback.id,
        rating: feedback.rating,
        whatWasGood: free(feedback.whatWasGood),
        whatCouldBeBetter: free(feedback.whatCouldBeBetter),
        givenBy: feedback.givenBy,
        createdAt: feedback.createdAt.toISOString(),
      })),
    }));
    const goals = row.goals.map((goal) => ({
      id: goal.id,
      number: goal.number,
      description: free(goal.description),
      startScore: goal.startScore,
      reviewScore: goal.reviewScore,
      endScore: goal.endScore,
      change: goalChange(goal),
    }));
    const lastPlanned = row.sessions.at(-1)?.plannedOn;
    return {
      id: row.id,
      version: row.version,
      child,
      allocation: {
        id: row.allocation.id,
        status: row.allocation.status,
        studentName: row.allocation.student.name,
        overseeingPeName: row.allocation.overseeingPe.name,
        startDate: toIsoDate(row.allocation.startDate),
      },
      plannedSessions: row.plannedSessions,
      startDate: toIsoDate(row.startDate),
      endDate: toIsoDate(row.endDate),
      agreedWithSchool: row.agreedWithSchool,
      agreedWithChild: row.agreedWithChild,
      agreedWithParents: row.agreedWithParents,
      closingSummary: row.closingSummary === null ? null : free(row.closingSummary),
      closedAt: row.closedAt?.toISOString() ?? null,
      sessions,
      goals,
      progress: programmeProgress({
        plannedSessions: row.plannedSessions,
        sessions: row.sessions.map((session) => ({
          status: session.status,
          cancelledBy: session.cancelledBy,
          childRating: session.childRating,
          feedbackRatings: session.feedback.filter((f) => f.givenBy === "CHILD").map((f) => f.rating),
        })),
        goals: row.goals,
      }),
      /** The team's themes, for adding a session (writers only). */
      themes: canWrite && !closed ? await activeThemes(tx, row.allocation.child.teamId) : [],
      /** Where the next added session would fall by default: a week after the last one, within the programme. */
      nextSessionOn: lastPlanned
        ? [addDays(toIsoDate(lastPlanned), 7), toIsoDate(row.endDate)].sort()[0]
        : toIsoDate(row.startDate),
      permissions: {
        canWrite: canWrite && !closed,
        canAddSession: canWrite && !closed && row.sessions.length < row.plannedSessions,
        /** The child's feedback may still come after the programme is closed. */
        canAskFeedback: canWrite,
        closed,
      },
    };
  });
}

export type ProgrammeView = Awaited<ReturnType<typeof getProgramme>>;

/** For the tablet screen: checks the user may hand the child the screen for this session, and returns nothing about the child. */
export async function openFeedbackInPerson(user: SessionUser, sessionId: string) {
  assertVerifiedUser(user);
  const session = await sessionForWrite(getDb(), user, sessionId, { allowClosed: true });
  if (session.status === "DID_NOT_ATTEND" || session.status === "CANCELLED")
    throw conflict("Feedback can only be given on a session that took place.");
  return { sessionId: session.id, programmeId: session.programmeId };
}

// ---------------------------------------------------------------------------
// Writes

/** Agrees a plan of N weekly sessions from the first session's date, each with a theme from the team's list. */
export async function createProgramme(user: SessionUser, allocationId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = createProgrammeSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const allocation = await tx.allocation.findFirst({
      where: { AND: [allocationsVisibleTo(user), { id: allocationId }] },
      include: {
        child: { select: { teamId: true, anonymisedAt: true } },
        placement: { select: { startDate: true, endDate: true } },
        programme: { select: { id: true } },
      },
    });
    if (!allocation) throw notFound("That allocation");
    if (!canWriteChildWork(user, allocation))
      throw forbidden(
        "Only the allocated student, their practice educator and the team manager agree a plan of sessions.",
      );
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

    const endDate = addDays(data.startDate, 7 * data.plannedSessions - 1);
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
            plannedOn: fromIsoDate(addDays(data.startDate, 7 * index)),
            theme,
          })),
        },
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "DirectWorkProgramme",
      entityId: programme.id,
      changes: {
        allocationId: allocation.id,
        plannedSessions: data.plannedSessions,
        startDate: data.startDate,
        endDate,
        themes: data.themes,
        agreedWithSchool: data.agreedWithSchool,
        agreedWithChild: data.agreedWithChild,
        agreedWithParents: data.agreedWithParents,
      },
    });
    return { id: programme.id };
  });
}

/** Records what happened at a session: held, not attended or cancelled (and by whom), with the child's words and the student's reflection. */
export async function recordProgrammeSession(user: SessionUser, sessionId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = recordSessionSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await sessionForWrite(tx, user, sessionId);
    if (before.version !== data.version)
      throw conflict(
        "Someone else changed this session record after you opened it. Nothing was saved: reload and make your change again.",
        { currentVersion: before.version },
      );
    const heldOn = data.status === "CANCELLED" ? null : data.heldOn;
    if (heldOn) {
      withinProgramme(before.programme, heldOn, "heldOn", "The session date");
      if (heldOn > todayInUk()) throw fieldError("heldOn", "A session can only be recorded once its date has come");
    }
    const next = {
      status: data.status,
      heldOn: heldOn ? fromIsoDate(heldOn) : null,
      cancelledBy: data.status === "CANCELLED" ? data.cancelledBy : null,
      whatWasDone: data.whatWasDone ?? "",
      childsWords: data.childsWords ?? "",
      studentReflection: data.studentReflection ?? "",
      childRating: data.status === "ATTENDED" ? data.childRating : null,
    };
    const { count } = await tx.programmeSession.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0)
      throw conflict("Someone else changed this session record at the same moment. Reload and try again.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "ProgrammeSession",
      entityId: before.id,
      changes: changedFields(before, next),
    });
    return { id: before.id, version: data.version + 1 };
  });
}

/** Adds a session to the plan, up to the number planned: a further session needs the plan extended first. */
export async function addProgrammeSession(user: SessionUser, programmeId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = addSessionSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const programme = await programmeForWrite(tx, user, programmeId);
    const sessions = await tx.programmeSession.findMany({
      where: { programmeId: programme.id },
      select: { number: true },
      orderBy: { number: "desc" },
    });
    if (sessions.length >= programme.plannedSessions) {
      const n = programme.plannedSessions;
      throw conflict(
        `This plan is for ${n} ${n === 1 ? "session" : "sessions"} and all ${n} are in it. Extend the plan before adding session ${n + 1}.`,
      );
    }
    withinProgramme(programme, data.plannedOn, "plannedOn", "The session date");
    checkThemes([data.theme], await activeThemes(tx, programme.allocation.child.teamId), () => "theme");
    const session = await tx.programmeSession.create({
      data: {
        programmeId: programme.id,
        number: (sessions[0]?.number ?? 0) + 1,
        plannedOn: fromIsoDate(data.plannedOn),
        theme: data.theme,
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "ProgrammeSession",
      entityId: session.id,
      changes: { programmeId: programme.id, number: session.number, plannedOn: data.plannedOn, theme: data.theme },
    });
    return { id: session.id, number: session.number };
  });
}

/** Extends the plan by more weekly sessions; the programme's end moves on by a week for each. */
export async function extendProgramme(user: SessionUser, programmeId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = extendProgrammeSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await programmeForWrite(tx, user, programmeId);
    if (before.version !== data.version)
      throw conflict("Someone else changed this plan after you opened it. Nothing was saved: reload and try again.", {
        currentVersion: before.version,
      });
    const next = {
      plannedSessions: before.plannedSessions + data.additionalSessions,
      endDate: fromIsoDate(addDays(toIsoDate(before.endDate), 7 * data.additionalSessions)),
    };
    const { count } = await tx.directWorkProgramme.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else changed this plan at the same moment. Reload and try again.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "DirectWorkProgramme",
      entityId: before.id,
      changes: changedFields(before, next),
    });
    return {
      id: before.id,
      version: data.version + 1,
      plannedSessions: next.plannedSessions,
      endDate: toIsoDate(next.endDate),
    };
  });
}

/** Sets the (up to three) goals agreed with the child. A goal that already has scores cannot be removed. */
export async function setGoals(user: SessionUser, programmeId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = setGoalsSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const programme = await programmeForWrite(tx, user, programmeId);
    const existing = await tx.outcomeGoal.findMany({
      where: { programmeId: programme.id },
      orderBy: { number: "asc" },
    });
    for (const goal of existing.filter((candidate) => candidate.number > data.goals.length)) {
      if (goal.startScore !== null || goal.reviewScore !== null || goal.endScore !== null)
        throw conflict(`Goal ${goal.number} already has scores, so it cannot be removed.`);
    }
    for (const goal of existing.filter((candidate) => candidate.number > data.goals.length)) {
      await tx.outcomeGoal.delete({ where: { id: goal.id } });
      await writeAudit(tx, user, {
        action: "DELETE",
        entity: "OutcomeGoal",
        entityId: goal.id,
        changes: { programmeId: programme.id, number: goal.number, description: goal.description },
      });
    }
    const ids: string[] = [];
    for (const [index, description] of data.goals.entries()) {
      const number = index + 1;
      const before = existing.find((goal) => goal.number === number);
      if (before) {
        ids.push(before.id);
        if (before.description === description) continue;
        await tx.outcomeGoal.update({ where: { id: before.id }, data: { description } });
        await writeAudit(tx, user, {
          action: "UPDATE",
          entity: "OutcomeGoal",
          entityId: before.id,
          changes: changedFields(before, { description }),
        });
      } else {
        const goal = await tx.outcomeGoal.create({ data: { programmeId: programme.id, number, description } });
        await writeAudit(tx, user, {
          action: "CREATE",
          entity: "OutcomeGoal",
          entityId: goal.id,
          changes: { programmeId: programme.id, number, description },
        });
        ids.push(goal.id);
      }
    }
    return { ids };
  });
}

const STAGE_FIELD = { START: "startScore", REVIEW: "reviewScore", END: "endScore" } as const satisfies Record<
  GoalStage,
  string
>;

/** The child scores a goal 0–10 at the start, at review or at the end. */
export async function scoreGoal(
  user: SessionUser,
  goalId: string,
  input: unknown,
  options: { programmeId?: string } = {},
) {
  assertVerifiedUser(user);
  const data = scoreGoalSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const goal = await tx.outcomeGoal.findFirst({
      where: { id: goalId, programmeId: options.programmeId, programme: { allocation: allocationsVisibleTo(user) } },
    });
    if (!goal) throw notFound("That goal");
    await programmeForWrite(tx, user, goal.programmeId);
    if (data.stage !== "START" && goal.startScore === null)
      throw fieldError("stage", "Record the start score first: change is measured from it");
    const field = STAGE_FIELD[data.stage];
    const next = { [field]: data.score };
    await tx.outcomeGoal.update({ where: { id: goal.id }, data: next });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "OutcomeGoal",
      entityId: goal.id,
      changes: changedFields(goal, next),
    });
    return { id: goal.id, [field]: data.score };
  });
}

/** Closes the programme with a summary; after that nothing more is recorded on it (the child's feedback may still arrive). */
export async function closeProgramme(user: SessionUser, programmeId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = closeProgrammeSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const before = await programmeForWrite(tx, user, programmeId, { allowClosed: true });
    if (before.closedAt) throw conflict("This programme has already been closed.");
    if (before.version !== data.version)
      throw conflict("Someone else changed this plan after you opened it. Nothing was saved: reload and try again.", {
        currentVersion: before.version,
      });
    const next = { closingSummary: data.closingSummary, closedAt: new Date() };
    const { count } = await tx.directWorkProgramme.updateMany({
      where: { id: before.id, version: data.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else changed this plan at the same moment. Reload and try again.");
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "DirectWorkProgramme",
      entityId: before.id,
      changes: changedFields(before, next),
    });
    return { id: before.id, version: data.version + 1 };
  });
}

/** The team's session themes (team manager and practice educators). */
export async function listThemes(user: SessionUser) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN" && user.role !== "PRACTICE_EDUCATOR")
    throw forbidden("Only the team manager and practice educators manage session themes.");
  return getDb().$transaction((tx) => activeThemes(tx, user.organisationId));
}

/** The team manager adds a theme to the team's list. */
export async function addTheme(user: SessionUser, input: unknown) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden("Only the team manager adds session themes.");
  const { name } = addThemeSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    await ensureDefaultThemes(tx, user.organisationId);
    const same = await tx.directWorkTheme.findFirst({
      where: { teamId: user.organisationId, name: { equals: name, mode: "insensitive" } },
    });
    if (same?.active)
      throw new AppError("conflict", "That theme is already in the list.", {
        name: ["That theme is already in the list"],
      });
    if (same) {
      await tx.directWorkTheme.update({ where: { id: same.id }, data: { active: true } });
      await writeAudit(tx, user, {
        action: "UPDATE",
        entity: "DirectWorkTheme",
        entityId: same.id,
        changes: { active: { from: false, to: true } },
      });
      return { id: same.id, name: same.name };
    }
    const theme = await tx.directWorkTheme.create({ data: { teamId: user.organisationId, name } });
    await writeAudit(tx, user, { action: "CREATE", entity: "DirectWorkTheme", entityId: theme.id, changes: { name } });
    return { id: theme.id, name: theme.name };
  });
}

// ---------------------------------------------------------------------------
// The child's own feedback

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** A one-time link a carer can use within 7 days. The token is returned once and only its hash is stored. */
export async function createFeedbackLink(user: SessionUser, sessionId: string) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const session = await sessionForWrite(tx, user, sessionId, { allowClosed: true });
    if (session.status === "DID_NOT_ATTEND" || session.status === "CANCELLED")
      throw conflict("Feedback can only be asked for on a session that took place.");
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + FEEDBACK_LINK_DAYS * 24 * 60 * 60 * 1000);
    const link = await tx.feedbackLink.create({
      data: { sessionId: session.id, tokenHash: hashToken(token), expiresAt, createdById: user.id },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "FeedbackLink",
      entityId: link.id,
      changes: { sessionId: session.id, expiresAt },
    });
    return { token, path: `/f/${token}`, expiresAt: expiresAt.toISOString() };
  });
}

/** The child gives feedback on the tablet the student hands them. */
export async function submitFeedbackInPerson(user: SessionUser, sessionId: string, input: unknown) {
  assertVerifiedUser(user);
  const data = childFeedbackSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const session = await sessionForWrite(tx, user, sessionId, { allowClosed: true });
    if (session.status === "DID_NOT_ATTEND" || session.status === "CANCELLED")
      throw conflict("Feedback can only be given on a session that took place.");
    const feedback = await tx.childFeedback.create({
      data: {
        sessionId: session.id,
        rating: data.rating,
        whatWasGood: data.whatWasGood,
        whatCouldBeBetter: data.whatCouldBeBetter,
        givenBy: "CHILD",
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "ChildFeedback",
      entityId: feedback.id,
      changes: { sessionId: session.id, rating: data.rating, via: "in person" },
    });
    return { ok: true as const };
  });
}

export type FeedbackLinkState = "VALID" | "USED" | "EXPIRED" | "UNKNOWN";

/** Whether a carer's link can still be used. Says nothing else. */
export async function feedbackLinkState(token: string): Promise<FeedbackLinkState> {
  if (!TOKEN_SHAPE.test(token)) return "UNKNOWN";
  const link = await getDb().feedbackLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  if (!link) return "UNKNOWN";
  if (link.usedAt) return "USED";
  if (link.expiresAt <= new Date()) return "EXPIRED";
  return "VALID";
}

const LINK_MESSAGES = {
  UNKNOWN: new AppError("not_found", "This link does not work. Please ask for a new one."),
  USED: new AppError("conflict", "This link has already been used. Please ask for a new one if you want to say more."),
  EXPIRED: new AppError("conflict", "This link has expired. Please ask for a new one."),
} as const;

/** A carer (or the child) sends feedback through a one-time link, without signing in. The link is used up in the same transaction. */
export async function submitFeedbackWithLink(token: string, input: unknown) {
  const data = childFeedbackSchema.parse(input);
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) throw LINK_MESSAGES.UNKNOWN;
  return getDb().$transaction(async (tx) => {
    const link = await tx.feedbackLink.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!link) throw LINK_MESSAGES.UNKNOWN;
    if (link.usedAt) throw LINK_MESSAGES.USED;
    const now = new Date();
    if (link.expiresAt <= now) throw LINK_MESSAGES.EXPIRED;
    const { count } = await tx.feedbackLink.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0) throw LINK_MESSAGES.USED;
    const feedback = await tx.childFeedback.create({
      data: {
        sessionId: link.sessionId,
        rating: data.rating,
        whatWasGood: data.whatWasGood,
        whatCouldBeBetter: data.whatCouldBeBetter,
        givenBy: "CARER",
      },
    });
    await writeAudit(tx, null, {
      action: "CREATE",
      entity: "ChildFeedback",
      entityId: feedback.id,
      changes: { sessionId: link.sessionId, rating: data.rating, via: "one-time link", linkId: link.id },
    });
    return { ok: true as const };
  });
}

/**
 * Everything children and carers said "could be better", across the team,
 * grouped by the session's theme and then by suggestion (how many asked for
 * the same thing): the "suggestion tree". Anonymised: no child, code,
 * session or date, and the child's own names taken out of the text.
 */
export async function listSuggestionTree(user: SessionUser) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN" && user.role !== "PRACTICE_EDUCATOR")
    throw forbidden("Only the team manager and practice educators see the suggestion tree.");
  const rows = await getDb().childFeedback.findMany({
    where: {
      whatCouldBeBetter: { not: "" },
      session: { programme: { allocation: { child: { teamId: user.organisationId } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 5_000,
    select: {
      rating: true,
      whatCouldBeBetter: true,
      givenBy: true,
      session: {
        select: {
          theme: true,
          programme: {
            select: { allocation: { select: { child: { select: { firstName: true, lastName: true, code: true } } } } },
          },
        },
      },
    },
  });
  // Theme → distinct suggestion (the same words, ignoring case, spacing and end punctuation) → how often it was asked for.
  type Leaf = { text: string; count: number; byChild: number; byCarer: number; ratingSum: number };
  const branches = new Map<string, { theme: string; count: number; ratingSum: number; leaves: Map<string, Leaf> }>();
  for (const row of rows) {
    const theme = row.session.theme;
    const branch = branches.get(theme) ?? { theme, count: 0, ratingSum: 0, leaves: new Map<string, Leaf>() };
    const text = redactChild(row.whatCouldBeBetter, row.session.programme.allocation.child).trim();
    const key = text
      .toLowerCase()
      .replace(/\s+/g, " ")
      .replace(/[.!?…\s]+$/u, "");
    const leaf = branch.leaves.get(key) ?? { text, count: 0, byChild: 0, byCarer: 0, ratingSum: 0 };
    leaf.count++;
    if (row.givenBy === "CARER") leaf.byCarer++;
    else leaf.byChild++;
    leaf.ratingSum += row.rating;
    branch.count++;
    branch.ratingSum += row.rating;
    branch.leaves.set(key, leaf);
    branches.set(theme, branch);
  }
  const average = (sum: number, count: number) => Math.round((sum / count) * 10) / 10;
  const themes = [...branches.values()]
    .map((branch) => ({
      theme: branch.theme,
      count: branch.count,
      averageRating: average(branch.ratingSum, branch.count),
      suggestions: [...branch.leaves.values()]
        .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
        .map((leaf) => ({
          text: leaf.text,
          count: leaf.count,
          byChild: leaf.byChild,
          byCarer: leaf.byCarer,
          averageRating: average(leaf.ratingSum, leaf.count),
        })),
    }))
    .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
  return { total: rows.length, themes };
}

export type SuggestionTree = Awaited<ReturnType<typeof listSuggestionTree>>;
