/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { seedDemoWorld } from "@/prisma/seed/demo-world";
import { addDays, todayInUk, toIsoDate } from "@/lib/dates";
import { coverageOf } from "@/lib/portfolio/coverage";
import { milestoneDueDate, observationProgress } from "@/lib/portfolio/milestone-rules";
import { progressForPlacements } from "@/lib/progress/placement-progress";

// The demo seed runs on every fresh start and in every E2E run: it must give
// every placement a believable portfolio for the stage its dates imply, with
// the things dashboards flag, and never put a child's name in portfolio text.

const { db } = useTestDatabase();
const today = todayInUk();

beforeAll(async () => {
  await seedDemoWorld(db(), today);
}, 120_000);

async function placements() {
  return db().placement.findMany({
    orderBy: { student: { name: "asc" } },
    include: {
      student: { select: { name: true } },
      practiceEducators: { include: { practiceEducator: { select: { pepsStage: true } } } },
      attendance: { select: { date: true, kind: true } },
      allocations: { select: { child: { select: { code: true } } } },
      evidence: { include: { links: true, comments: true } },
      observations: { include: { domains: true } },
      milestones: true,
      concerns: { include: { events: true, actions: true } },
      finalAssessment: { include: { domains: true } },
    },
  });
}
type Placement = Awaited<ReturnType<typeof placements>>[number];
let all: Placement[];
beforeAll(async () => {
  all = await placements();
});

const started = () => all.filter((p) => p.status !== "PLANNED" && p.attendance.length > 0);
const active = () => all.filter((p) => p.status === "ACTIVE");

/** Every piece of free text in a placement's portfolio. */
function portfolioText(p: Placement): string[] {
  return [
    ...p.evidence.flatMap((e) => [
      e.title,
      e.body,
      e.childCode ?? "",
      ...e.links.map((l) => l.note),
      ...e.comments.map((c) => c.body),
    ]),
    ...p.observations.flatMap((o) => [
      o.activity,
      o.preparationNote,
      o.feedback,
      o.reflection,
      ...o.domains.map((d) => d.note),
    ]),
    ...p.milestones.flatMap((m) => [
      m.notes,
      m.learningNeeds,
      m.learningOpportunities,
      m.reasonableAdjustments,
      m.supervisionArrangements,
      m.actionPlan,
      m.earlyReason ?? "",
    ]),
    ...p.concerns.flatMap((c) => [c.summary, ...c.events.map((e) => e.notes), ...c.actions.map((a) => a.description)]),
    ...(p.finalAssessment
      ? [
          p.finalAssessment.holisticSummary,
          p.finalAssessment.studentReflection,
          p.finalAssessment.developmentPlan,
          ...p.finalAssessment.domains.map((d) => d.text),
        ]
      : []),
  ];
}

test("the demo world has placements in every state the portfolio rules care about", () => {
  const statuses = new Set(all.map((p) => p.status));
  for (const status of ["PLANNED", "ACTIVE", "SUSPENDED", "COMPLETED", "ENDED_EARLY"])
    expect(statuses).toContain(status);
});

test("every started placement has evidence; planned placements have no portfolio at all", () => {
  for (const p of started())
    expect({ student: p.student.name, evidence: p.evidence.length > 0 }).toEqual({
      student: p.student.name,
      evidence: true,
    });
  for (const p of all.filter((p) => p.status === "PLANNED")) {
    expect([
      p.evidence.length,
      p.observations.length,
      p.milestones.length,
      p.concerns.length,
      p.finalAssessment,
    ]).toEqual([0, 0, 0, 0, null]);
  }
});

test("evidence grows with the weeks of placement: about one or two items a week", () => {
  for (const p of started()) {
    const weeks = p.attendance.length / 5;
    expect(p.evidence.length).toBeGreaterThanOrEqual(Math.floor(weeks));
    expect(p.evidence.length).toBeLessThanOrEqual(Math.ceil(weeks * 2) + 1);
  }
});

test("evidence links to one to three PCF domains, each with a note, and dates are never in the future", () => {
  for (const p of started()) {
    for (const item of p.evidence) {
      const pcf = item.links.filter((link) => link.frameworkItemId.startsWith("fi_pcf_2018_"));
      expect(pcf.length).toBeGreaterThanOrEqual(1);
      expect(pcf.length).toBeLessThanOrEqual(p.status === "ACTIVE" ? 3 : 4);
      for (const link of item.links) expect(link.note.length).toBeGreaterThan(10);
      expect(toIsoDate(item.occurredOn) < today).toBe(true);
      expect(item.title.length).toBeGreaterThan(10);
      expect(item.body.length).toBeGreaterThan(100);
    }
  }
  expect(
    all.some((p) =>
      p.evidence.some((item) => item.links.some((link) => link.frameworkItemId.startsWith("fi_kss_2018_"))),
    ),
  ).toBe(true);
});

test("accepted evidence has a reviewer who was the placement's practice educator, and an ACCEPTED comment from them", () => {
  const accepted = all.flatMap((p) =>
    p.evidence
      .filter((e) => e.status === "ACCEPTED")
      .map((e) => ({ e, pes: p.practiceEducators.map((spell) => spell.practiceEducatorId) })),
  );
  expect(accepted.length).toBeGreaterThan(50);
  for (const { e, pes } of accepted) {
    expect(e.reviewedById).not.toBeNull();
    expect(pes).toContain(e.reviewedById);
    expect(e.reviewedAt!.getTime()).toBeGreaterThan(e.submittedAt!.getTime());
    expect(e.reviewedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(e.comments.some((c) => c.kind === "ACCEPTED" && c.authorId === e.reviewedById)).toBe(true);
  }
  for (const p of all)
    for (const e of p.evidence.filter((e) => e.status === "DRAFT" || e.status === "SUBMITTED"))
      expect(e.reviewedById).toBeNull();
});

test("active students have evidence at every status: accepted, awaiting review, changes requested (with the PE's comment) and a draft", () => {
  for (const p of active()) {
    const statuses = new Set(p.evidence.map((e) => e.status));
    expect([...statuses].sort()).toEqual(["ACCEPTED", "CHANGES_REQUESTED", "DRAFT", "SUBMITTED"]);
    const changes = p.evidence.find((e) => e.status === "CHANGES_REQUESTED")!;
    expect(
      changes.comments.some(
        (c) => c.kind === "CHANGES_REQUESTED" && c.body.length > 20 && c.authorId === changes.reviewedById,
      ),
    ).toBe(true);
  }
  for (const p of all.filter((p) => p.status === "COMPLETED"))
    expect(p.evidence.every((e) => e.status === "ACCEPTED")).toBe(true);
});

test("no portfolio text names a child: children appear only by the codes of the student's own allocations", async () => {
  const children = await db().child.findMany({ select: { firstName: true, lastName: true, code: true } });
  expect(children.length).toBeGreaterThan(0);
  const names = [...new Set(children.flatMap((child) => [child.firstName, child.lastName]))];
  const namePattern = new RegExp(`\\b(${names.join("|")})\\b`, "i");
  let codesSeen = 0;
  for (const p of all) {
    const own = new Set(p.allocations.map((allocation) => allocation.child.code));
    for (const text of portfolioText(p)) {
      expect({ student: p.student.name, text, name: text.match(namePattern)?.[0] ?? null }).toEqual({
        student: p.student.name,
        text,
        name: null,
      });
      for (const code of text.match(/C-\d{4}/g) ?? []) {
        codesSeen++;
        expect({ student: p.student.name, code, own: own.has(code) }).toEqual({
          student: p.student.name,
          code,
          own: true,
        });
      }
    }
    for (const item of p.evidence) if (item.childCode) expect(own.has(item.childCode)).toBe(true);
  }
  expect(codesSeen).toBeGreaterThan(20);
});

test("milestones are never in the future; learning agreements are held around day 10 and record the agreement", () => {
  for (const m of all.flatMap((p) => p.milestones)) expect(toIsoDate(m.heldOn) < today).toBe(true);
  const agreements = all.flatMap((p) =>
    p.milestones.filter((m) => m.kind === "LEARNING_AGREEMENT").map((la) => ({ p, la })),
  );
  expect(agreements.length).toBeGreaterThan(0);
  for (const { p, la } of agreements) {
    const due = milestoneDueDate("LEARNING_AGREEMENT", {
      startDate: toIsoDate(p.startDate),
      requiredDays: p.requiredDays,
    })!;
    expect(Math.abs((la.heldOn.getTime() - new Date(`${due}T00:00:00Z`).getTime()) / 86_400_000)).toBeLessThanOrEqual(
      4,
    );
    for (const field of [
      la.learningNeeds,
      la.learningOpportunities,
      la.reasonableAdjustments,
      la.supervisionArrangements,
    ])
      expect(field.length).toBeGreaterThan(5);
    expect(la.attendees).toEqual(expect.arrayContaining(["STUDENT", "PRACTICE_EDUCATOR"]));
  }
  const midpoints = all.flatMap((p) => p.milestones.filter((m) => m.kind === "MIDPOINT_REVIEW"));
  for (const m of midpoints) expect(["ON_TRACK", "CONCERNS"]).toContain(m.recommendation);
  const withConcerns = midpoints.filter((m) => m.recommendation === "CONCERNS");
  expect(withConcerns.length).toBeGreaterThan(0);
  for (const m of withConcerns) expect(m.actionPlan.length).toBeGreaterThan(20);
  for (const p of all.filter((p) => p.status === "COMPLETED")) {
    expect(p.milestones.map((m) => m.kind).sort()).toEqual(["FINAL_REVIEW", "LEARNING_AGREEMENT", "MIDPOINT_REVIEW"]);
    const final = p.milestones.find((m) => m.kind === "FINAL_REVIEW")!;
    expect(final.daysCompletedAtMeeting).toBeGreaterThanOrEqual(p.requiredDays);
  }
});

test("RAG on the demo world tells the struggling student apart: one running placement red, the rest green or amber", async () => {
  const manager = await db().user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const running = all.filter((p) => p.status === "ACTIVE" || p.status === "SUSPENDED");
  const progress = await progressForPlacements(
    manager,
    running.map((p) => p.id),
    today,
  );
  const rag = running.map((p) => ({ student: p.student.name, ...progress.get(p.id)!.rag }));
  const red = rag.filter((row) => row.status === "RED");
  expect(red.map((row) => row.student)).toEqual(["Ben Carter"]);
  // Red for what needs action now: the open cause for concern.
  expect(red[0].reasons).toContain("1 open cause for concern");
  const green = rag.filter((row) => row.status === "GREEN").length;
  const amber = rag.filter((row) => row.status === "AMBER").length;
  expect(green).toBeGreaterThanOrEqual(2);
  expect(green + amber).toBe(running.length - 1);
});

test("observation feedback is only on past observations; active students have one planned; one misses the observation before the midpoint", () => {
  const observations = all.flatMap((p) => p.observations.map((o) => ({ p, o })));
  const withFeedback = observations.filter(({ o }) => o.feedbackAt);
  const planned = observations.filter(({ o }) => !o.feedbackAt);
  expect(withFeedback.length).toBeGreaterThan(0);
  expect(planned.length).toBeGreaterThan(0);
  for (const { o } of withFeedback) {
    expect(toIsoDate(o.observedOn) < today).toBe(true);
    expect(o.feedbackAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(o.feedbackAt!.getTime()).toBeGreaterThanOrEqual(o.observedOn.getTime());
    expect(o.feedback.length).toBeGreaterThan(50);
    expect(o.reflection.length).toBeGreaterThan(20);
    expect(o.domains.length).toBeGreaterThanOrEqual(3);
  }
  for (const { p, o } of planned) {
    expect(o.feedback).toBe("");
    expect(p.status).toBe("ACTIVE");
    expect(toIsoDate(o.observedOn) >= today).toBe(true);
  }
  for (const p of active()) expect(p.observations.filter((o) => !o.feedbackAt)).toHaveLength(1);
  for (const p of all.filter((p) => p.status === "COMPLETED"))
    expect(p.observations.filter((o) => o.feedbackAt)).toHaveLength(p.observationsRequired);

  const progress = active().map((p) => {
    const midpoint = p.milestones.find((m) => m.kind === "MIDPOINT_REVIEW");
    return observationProgress({
      required: p.observationsRequired,
      observations: p.observations.map((o) => ({
        observedOn: toIsoDate(o.observedOn),
        feedbackGiven: o.feedbackAt !== null,
      })),
      midpointDueDate: milestoneDueDate("MIDPOINT_REVIEW", {
        startDate: toIsoDate(p.startDate),
        requiredDays: p.requiredDays,
      }),
      midpointHeldOn: midpoint ? toIsoDate(midpoint.heldOn) : null,
      today,
    });
  });
  expect(progress.filter((o) => !o.beforeMidpointMet)).toHaveLength(1);
});

test("some active students have a thin PCF domain; finished portfolios evidence all nine", async () => {
  const items = await db().frameworkItem.findMany({
    where: { frameworkId: "fw_pcf_2018" },
    select: { id: true, number: true, name: true },
  });
  const coverage = (p: Placement) =>
    coverageOf(
      items,
      p.evidence.flatMap((e) => e.links.map((link) => ({ frameworkItemId: link.frameworkItemId, status: e.status }))),
    );
  expect(active().filter((p) => coverage(p).gaps > 0).length).toBeGreaterThanOrEqual(2);
  for (const p of all.filter((p) => p.status === "COMPLETED" || p.status === "ENDED_EARLY"))
    expect(coverage(p).gaps).toBe(0);
});

test("there is an open cause for concern at the action-plan stage, and a resolved one on a completed placement", () => {
  const open = active().flatMap((p) => p.concerns.filter((c) => c.status === "OPEN"));
  expect(open.length).toBeGreaterThanOrEqual(1);
  const planned = open.find((c) => c.stage === "ACTION_PLAN")!;
  expect(planned.events.some((e) => e.stage === "STAGE_1_MEETING" && toIsoDate(e.heldOn) < today)).toBe(true);
  expect(planned.actions.length).toBeGreaterThanOrEqual(2);
  expect(planned.actions.filter((a) => a.doneAt)).toHaveLength(1);
  expect(planned.actions.some((a) => !a.doneAt && toIsoDate(a.dueOn) >= today)).toBe(true);

  const resolved = all
    .filter((p) => p.status === "COMPLETED")
    .flatMap((p) => p.concerns.filter((c) => c.status === "RESOLVED"));
  expect(resolved.length).toBeGreaterThanOrEqual(1);
  expect(resolved[0].closedAt).not.toBeNull();
  for (const p of all.filter((p) => p.status !== "ACTIVE"))
    expect(p.concerns.every((c) => c.status === "RESOLVED")).toBe(true);
});

test("completed placements have a signed final assessment on all nine domains; active ones have none", () => {
  for (const p of active()) expect(p.finalAssessment).toBeNull();
  const completed = all.filter((p) => p.status === "COMPLETED");
  expect(completed.length).toBeGreaterThan(0);
  for (const p of completed) {
    const fa = p.finalAssessment!;
    expect(fa).not.toBeNull();
    expect(["COMPLETE", "AWAITING_RATIFICATION"]).toContain(fa.status);
    expect(fa.recommendation).not.toBeNull();
    expect(fa.domains).toHaveLength(9);
    for (const text of [fa.holisticSummary, fa.studentReflection, fa.developmentPlan])
      expect(text.length).toBeGreaterThan(50);
    expect(fa.peSignedAt && fa.studentSignedAt).toBeTruthy();
    // Signed by the on-site supervisor where the placement has one, and by nobody on site otherwise.
    expect(fa.onsiteSignedById).toBe(p.onsiteSupervisorId ?? null);
    expect(fa.ratifiedAt).toBeNull();
    const finalReview = p.milestones.find((m) => m.kind === "FINAL_REVIEW")!;
    expect(fa.peSignedAt!.getTime()).toBeGreaterThanOrEqual(finalReview.heldOn.getTime());
  }
});

test("a final placement assessed by a PEPS stage 1 practice educator waits for ratification", () => {
  const stageOne = all.filter(
    (p) =>
      p.status === "COMPLETED" &&
      p.level === "FINAL" &&
      p.finalAssessment &&
      p.practiceEducators.some(
        (spell) =>
          spell.practiceEducatorId === p.finalAssessment!.practiceEducatorId &&
          spell.practiceEducator.pepsStage === "STAGE_1",
      ),
  );
  // The demo world has one, so stage 2 PEs have something to ratify.
  expect(stageOne.length).toBeGreaterThan(0);
  const awaiting = all.filter((p) => p.finalAssessment?.status === "AWAITING_RATIFICATION");
  expect(awaiting.length).toBeGreaterThanOrEqual(1);
  for (const p of awaiting) {
    expect(p.level).toBe("FINAL");
    expect(stageOne).toContain(p);
  }
});

test("dates in the portfolio stay inside the placement", () => {
  for (const p of started()) {
    const last = p.attendance
      .map((day) => toIsoDate(day.date))
      .sort()
      .at(-1)!;
    for (const e of p.evidence)
      expect(toIsoDate(e.occurredOn) >= toIsoDate(p.startDate) && toIsoDate(e.occurredOn) <= last).toBe(true);
    for (const m of p.milestones)
      expect(toIsoDate(m.heldOn) >= toIsoDate(p.startDate) && toIsoDate(m.heldOn) <= addDays(last, 1)).toBe(true);
  }
});
