import { todayInUk, type IsoDate } from "@/lib/dates";
import { NEAR_DUE_WORKING_DAYS, workingDaysLeft } from "@/lib/children/assessment-due";

export type Rag = { status: "RED" | "AMBER" | "GREEN"; reasons: string[] };

export const RAG_LABELS = { RED: "Red", AMBER: "Amber", GREEN: "Green" } as const;

/**
 * A RAG status for one piece of work with a child, with the reasons in words
 * (the colour is never the only signal): red when something is overdue or the
 * work cannot lawfully proceed, amber when it is slipping, green otherwise.
 */
export function allocationRag(input: {
  kind: "DIRECT_WORK" | "ASSESSMENT" | "LIFE_STORY";
  peSignedOff: boolean;
  programme: { planned: number; sessions: Array<{ status: string; plannedOn: IsoDate }> } | null;
  assessment: { dueDate: IsoDate; status: string } | null;
  today?: IsoDate;
}): Rag {
  const today = input.today ?? todayInUk();
  const red: string[] = [];
  const amber: string[] = [];

  if (input.kind === "LIFE_STORY" && !input.peSignedOff)
    amber.push("Waiting for the practice educator's sign-off before work starts");

  if (input.kind === "DIRECT_WORK") {
    if (!input.programme) amber.push("No plan of sessions agreed yet");
    else {
      const overdue = input.programme.sessions.filter(
        (session) => session.status === "PLANNED" && session.plannedOn < today,
      ).length;
      const missed = input.programme.sessions.filter(
        (session) => session.status === "DID_NOT_ATTEND" || session.status === "CANCELLED",
      ).length;
      if (overdue >= 2) red.push(`${overdue} planned sessions have passed without a record`);
      else if (overdue === 1) amber.push("1 planned session has passed without a record");
      if (missed >= 2) amber.push(`${missed} sessions missed or cancelled`);
    }
  }

  if (input.kind === "ASSESSMENT" && input.assessment && input.assessment.status !== "COMPLETED") {
    if (input.assessment.dueDate < today) red.push("Assessment past its 45-working-day limit");
    else {
      const left = workingDaysLeft(today, input.assessment.dueDate);
      if (left <= NEAR_DUE_WORKING_DAYS)
        amber.push(
          left === 0 ? "Assessment due today" : `Assessment due in ${left} working day${left === 1 ? "" : "s"}`,
        );
    }
  }

  if (red.length) return { status: "RED", reasons: [...red, ...amber] };
  if (amber.length) return { status: "AMBER", reasons: amber };
  return { status: "GREEN", reasons: ["On track"] };
}
