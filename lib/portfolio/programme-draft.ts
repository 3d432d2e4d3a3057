import { formatDate, type IsoDate } from "@/lib/dates";
import { redactChild } from "@/lib/children/present-child";
import { goalChange } from "@/lib/children/direct-work/progress";

// A direct-work programme turned into a portfolio evidence draft
// (docs/domain.md, "Direct work into the portfolio"). Pure: what the student
// did and reflected on, with the child by code only — any name the records
// hold becomes the code, because the university reads evidence. The student
// then edits the draft and maps it to PCF domains themself.

export type ProgrammeForDraft = {
  child: { code: string; firstName: string; lastName: string };
  plannedSessions: number;
  startDate: IsoDate;
  endDate: IsoDate;
  closedOn: IsoDate | null;
  sessions: Array<{
    number: number;
    plannedOn: IsoDate;
    heldOn: IsoDate | null;
    theme: string;
    status: "PLANNED" | "ATTENDED" | "DID_NOT_ATTEND" | "CANCELLED";
    whatWasDone: string;
    studentReflection: string;
  }>;
  goals: Array<{
    number: number;
    description: string;
    startScore: number | null;
    reviewScore: number | null;
    endScore: number | null;
  }>;
};

/** Names (and the code itself) become the code: nothing else of the child's identity goes into the draft. */
function byCode(text: string, child: ProgrammeForDraft["child"]) {
  return (
    redactChild(text, child)
      // "Alfie Archer" is one mention: one code, not two.
      .replace(/\[name\](\s+\[name\])+/g, "[name]")
      .replaceAll("[name]", child.code)
      .replaceAll("[child]", child.code)
      .trim()
  );
}

export function programmeEvidenceDraft(programme: ProgrammeForDraft) {
  const code = programme.child.code;
  const held = programme.sessions.filter((session) => session.status === "ATTENDED");
  const missed = programme.sessions.filter(
    (session) => session.status === "DID_NOT_ATTEND" || session.status === "CANCELLED",
  );
  const themes = [...new Set(programme.sessions.map((session) => session.theme))];
  const lines: string[] = [
    `Direct work with child ${code}: ${held.length} of ${programme.plannedSessions} planned sessions held` +
      `${missed.length > 0 ? `, ${missed.length} missed or cancelled` : ""}, ` +
      `${formatDate(programme.startDate)} to ${formatDate(programme.closedOn ?? programme.endDate)}.`,
    `Themes: ${themes.join(", ") || "none recorded"}.`,
    "",
    "## Goals agreed with the child (scored 0 to 10)",
    ...(programme.goals.length === 0
      ? ["No goals recorded."]
      : programme.goals.map((goal) => `- ${byCode(goal.description, programme.child)}: ${goalChange(goal).text}.`)),
    "",
    "## What I did, session by session",
    ...held.flatMap((session) => [
      `### Session ${session.number}: ${session.theme} (${formatDate(session.heldOn ?? session.plannedOn)})`,
      byCode(session.whatWasDone, programme.child) || "(Nothing recorded.)",
      ...(session.studentReflection.trim()
        ? ["", `Reflection: ${byCode(session.studentReflection, programme.child)}`]
        : []),
      "",
    ]),
    "## What I learned and how it shows my capability",
    "(Write your overall reflection here, then map this evidence to the PCF domains it shows.)",
  ];
  return {
    title: `Direct work with ${code}: ${held.length} sessions on ${themes[0] ?? "direct work"}`.slice(0, 200),
    occurredOn: programme.closedOn ?? held.at(-1)?.heldOn ?? programme.endDate,
    body: lines.join("\n"),
    childCode: code,
  };
}
