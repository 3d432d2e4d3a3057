/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren, type ChildrenWorld } from "../support/children-world";
import {
  closeDirectWorkProgramme,
  createDirectWorkProgramme,
  extendDirectWorkProgramme,
} from "@/lib/children/direct-work/plans";
import { addDirectWorkSession, recordDirectWorkSession } from "@/lib/children/direct-work/sessions";
import { scoreDirectWorkGoal, setDirectWorkGoals } from "@/lib/children/direct-work/goals";
import {
  createFeedbackLink,
  feedbackLinkState,
  openFeedbackInPerson,
  submitFeedbackInPerson,
  submitFeedbackWithLink,
} from "@/lib/children/direct-work/feedback";
import { getDirectWorkPlanForm, getDirectWorkProgramme } from "@/lib/children/direct-work/reads";
import { listSuggestionTree } from "@/lib/children/direct-work/suggestions";
import { addTheme } from "@/lib/children/direct-work/themes";
import { DEFAULT_THEMES, MAX_PLANNED_SESSIONS } from "@/lib/validations/direct-work";
import { toAppError } from "@/lib/errors";
import { addDays, fromIsoDate } from "@/lib/dates";
import { extendedEndDate, programmeEndDate, weeklySessionDates } from "@/lib/children/direct-work/weeks";

const { db } = useTestDatabase();

let world: World;
let kids: ChildrenWorld;
let start: string;
beforeAll(async () => {
  world = await buildWorld();
  kids = await buildChildren(world);
  start = addDays(world.today, -14);
});

// The plan's weeks skip school holidays (lib/children/direct-work/weeks.ts), and `start` moves with
// the day the tests run: the expected dates come from the same weekly rule, tested on its own.
const planEnd = () => programmeEndDate(start, 6);
const extendedEnd = () => extendedEndDate(planEnd(), 1);
const seventhSession = () => addDays(extendedEnd(), -6);

/** Rows that a refused write must leave untouched. */
async function countProgrammeRows() {
  const [programmes, sessions, goals, feedback, links, themes, audit] = await Promise.all([
    db().directWorkProgramme.count(),
    db().programmeSession.count(),
    db().outcomeGoal.count(),
    db().childFeedback.count(),
    db().feedbackLink.count(),
    db().directWorkTheme.count(),
    db().auditLog.count({ where: { action: { not: "VIEW" } } }),
  ]);
  return { programmes, sessions, goals, feedback, links, themes, audit };
}

/** Runs a write expected to fail; returns the user-facing error and checks nothing was saved. */
async function rejected(write: () => Promise<unknown>) {
  const before = await countProgrammeRows();
  let caught: unknown;
  try {
    await write();
  } catch (error) {
    caught = error;
  }
  const appError = toAppError(caught);
  if (!appError) throw new Error(`Expected a user-facing error, got ${String(caught)}`);
  expect(await countProgrammeRows()).toEqual(before);
  return appError;
}

const sixThemes = () => [
  DEFAULT_THEMES[0],
  DEFAULT_THEMES[1],
  DEFAULT_THEMES[2],
  DEFAULT_THEMES[3],
  DEFAULT_THEMES[4],
  DEFAULT_THEMES[5],
];
const validPlan = () => ({
  startDate: start,
  plannedSessions: 6,
  themes: sixThemes(),
  agreedWithSchool: true,
  agreedWithChild: true,
  agreedWithParents: true,
});

let programmeId: string;
const sessionOf = async (number: number) => db().programmeSession.findFirstOrThrow({ where: { programmeId, number } });
const programmeVersion = async () =>
  (await db().directWorkProgramme.findUniqueOrThrow({ where: { id: programmeId } })).version;

describe("agreeing a plan of sessions", () => {
  it("offers the team's default themes on first use", async () => {
    const form = await getDirectWorkPlanForm(world.users.studentA, kids.allocationA.id);
    expect(form.themes).toEqual([...DEFAULT_THEMES]);
    expect(form.child.name).toBe("Alfie Archer");
    expect(form.canWrite).toBe(true);
    expect(form.programmeId).toBeNull();
  });

  it.each([
    ["no themes", { themes: [] }, ["themes.0", "themes.5"]],
    ["a theme not in the team's list", { themes: [...sixThemes().slice(0, 5), "Made-up theme"] }, ["themes.5"]],
    ["zero sessions", { plannedSessions: 0, themes: [] }, ["plannedSessions"]],
    ["too many sessions", { plannedSessions: 31, themes: [] }, ["plannedSessions"]],
    ["an impossible date", { startDate: "2026-02-30" }, ["startDate"]],
    ["a first session before the work started", { startDate: "__before__" }, ["startDate"]],
  ])("refuses %s with a message and saves nothing", async (_name, override, fields) => {
    const input: Record<string, unknown> = { ...validPlan(), ...override };
    if (input.startDate === "__before__") input.startDate = addDays(start, -1);
    const error = await rejected(() => createDirectWorkProgramme(world.users.studentA, kids.allocationA.id, input));
    expect(error.status).toBe(422);
    for (const field of fields) expect(error.fieldErrors?.[field]?.[0]).toEqual(expect.any(String));
  });

  it("refuses a plan of 2^31 sessions with a 422 on the number, asks for no more themes than 30, and saves nothing", async () => {
    for (const plannedSessions of [2 ** 31, "2147483648"]) {
      const huge = { ...validPlan(), plannedSessions, themes: [] };
      const error = await rejected(() => createDirectWorkProgramme(world.users.studentA, kids.allocationA.id, huge));
      expect(error.status).toBe(422);
      expect(error.fieldErrors?.plannedSessions).toContain("Plan at most 30 sessions; extend the plan later if needed");
      const themeErrors = Object.keys(error.fieldErrors ?? {}).filter((field) => field.startsWith("themes."));
      expect(themeErrors.length).toBeLessThanOrEqual(MAX_PLANNED_SESSIONS);
    }
  });

  it("answers a stranger's plan of 2^31 sessions with a 404 before reading the body", async () => {
    const huge = { ...validPlan(), plannedSessions: 2 ** 31, themes: [] };
    for (const who of ["studentOther", "tutorA", "otherAdmin"] as const)
      expect(
        (await rejected(() => createDirectWorkProgramme(world.users[who], kids.allocationA.id, huge))).status,
      ).toBe(404);
    // Someone who sees the allocation but may not write to it: a 403, still before the body.
    expect(
      (await rejected(() => createDirectWorkProgramme(world.users.onsiteA, kids.allocationA.id, huge))).status,
    ).toBe(403);
  });

  it("creates 6 weekly planned sessions with their themes, audited", async () => {
    ({ id: programmeId } = await createDirectWorkProgramme(world.users.studentA, kids.allocationA.id, validPlan()));
    const programme = await getDirectWorkProgramme(world.users.studentA, programmeId);
    expect(programme).toMatchObject({
      plannedSessions: 6,
      startDate: start,
      endDate: planEnd(),
      agreedWithChild: true,
      permissions: { canWrite: true, canAddSession: false, closed: false },
    });
    expect(
      programme.sessions.map((session) => [session.number, session.plannedOn, session.theme, session.statusText]),
    ).toEqual(sixThemes().map((theme, index) => [index + 1, weeklySessionDates(start, 6)[index], theme, "Planned"]));
    expect(programme.progress.sessions.text).toBe("0 of 6 sessions done");
    expect(programme.child).toMatchObject({ code: "C-1001", name: "Alfie Archer" });
    const audit = await db().auditLog.findMany({ where: { entity: "DirectWorkProgramme", entityId: programmeId } });
    expect(audit).toEqual([expect.objectContaining({ action: "CREATE", actorId: world.users.studentA.id })]);
    // Reading the programme with the child's name is itself audited.
    expect(
      await db().auditLog.count({
        where: { entity: "Child", entityId: kids.childA.id, action: "VIEW", actorId: world.users.studentA.id },
      }),
    ).toBeGreaterThan(0);
  });

  it("refuses a second plan on the same allocation, and a plan on work that is not direct work", async () => {
    expect(
      (await rejected(() => createDirectWorkProgramme(world.users.peA, kids.allocationA.id, validPlan()))).status,
    ).toBe(409);
    expect(
      (await rejected(() => createDirectWorkProgramme(world.users.admin, kids.allocationB.id, validPlan()))).status,
    ).toBe(409);
  });
});

describe("the number of sessions", () => {
  it("refuses a seventh session on a six-session plan until the plan is extended", async () => {
    const error = await rejected(() =>
      addDirectWorkSession(world.users.studentA, programmeId, {
        plannedOn: addDays(start, 35),
        theme: DEFAULT_THEMES[6],
      }),
    );
    expect(error.status).toBe(409);
    expect(error.message).toBe(
      "This plan is for 6 sessions and all 6 are in it. Extend the plan before adding session 7.",
    );
  });

  it("extends the plan, moving its end, and then takes the seventh session within the new end", async () => {
    const stale = (await programmeVersion()) + 5;
    expect(
      (
        await rejected(() =>
          extendDirectWorkProgramme(world.users.studentA, programmeId, { additionalSessions: 1, version: stale }),
        )
      ).status,
    ).toBe(409);
    const current = await programmeVersion();
    expect(
      (
        await rejected(() =>
          extendDirectWorkProgramme(world.users.studentA, programmeId, { additionalSessions: 0, version: current }),
        )
      ).fieldErrors?.additionalSessions,
    ).toBeDefined();

    const extended = await extendDirectWorkProgramme(world.users.studentA, programmeId, {
      additionalSessions: 1,
      version: await programmeVersion(),
    });
    expect(extended).toMatchObject({ plannedSessions: 7, endDate: extendedEnd() });

    const outside = await rejected(() =>
      addDirectWorkSession(world.users.studentA, programmeId, {
        plannedOn: addDays(extendedEnd(), 1),
        theme: DEFAULT_THEMES[6],
      }),
    );
    expect(outside.status).toBe(422);
    expect(outside.fieldErrors?.plannedOn?.[0]).toMatch(/must fall within the programme/);
    const unknownTheme = await rejected(() =>
      addDirectWorkSession(world.users.studentA, programmeId, { plannedOn: seventhSession(), theme: "Not a theme" }),
    );
    expect(unknownTheme.fieldErrors?.theme).toBeDefined();

    expect(
      await addDirectWorkSession(world.users.studentA, programmeId, {
        plannedOn: seventhSession(),
        theme: DEFAULT_THEMES[6],
      }),
    ).toMatchObject({ number: 7 });
    // …and an eighth is refused again.
    expect(
      (
        await rejected(() =>
          addDirectWorkSession(world.users.studentA, programmeId, {
            plannedOn: seventhSession(),
            theme: DEFAULT_THEMES[6],
          }),
        )
      ).message,
    ).toMatch(/before adding session 8/);
  });
});

describe("recording a session", () => {
  const attended = (version: number, change: Record<string, unknown> = {}) => ({
    status: "ATTENDED",
    heldOn: start,
    cancelledBy: "",
    whatWasDone: "Worked through a strengths card sort.",
    childsWords: "I felt like she understood me.",
    studentReflection: "Going at the child's pace helped.",
    childRating: "4",
    version,
    ...change,
  });

  it.each([
    ["a date before the programme", () => ({ heldOn: addDays(start, -1) }), "heldOn", /must fall within the programme/],
    [
      "a date after the programme",
      () => ({ heldOn: addDays(extendedEnd(), 1) }),
      "heldOn",
      /must fall within the programme/,
    ],
    ["a date in the future", () => ({ heldOn: addDays(world.today, 1) }), "heldOn", /once its date has come/],
    ["no date for a session held", () => ({ heldOn: "" }), "heldOn", /Enter the date/],
    [
      "a cancellation without who cancelled",
      () => ({ status: "CANCELLED", heldOn: "", childRating: "" }),
      "cancelledBy",
      /who cancelled/,
    ],
    ["a rating of 6", () => ({ childRating: 6 }), "childRating", /1 to 5/],
    ["a rating on a session not attended", () => ({ status: "DID_NOT_ATTEND" }), "childRating", /took place/],
  ])("refuses %s with a message and saves nothing", async (_name, change, field, message) => {
    const session = await sessionOf(1);
    const error = await rejected(() =>
      recordDirectWorkSession(world.users.studentA, session.id, attended(session.version, change())),
    );
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.[field]?.[0]).toMatch(message);
    expect(await sessionOf(1)).toMatchObject({ status: "PLANNED", version: session.version, childsWords: "" });
  });

  it("records the session with the voice of the child, and refuses a stale version", async () => {
    const session = await sessionOf(1);
    expect(await recordDirectWorkSession(world.users.studentA, session.id, attended(session.version))).toEqual({
      id: session.id,
      version: session.version + 1,
    });
    expect(await sessionOf(1)).toMatchObject({
      status: "ATTENDED",
      childRating: 4,
      childsWords: "I felt like she understood me.",
      cancelledBy: null,
    });
    const stale = await rejected(() =>
      recordDirectWorkSession(world.users.peA, session.id, attended(session.version, { childsWords: "Overwritten" })),
    );
    expect(stale.status).toBe(409);
    const audit = await db().auditLog.findMany({ where: { entity: "ProgrammeSession", entityId: session.id } });
    expect(audit).toEqual([expect.objectContaining({ action: "UPDATE", actorId: world.users.studentA.id })]);

    const second = await sessionOf(2);
    await recordDirectWorkSession(world.users.peA, second.id, {
      status: "CANCELLED",
      cancelledBy: "SCHOOL",
      heldOn: "",
      whatWasDone: "",
      childsWords: "",
      studentReflection: "",
      childRating: "",
      version: second.version,
    });
    const programme = await getDirectWorkProgramme(world.users.peA, programmeId);
    expect(programme.sessions[1].statusText).toBe("Cancelled by the school");
    expect(programme.progress).toMatchObject({
      sessions: { done: 1, planned: 7 },
      attendance: { attended: 1, cancelled: 1, cancelledBy: { SCHOOL: 1 } },
      averageChildRating: 4,
    });
  });
});

describe("goal-based outcomes", () => {
  it("takes up to three goals", async () => {
    const error = await rejected(() =>
      setDirectWorkGoals(world.users.studentA, programmeId, { goals: ["One", "Two", "Three", "Four"] }),
    );
    expect(error.fieldErrors?.goals?.[0]).toMatch(/up to 3 goals/);
    expect((await rejected(() => setDirectWorkGoals(world.users.studentA, programmeId, { goals: [] }))).status).toBe(
      422,
    );
    const { ids } = await setDirectWorkGoals(world.users.studentA, programmeId, {
      goals: ["Feel calmer in lessons", "Make a friend in my class", "Tell someone when I am worried"],
    });
    expect(ids).toHaveLength(3);
  });

  it.each([
    ["11", 11, /0 to 10/],
    ["-1", -1, /0 to 10/],
    ["7.5", 7.5, /0 to 10/],
    ["a word", "seven", /0 to 10/],
    ["nothing", "", /Enter the score/],
    ["2^31", 2 ** 31, /0 to 10/],
  ])("refuses a score of %s with a message and saves nothing", async (_name, score, message) => {
    const goal = await db().outcomeGoal.findFirstOrThrow({ where: { programmeId, number: 1 } });
    const error = await rejected(() => scoreDirectWorkGoal(world.users.studentA, goal.id, { stage: "START", score }));
    expect(error.status).toBe(422);
    expect(error.fieldErrors?.score?.[0]).toMatch(message);
    expect(await db().outcomeGoal.findUniqueOrThrow({ where: { id: goal.id } })).toMatchObject({
      startScore: null,
      reviewScore: null,
      endScore: null,
    });
  });

  it("scores at the start, review and end, and shows the change", async () => {
    const goal = await db().outcomeGoal.findFirstOrThrow({ where: { programmeId, number: 1 } });
    expect(
      (await rejected(() => scoreDirectWorkGoal(world.users.studentA, goal.id, { stage: "REVIEW", score: 5 })))
        .fieldErrors?.stage?.[0],
    ).toMatch(/start score first/);
    await scoreDirectWorkGoal(world.users.studentA, goal.id, { stage: "START", score: 0 });
    await scoreDirectWorkGoal(world.users.studentA, goal.id, { stage: "REVIEW", score: "4" });
    await scoreDirectWorkGoal(world.users.peA, goal.id, { stage: "END", score: 10 }, programmeId);
    const programme = await getDirectWorkProgramme(world.users.studentA, programmeId);
    expect(programme.goals[0]).toMatchObject({
      startScore: 0,
      reviewScore: 4,
      endScore: 10,
      change: { change: 10, direction: "UP", text: "From 0 at the start to 10 at the end: up 10" },
    });
    // A goal that has scores cannot be dropped; one without can.
    const third = await db().outcomeGoal.findFirstOrThrow({ where: { programmeId, number: 3 } });
    await scoreDirectWorkGoal(world.users.studentA, third.id, { stage: "START", score: 6 });
    const dropScored = await rejected(() =>
      setDirectWorkGoals(world.users.studentA, programmeId, { goals: ["Feel calmer in lessons"] }),
    );
    expect([dropScored.status, dropScored.message]).toEqual([
      409,
      "Goal 3 already has scores, so it cannot be removed.",
    ]);
    await setDirectWorkGoals(world.users.studentA, programmeId, {
      goals: ["Feel calmer in lessons", "Make friends in my class", "Tell someone when I am worried"],
    });
    expect((await db().outcomeGoal.findFirstOrThrow({ where: { programmeId, number: 2 } })).description).toBe(
      "Make friends in my class",
    );
    // Scoring a goal of another programme through this one is a 404.
    expect(
      (await rejected(() => scoreDirectWorkGoal(world.users.studentA, goal.id, { stage: "END", score: 3 }, "another")))
        .status,
    ).toBe(404);
  });

  it("takes no score before the first session's date, and the page offers none", async () => {
    const goal = await db().outcomeGoal.findFirstOrThrow({ where: { programmeId, number: 1 } });
    const startDate = (await db().directWorkProgramme.findUniqueOrThrow({ where: { id: programmeId } })).startDate;
    const firstSession = addDays(world.today, 3);
    await db().directWorkProgramme.update({
      where: { id: programmeId },
      data: { startDate: fromIsoDate(firstSession) },
    });
    try {
      const error = await rejected(() =>
        scoreDirectWorkGoal(world.users.studentA, goal.id, { stage: "END", score: 9 }),
      );
      expect(error.status).toBe(422);
      expect(error.fieldErrors?.score?.[0]).toMatch(/scores the goals from the first session/);
      expect((await getDirectWorkProgramme(world.users.studentA, programmeId)).permissions.canScoreGoals).toBe(false);
    } finally {
      await db().directWorkProgramme.update({ where: { id: programmeId }, data: { startDate } });
    }
    expect((await getDirectWorkProgramme(world.users.studentA, programmeId)).permissions.canScoreGoals).toBe(true);
  });
});

describe("the child's feedback", () => {
  const feedback = {
    rating: 5,
    whatWasGood: "Drawing my safe people",
    whatCouldBeBetter: "Alfie wants longer sessions, not in maths (C-1001)",
  };

  it("saves feedback the child gives on the tablet", async () => {
    const session = await sessionOf(1);
    expect(await openFeedbackInPerson(world.users.studentA, session.id)).toEqual({
      sessionId: session.id,
      programmeId,
    });
    expect(
      (await rejected(() => submitFeedbackInPerson(world.users.studentA, session.id, { rating: 0 }))).fieldErrors
        ?.rating,
    ).toBeDefined();
    await submitFeedbackInPerson(world.users.studentA, session.id, feedback);
    const saved = await db().childFeedback.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(saved).toMatchObject({ rating: 5, givenBy: "CHILD" });
    // No feedback on a session that was cancelled.
    const cancelled = await sessionOf(2);
    expect((await rejected(() => submitFeedbackInPerson(world.users.studentA, cancelled.id, feedback))).status).toBe(
      409,
    );
  });

  it("gives a carer a one-time link that works once, storing only its hash", async () => {
    const session = await sessionOf(1);
    const { token, path, expiresAt } = await createFeedbackLink(world.users.studentA, session.id);
    expect(path).toBe(`/f/${token}`);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const stored = await db().feedbackLink.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toBe(token);
    expect(stored[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await db().auditLog.findMany({ where: { entity: "FeedbackLink" } }))).not.toContain(token);

    expect(await feedbackLinkState(token)).toBe("VALID");
    // Bad input does not use the link up.
    expect((await rejected(() => submitFeedbackWithLink(token, { rating: 9 }))).status).toBe(422);
    expect(
      await submitFeedbackWithLink(token, { rating: 3, whatWasGood: "", whatCouldBeBetter: "More time to talk" }),
    ).toEqual({ ok: true });
    const saved = await db().childFeedback.findFirstOrThrow({ where: { givenBy: "CARER" } });
    expect(saved).toMatchObject({ sessionId: session.id, rating: 3, whatCouldBeBetter: "More time to talk" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "ChildFeedback", entityId: saved.id } });
    expect(audit.actorId).toBeNull();

    expect(await feedbackLinkState(token)).toBe("USED");
    const reuse = await rejected(() => submitFeedbackWithLink(token, { rating: 1 }));
    expect(reuse.status).toBe(409);
    expect(reuse.message).toMatch(/already been used/);
  });

  it("refuses an expired or unknown link and saves nothing", async () => {
    const session = await sessionOf(1);
    const { token } = await createFeedbackLink(world.users.peA, session.id);
    await db().feedbackLink.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await feedbackLinkState(token)).toBe("EXPIRED");
    const expired = await rejected(() => submitFeedbackWithLink(token, { rating: 4 }));
    expect(expired.message).toMatch(/expired/);
    expect((await db().feedbackLink.findFirstOrThrow({ where: { usedAt: null } })).usedAt).toBeNull();
    expect(await feedbackLinkState("not-a-real-token-but-the-right-shape-123")).toBe("UNKNOWN");
    expect(
      (await rejected(() => submitFeedbackWithLink("not-a-real-token-but-the-right-shape-123", { rating: 4 }))).status,
    ).toBe(404);
    expect((await rejected(() => submitFeedbackWithLink("../../etc", { rating: 4 }))).status).toBe(404);
  });

  it("shows the team a suggestion tree by theme with no child's code or name", async () => {
    // The same request in other words of case and punctuation is one leaf, counted twice.
    await submitFeedbackInPerson(world.users.studentA, (await sessionOf(1)).id, {
      rating: 4,
      whatCouldBeBetter: "more time to talk!",
    });
    const tree = await listSuggestionTree(world.users.admin);
    expect(tree.total).toBe(3);
    expect(tree.themes).toEqual([
      {
        theme: DEFAULT_THEMES[0],
        count: 3,
        averageRating: 4,
        suggestions: [
          { text: "more time to talk!", count: 2, byChild: 1, byCarer: 1, averageRating: 3.5 }, // the newest wording stands for the group
          {
            text: "[name] wants longer sessions, not in maths ([child])",
            count: 1,
            byChild: 1,
            byCarer: 0,
            averageRating: 5,
          },
        ],
      },
    ]);
    const text = JSON.stringify(tree);
    for (const secret of [
      "Alfie",
      "Archer",
      "C-1001",
      kids.childA.id,
      kids.allocationA.id,
      programmeId,
      (await sessionOf(1)).id,
    ])
      expect(text).not.toContain(secret);
    expect((await listSuggestionTree(world.users.peA)).total).toBe(3);
    // Another team's manager sees none of this team's feedback.
    expect((await listSuggestionTree(world.users.otherAdmin)).total).toBe(0);
    for (const who of ["studentA", "tutorA", "onsiteA"] as const)
      expect((await rejected(() => listSuggestionTree(world.users[who]))).status).toBe(403);
  });
});

describe("who may do what", () => {
  const everything = async (user: World["users"][keyof World["users"]]) => {
    const session = await sessionOf(3);
    const goal = await db().outcomeGoal.findFirstOrThrow({ where: { programmeId } });
    const version = await programmeVersion();
    return {
      getDirectWorkProgramme: () => getDirectWorkProgramme(user, programmeId),
      getDirectWorkPlanForm: () => getDirectWorkPlanForm(user, kids.allocationA.id),
      createDirectWorkProgramme: () => createDirectWorkProgramme(user, kids.allocationA.id, validPlan()),
      recordDirectWorkSession: () =>
        recordDirectWorkSession(user, session.id, {
          status: "CANCELLED",
          cancelledBy: "CHILD",
          version: session.version,
        }),
      addDirectWorkSession: () =>
        addDirectWorkSession(user, programmeId, { plannedOn: start, theme: DEFAULT_THEMES[0] }),
      extendDirectWorkProgramme: () => extendDirectWorkProgramme(user, programmeId, { additionalSessions: 1, version }),
      setDirectWorkGoals: () => setDirectWorkGoals(user, programmeId, { goals: ["A goal"] }),
      scoreDirectWorkGoal: () => scoreDirectWorkGoal(user, goal.id, { stage: "START", score: 5 }),
      closeDirectWorkProgramme: () =>
        closeDirectWorkProgramme(user, programmeId, { closingSummary: "A closing summary for the work.", version }),
      createFeedbackLink: () => createFeedbackLink(user, session.id),
      openFeedbackInPerson: () => openFeedbackInPerson(user, session.id),
      submitFeedbackInPerson: () => submitFeedbackInPerson(user, session.id, { rating: 3 }),
    };
  };

  it.each([
    "studentOther",
    "studentB",
    "tutorA",
    "tutorB",
    "peOther",
    "peB",
    "pePast",
    "onsiteOther",
    "otherAdmin",
  ] as const)("%s gets 404 from every function and changes nothing", async (who) => {
    for (const [name, call] of Object.entries(await everything(world.users[who]))) {
      const error = await rejected(call);
      expect([name, error.status]).toEqual([name, 404]);
    }
  });

  it("the on-site supervisor reads the programme by code only, and may not write", async () => {
    const programme = await getDirectWorkProgramme(world.users.onsiteA, programmeId);
    expect(programme.child).toMatchObject({ code: "C-1001", name: null, label: "C-1001" });
    expect(JSON.stringify(programme)).not.toContain("Alfie");
    expect(programme.permissions.canWrite).toBe(false);
    for (const [name, call] of Object.entries(await everything(world.users.onsiteA))) {
      if (name === "getDirectWorkProgramme" || name === "getDirectWorkPlanForm") continue;
      const error = await rejected(call);
      expect([name, error.status]).toEqual([name, 403]);
    }
  });

  it("only the team manager adds themes, once each", async () => {
    expect((await rejected(() => addTheme(world.users.peA, { name: "Bereavement and loss" }))).status).toBe(403);
    expect((await rejected(() => addTheme(world.users.admin, { name: "x" }))).status).toBe(422);
    await addTheme(world.users.admin, { name: "Bereavement and loss" });
    expect((await rejected(() => addTheme(world.users.admin, { name: "bereavement AND loss" }))).status).toBe(409);
    expect((await getDirectWorkPlanForm(world.users.studentA, kids.allocationA.id)).themes).toContain(
      "Bereavement and loss",
    );
  });
});

describe("closing a programme", () => {
  it("needs a summary, then locks the record but still takes the child's feedback", async () => {
    expect(
      (
        await rejected(() =>
          closeDirectWorkProgramme(world.users.studentA, programmeId, { closingSummary: "", version: 1 }),
        )
      ).fieldErrors?.closingSummary,
    ).toBeDefined();
    await closeDirectWorkProgramme(world.users.peA, programmeId, {
      closingSummary: "Alfie met two of his goals and now talks to his head of year.",
      version: await programmeVersion(),
    });
    const programme = await getDirectWorkProgramme(world.users.studentA, programmeId);
    expect(programme.permissions).toEqual({
      canWrite: false,
      canAddSession: false,
      canAskFeedback: true,
      canScoreGoals: false,
      // The student who ran a closed programme may turn it into portfolio evidence.
      canMakeEvidence: true,
      closed: true,
    });
    expect(programme.closingSummary).toMatch(/met two of his goals/);

    const session = await sessionOf(3);
    const locked = await rejected(() =>
      recordDirectWorkSession(world.users.studentA, session.id, {
        status: "CANCELLED",
        cancelledBy: "CHILD",
        version: session.version,
      }),
    );
    expect(locked.status).toBe(409);
    expect(locked.message).toMatch(/closed/);
    const version = await programmeVersion();
    expect(
      (
        await rejected(() =>
          extendDirectWorkProgramme(world.users.studentA, programmeId, { additionalSessions: 1, version }),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await rejected(() =>
          closeDirectWorkProgramme(world.users.admin, programmeId, {
            closingSummary: "Closing it a second time.",
            version,
          }),
        )
      ).status,
    ).toBe(409);
    await submitFeedbackInPerson(world.users.studentA, (await sessionOf(1)).id, {
      rating: 4,
      whatWasGood: "",
      whatCouldBeBetter: "",
    });
  });

  it("keeps a full audit trail of the writes", async () => {
    const entities = await db().auditLog.groupBy({ by: ["entity"], where: { action: { not: "VIEW" } }, _count: true });
    expect(Object.fromEntries(entities.map((row) => [row.entity, row._count]))).toMatchObject({
      DirectWorkProgramme: 3, // created, extended, closed
      ProgrammeSession: 3, // session 7 added; sessions 1 and 2 recorded
      OutcomeGoal: expect.any(Number),
      FeedbackLink: 2,
      ChildFeedback: 4,
      DirectWorkTheme: 2, // the defaults seeded on first use, and one added
    });
  });
});
