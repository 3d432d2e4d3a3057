"use server";
// Server actions are public POST endpoints: each one resolves the signed-in
// user itself and goes through lib/, which checks what that user may do. The
// one exception is the carer's one-time link, which has no user: the link's
// token is the permission, checked in lib/children/direct-work/feedback.ts.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import {
  closeDirectWorkProgramme,
  createDirectWorkProgramme,
  extendDirectWorkProgramme,
} from "@/lib/children/direct-work/plans";
import { addDirectWorkSession, recordDirectWorkSession } from "@/lib/children/direct-work/sessions";
import { scoreDirectWorkGoal, setDirectWorkGoals } from "@/lib/children/direct-work/goals";
import {
  createFeedbackLink,
  submitFeedbackInPerson,
  submitFeedbackWithLink,
} from "@/lib/children/direct-work/feedback";
import { addTheme } from "@/lib/children/direct-work/themes";
import { draftEvidenceFromProgramme } from "@/lib/portfolio/programme-evidence";
import type {
  AddDirectWorkSessionInput,
  AddThemeInput,
  ChildFeedbackInput,
  CloseDirectWorkProgrammeInput,
  DirectWorkGoalsInput,
  DirectWorkProgrammeInput,
  ExtendDirectWorkProgrammeInput,
  RecordDirectWorkSessionInput,
  ScoreDirectWorkGoalInput,
} from "@/lib/validations/direct-work";

const programmePath = (programmeId: string) => `/programmes/${programmeId}`;

export async function draftEvidenceFromProgrammeAction(programmeId: string) {
  const user = await requireUser();
  return runAction(() => draftEvidenceFromProgramme(user, programmeId));
}

export async function createDirectWorkProgrammeAction(allocationId: string, input: DirectWorkProgrammeInput) {
  const user = await requireUser();
  const result = await runAction(() => createDirectWorkProgramme(user, allocationId, input));
  if (result.ok) revalidatePath("/caseload");
  return result;
}

export async function recordDirectWorkSessionAction(
  programmeId: string,
  sessionId: string,
  input: RecordDirectWorkSessionInput,
) {
  const user = await requireUser();
  const result = await runAction(() => recordDirectWorkSession(user, sessionId, input));
  if (result.ok) revalidatePath(programmePath(programmeId));
  return result;
}

export async function addDirectWorkSessionAction(programmeId: string, input: AddDirectWorkSessionInput) {
  const user = await requireUser();
  const result = await runAction(() => addDirectWorkSession(user, programmeId, input));
  if (result.ok) revalidatePath(programmePath(programmeId));
  return result;
}

export async function extendDirectWorkProgrammeAction(programmeId: string, input: ExtendDirectWorkProgrammeInput) {
  const user = await requireUser();
  const result = await runAction(() => extendDirectWorkProgramme(user, programmeId, input));
  if (result.ok) revalidatePath(programmePath(programmeId));
  return result;
}

export async function setDirectWorkGoalsAction(programmeId: string, input: DirectWorkGoalsInput) {
  const user = await requireUser();
  const result = await runAction(() => setDirectWorkGoals(user, programmeId, input));
  if (result.ok) revalidatePath(programmePath(programmeId));
  return result;
}

export async function scoreDirectWorkGoalAction(programmeId: string, goalId: string, input: ScoreDirectWorkGoalInput) {
  const user = await requireUser();
  const result = await runAction(() => scoreDirectWorkGoal(user, goalId, input, programmeId));
  if (result.ok) revalidatePath(programmePath(programmeId));
  return result;
}

export async function closeDirectWorkProgrammeAction(programmeId: string, input: CloseDirectWorkProgrammeInput) {
  const user = await requireUser();
  const result = await runAction(() => closeDirectWorkProgramme(user, programmeId, input));
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

export async function addThemeAction(input: AddThemeInput) {
  const user = await requireUser();
  const result = await runAction(() => addTheme(user, input));
  if (result.ok) revalidatePath("/team/suggestions");
  return result;
}
