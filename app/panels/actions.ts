"use server";
// Server actions are public POST endpoints: each one resolves the signed-in
// user itself and goes through lib/panels, which checks what that user may do.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { runAction } from "@/lib/action-result";
import {
  answerPanelReturn,
  buildPanelSample,
  changePanelStatus,
  createPanel,
  recordPanelDecision,
  setPanelLead,
} from "@/lib/panels/panels";
import type {
  BuildSampleInput,
  CreatePanelInput,
  PanelDecisionInput,
  PanelLeadInput,
  PanelReturnAnswerInput,
} from "@/lib/validations/panels";

export async function createPanelAction(input: CreatePanelInput) {
  const user = await requireUser();
  const result = await runAction(() => createPanel(user, input));
  if (result.ok) revalidatePath("/panels");
  return result;
}

export async function buildPanelSampleAction(panelId: string, input: BuildSampleInput) {
  const user = await requireUser();
  const result = await runAction(() => buildPanelSample(user, panelId, input));
  if (result.ok) revalidatePath(`/panels/${panelId}`);
  return result;
}

export async function changePanelStatusAction(panelId: string, to: "OPEN" | "CLOSED", version: number) {
  const user = await requireUser();
  const result = await runAction(() => changePanelStatus(user, panelId, to, { version }));
  if (result.ok) revalidatePath(`/panels/${panelId}`);
  return result;
}

export async function recordPanelDecisionAction(panelId: string, itemId: string, input: PanelDecisionInput) {
  const user = await requireUser();
  const result = await runAction(() => recordPanelDecision(user, panelId, itemId, input));
  if (result.ok) revalidatePath(`/panels/${panelId}`);
  return result;
}

export async function answerPanelReturnAction(placementId: string, itemId: string, input: PanelReturnAnswerInput) {
  const user = await requireUser();
  const result = await runAction(() => answerPanelReturn(user, itemId, input));
  if (result.ok) revalidatePath(`/placements/${placementId}/final-assessment`);
  return result;
}

export async function setPanelLeadAction(userId: string, input: PanelLeadInput) {
  const user = await requireUser();
  const result = await runAction(() => setPanelLead(user, userId, input));
  if (result.ok) {
    revalidatePath("/panels/leads");
    revalidatePath(`/admin/users/${userId}`);
  }
  return result;
}
