import "server-only";
import { allocationsVisibleTo } from "@/lib/access/children";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { formatDate, todayInUk, toIsoDate } from "@/lib/dates";
import { auditCreated, auditUpdated } from "@/lib/children/child-audit";
import { assertOpen, loadProgramme, mayWriteDirectWork } from "@/lib/children/direct-work/load";
import { directWorkGoalsSchema, scoreDirectWorkGoalSchema, type GoalStage } from "@/lib/validations/direct-work";

// Goal-based outcomes (docs/domain.md, "Children's work"): up to three goals
// agreed with the child, each scored by the child from 0 to 10 at the start,
// at review and at the end; change is measured from the start score.

/** Sets the (up to three) goals agreed with the child, in order. A goal that already has scores cannot be removed. */
export const setDirectWorkGoals = command({
  parse: (programmeId: string, body: unknown) => ({ programmeId: parseId(programmeId, "That programme"), body }),
  input: directWorkGoalsSchema,
  load: ({ tx, user }, input) => loadProgramme(tx, user, input.programmeId),
  allow: mayWriteDirectWork,
  async run({ tx, audit }, programme, data) {
    assertOpen(programme);
    const existing = await tx.outcomeGoal.findMany({
      where: { programmeId: programme.id },
      orderBy: { number: "asc" },
    });
    const dropped = existing.filter((goal) => goal.number > data.goals.length);
    const scored = dropped.find(
      (goal) => goal.startScore !== null || goal.reviewScore !== null || goal.endScore !== null,
    );
    if (scored) throw conflict(`Goal ${scored.number} already has scores, so it cannot be removed.`);
    for (const goal of dropped) {
      await tx.outcomeGoal.delete({ where: { id: goal.id } });
      await audit.entry("DELETE", "OutcomeGoal", goal.id, { programmeId: programme.id, number: goal.number });
    }
    const ids: string[] = [];
    for (const [index, description] of data.goals.entries()) {
      const number = index + 1;
      const before = existing.find((goal) => goal.number === number);
      if (before) {
        ids.push(before.id);
        if (before.description === description) continue;
        await tx.outcomeGoal.update({ where: { id: before.id }, data: { description } });
        await auditUpdated(audit, "OutcomeGoal", before.id, before, { description });
      } else {
        const goal = await tx.outcomeGoal.create({ data: { programmeId: programme.id, number, description } });
        await auditCreated(audit, "OutcomeGoal", goal);
        ids.push(goal.id);
      }
    }
    return { ids };
  },
});

const STAGE_FIELD = { START: "startScore", REVIEW: "reviewScore", END: "endScore" } as const satisfies Record<
  GoalStage,
  string
>;

/** The child scores a goal 0–10 at the start, at review or at the end. `programmeId`, when given, must be the goal's. */
export const scoreDirectWorkGoal = command({
  parse: (goalId: string, body: unknown, programmeId?: string) => ({
    goalId: parseId(goalId, "That goal"),
    programmeId: programmeId === undefined ? undefined : parseId(programmeId, "That goal"),
    body,
  }),
  input: scoreDirectWorkGoalSchema,
  async load({ tx, user }, input) {
    const goal = await tx.outcomeGoal.findFirst({
      where: {
        id: input.goalId,
        programmeId: input.programmeId,
        programme: { allocation: allocationsVisibleTo(user) },
      },
      select: { id: true, programmeId: true, startScore: true, reviewScore: true, endScore: true },
    });
    if (!goal) throw notFound("That goal");
    return { goal, ...(await loadProgramme(tx, user, goal.programmeId)) };
  },
  allow: mayWriteDirectWork,
  async run({ tx, audit }, { goal, ...programme }, data) {
    assertOpen(programme);
    // The child gives the scores in the sessions: none before the first session's date.
    const firstSession = toIsoDate(programme.startDate);
    if (todayInUk() < firstSession)
      throw fieldError("score", `The child scores the goals from the first session, on ${formatDate(firstSession)}`);
    if (data.stage !== "START" && goal.startScore === null)
      throw fieldError("stage", "Record the start score first: change is measured from it");
    const field = STAGE_FIELD[data.stage];
    const next = { [field]: data.score };
    await tx.outcomeGoal.update({ where: { id: goal.id }, data: next });
    await auditUpdated(audit, "OutcomeGoal", goal.id, goal, next);
    return { id: goal.id, [field]: data.score };
  },
});
