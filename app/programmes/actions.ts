"use server";
// Server actions are public POST endpoints: each one resolves the signed-in
// user itself and goes through lib/, which checks what that user may do. The
// one exception is the carer's one-time link, which has no user: the link's
// token is the permission, checked in lib/children/programmes.ts.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import {
  addProgrammeSession,
  addTheme,
  closeProgramme,
  createFeedbackLink,
  createProgramme,
  extendProgramme,
  recordProgrammeSession,
  scoreGoal,
  setGoals,
  submitFeedbackInPerson,
  submitFeedbackWithLink,
} from "@/lib/children/programmes";
import type {
  AddSessionInput,
  ChildFeedbackInput,
  CloseProgrammeInput,
  CreateProgrammeInput,
  ExtendProgrammeInput,
  RecordSessionInput,
  ScoreGoalInput,
  SetGoalsInput,
} from "@/lib/validations/programmes";

const programmePath = (programmeId: string) => `/programmes/${programmeId}`;

export async function createProgrammeAction(allocationId: string, input: CreateProgrammeInput) {
  const user = await requireUser();
  const result = await runAction(() => createProgramme(user, allocationId, input));
  if (result.ok) revalidatePath("/caseload");
  return result;
}

export async function recordSessionAction(programmeId: string, sessionId: string, input: RecordSessionInput) {
  const user = await requireUser();
  const result = await runAction(() => recordProgrammeSession(user, sessionId, input));
  if (result.ok) revalidatePath(programmePath(programmeId));
  return result;
}

export async function addSessionAction(programmeId: string, input: AddSessionInput) {
  const user = await requireUser();
  const result = await runAction(() => addProgrammeSession(user, programmeId, input));
  if (result.ok) revalidatePath(programmePath(programmeId));
  return result;
}

export async function extendProgrammeAction(programmeId: string, input: ExtendProgrammeInput) {
  const user = await requireUser();
  const result = await runAction(() => extendProgramme(user, programmeId, input));
  if (result.ok) revalidatePath(programmePath(programmeId));
  return result;
}

export async function setGoalsAction(programmeId: string, input: SetGoalsInput) {
  const user = await requireUser();
  const result = await runAction(() => setGoals(user, programmeId, input));
  if (result.ok) revalidatePath(programmePath(programmeId));
  return result;
}

export async function scoreGoalAction(programmeId: string, goalId: string, input: ScoreGoalInput) {
  const user = await requireUser();
  const result = await runAction(() => scoreGoal(user, goalId, input, { programmeId }));
  if (result.ok) revalidatePath(programmePath(programmeId));
  return result;
}

export async function closeProgrammeAction(programmeId: string, input: CloseProgrammeInput) {
  const user = await requireUser();
  const result = await runAction(() => closeProgramme(user, programmeId, input));
  if (result.ok) revalidatePath(programmePath(programmeId));
  return result;
}

/** The token comes back once, to be shown once; it is never stored or shown again. */
export async function createFeedbackLinkAction(sessionId: string) {
  const user = await requireUser();
  return runAction(() => createFeedbackLink(user, sessionId));
}

export async function submitFeedbackInPersonAction(sessionId: string, input: ChildFeedbackInput) {
  const user = await requireUser();
  return runAction(() => submitFeedbackInPerson(user, sessionId, input));
}

/** No sign-in: a carer (or the child) using a one-time link. */
export async function submitFeedbackWithLinkAction(token: string, input: ChildFeedbackInput) {
  return runAction(() => submitFeedbackWithLink(token, input));
}

export async function addThemeAction(input: { name: string }) {
  const user = await requireUser();
  const result = await runAction(() => addTheme(user, input));
  if (result.ok) revalidatePath("/team/suggestions");
  return result;
}
