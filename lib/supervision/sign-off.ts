// The sign-off of a supervision record: the PE signs, then the student signs
// (or records disagreement). A record both have signed is locked; corrections
// are addenda with author and time, never silent edits (docs/domain.md, "Supervision").

import type { SupervisionStatus } from "@/lib/generated/prisma/enums";

export type SupervisionStatusName = SupervisionStatus;

export const SUPERVISION_STATUS_LABELS: Record<SupervisionStatusName, string> = {
  DRAFT: "Draft",
  PE_SIGNED: "Signed by practice educator, awaiting student",
  SIGNED: "Signed by both",
};

/** The PE's notes (date, attendees, discussion, actions agreed) can change only while the record is a draft. */
export function peNotesEditable(status: SupervisionStatusName): boolean {
  return status === "DRAFT";
}

/** The student's reflection can change until the student signs. */
export function studentReflectionEditable(status: SupervisionStatusName): boolean {
  return status !== "SIGNED";
}

export type SignOffResult = { ok: true; status: SupervisionStatusName } | { ok: false; reason: string };

export function signAsPracticeEducator(status: SupervisionStatusName): SignOffResult {
  if (status !== "DRAFT") return { ok: false, reason: "The practice educator has already signed this record." };
  return { ok: true, status: "PE_SIGNED" };
}

export function signAsStudent(status: SupervisionStatusName): SignOffResult {
  if (status === "DRAFT")
    return { ok: false, reason: "The practice educator signs first; this record is still a draft." };
  if (status === "SIGNED") return { ok: false, reason: "You have already signed this record." };
  return { ok: true, status: "SIGNED" };
}

/** The student signs over their reflection, or over a comment saying what they disagree with. */
export function studentSignatureProblem(reflection: string, disagreement: string | null): string | null {
  return !reflection.trim() && !disagreement?.trim() ? "Write your reflection on the session before you sign" : null;
}

/** Addenda correct a record only once it is locked; a draft is simply edited. */
export function addendumAllowed(status: SupervisionStatusName): boolean {
  return status !== "DRAFT";
}
