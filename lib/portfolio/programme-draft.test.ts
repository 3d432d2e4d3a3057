import { programmeEvidenceDraft, type ProgrammeForDraft } from "./programme-draft";

const programme: ProgrammeForDraft = {
  child: { code: "C-4821", firstName: "Alfie", lastName: "Archer" },
  plannedSessions: 3,
  startDate: "2026-09-07",
  endDate: "2026-09-27",
  closedOn: "2026-09-28",
  sessions: [
    {
      number: 1,
      plannedOn: "2026-09-07",
      heldOn: "2026-09-07",
      theme: "Anger",
      status: "ATTENDED",
      whatWasDone: "Alfie and I made a volcano model of his anger.",
      studentReflection: "Alfie Archer opened up once we were drawing.",
    },
    {
      number: 2,
      plannedOn: "2026-09-14",
      heldOn: null,
      theme: "Anger",
      status: "CANCELLED",
      whatWasDone: "",
      studentReflection: "",
    },
    {
      number: 3,
      plannedOn: "2026-09-21",
      heldOn: "2026-09-21",
      theme: "Friendships",
      status: "ATTENDED",
      whatWasDone: "Friendship map.",
      studentReflection: "",
    },
  ],
  goals: [{ number: 1, description: "Alfie stays calm at break", startScore: 3, reviewScore: 5, endScore: 7 }],
};

describe("programmeEvidenceDraft", () => {
  const draft = programmeEvidenceDraft(programme);

  it("never holds the child's name: every name becomes the code", () => {
    expect(`${draft.title}\n${draft.body}`).not.toMatch(/Alfie|Archer/);
    expect(draft.body).toContain("C-4821 and I made a volcano model");
    expect(draft.body).toContain("Reflection: C-4821 opened up");
    expect(draft.childCode).toBe("C-4821");
  });

  it("sums up the sessions held against planned, and the goals' change from start to end", () => {
    expect(draft.body).toContain("2 of 3 planned sessions held, 1 missed or cancelled");
    expect(draft.body).toContain("- C-4821 stays calm at break: From 3 at the start to 7 at the end: up 4.");
    expect(draft.body).toContain("Themes: Anger, Friendships.");
  });

  it("lists only sessions that took place, with their own date, and leaves the learning for the student", () => {
    expect(draft.body).toContain("### Session 1: Anger");
    expect(draft.body).not.toContain("### Session 2");
    expect(draft.body).toContain("### Session 3: Friendships");
    expect(draft.body).toMatch(/map this evidence to the PCF domains/);
    expect(draft.occurredOn).toBe("2026-09-28");
  });
});
