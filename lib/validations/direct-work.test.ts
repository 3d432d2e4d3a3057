import { DEFAULT_THEMES, directWorkProgrammeSchema, MAX_PLANNED_SESSIONS } from "@/lib/validations/direct-work";

// Issue 10: a plan of about 2^31 sessions ran the schema's per-session check
// that many times before the 1–30 cap refused it, and the process died. The
// check now stops at the cap: what it reports is bounded by the cap, whatever
// number arrives.

const plan = (plannedSessions: unknown, themes: unknown[] = []) => ({
  startDate: "2026-09-07",
  plannedSessions,
  themes,
});

function issuesOf(input: unknown) {
  const result = directWorkProgrammeSchema.safeParse(input);
  if (result.success) throw new Error("expected the plan to be refused");
  return result.error.issues;
}

describe("the number of sessions in a plan", () => {
  it.each([
    ["2^31", 2 ** 31],
    ["2^31 as text, as a form sends it", "2147483648"],
    ["the largest safe integer", Number.MAX_SAFE_INTEGER],
    ["1e308", 1e308],
  ])("refuses %s as too many sessions, reporting no more themes than the largest plan has", (_name, planned) => {
    const issues = issuesOf(plan(planned));
    expect(issues.filter((issue) => issue.path[0] === "plannedSessions").map((issue) => issue.message)).toContain(
      "Plan at most 30 sessions; extend the plan later if needed",
    );
    expect(issues.filter((issue) => issue.path[0] === "themes").length).toBeLessThanOrEqual(MAX_PLANNED_SESSIONS);
  });

  it("asks for a theme for each of the 30 sessions of the largest plan, and no more", () => {
    const issues = issuesOf(plan(MAX_PLANNED_SESSIONS));
    expect(issues.map((issue) => issue.path.join("."))).toEqual(
      Array.from({ length: MAX_PLANNED_SESSIONS }, (_, index) => `themes.${index}`),
    );
  });

  it("refuses 31 sessions without asking for 31 themes", () => {
    const issues = issuesOf(plan(MAX_PLANNED_SESSIONS + 1));
    expect(issues.find((issue) => issue.path[0] === "plannedSessions")?.message).toMatch(/at most 30 sessions/);
    expect(issues.filter((issue) => issue.path[0] === "themes")).toHaveLength(MAX_PLANNED_SESSIONS);
  });

  it("refuses a list of a million themes by its length, without looking at each", () => {
    const issues = issuesOf(plan(6, new Array(1_000_000).fill(DEFAULT_THEMES[0])));
    expect(issues.filter((issue) => issue.path[0] === "themes" && issue.path.length === 1)).toHaveLength(1);
    expect(issues.length).toBeLessThanOrEqual(2);
  });

  it("accepts 30 sessions with a theme each", () => {
    expect(directWorkProgrammeSchema.safeParse(plan(30, new Array(30).fill(DEFAULT_THEMES[0]))).success).toBe(true);
  });
});
