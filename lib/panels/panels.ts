import "server-only";
import { randomBytes } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import {
  canAnswerPanelReturn,
  canCreatePanel,
  canGrantPanelLead,
  canDecideOnPanelItem,
  canManagePanel,
  canReadPanelSample,
  isPanelLead,
  isPanelMember,
  panelOutcomesVisibleTo,
  panelsVisibleTo,
  type PanelActor,
} from "@/lib/access/panels";
import { registerEntriesVisibleTo } from "@/lib/access/pe-register";
import { placementsVisibleTo } from "@/lib/access/placements";
import { command, parseId } from "@/lib/core/command";
import { writeAudit } from "@/lib/audit";
import { conflict, fieldError, forbidden, notFound } from "@/lib/errors";
import { notify } from "@/lib/notifications/notifications";
import { fromIsoDate, toIsoDate } from "@/lib/dates";
import {
  buildSampleSchema,
  createPanelSchema,
  panelDecisionSchema,
  panelReturnAnswerSchema,
  panelLeadSchema,
  panelStatusSchema,
} from "@/lib/validations/panels";
import { drawSample, isBorderline, isNewPracticeEducator, type SampleCandidate } from "@/lib/panels/sampling";
import { isSettledDecision, PANEL_DECISION_LABELS, type PanelDecisionName } from "@/lib/panels/labels";

// Practice Assessment Panels (docs/domain.md "Practice Assessment Panels"): a
// university's tutors scrutinise a sample of completed final assessments,
// record a decision on each, and send some back to the practice educator for
// more evidence; an answered return comes back to the next panel.

const panelInclude = {
  programme: { select: { id: true, name: true } },
  members: { include: { user: { select: { id: true, name: true } } }, orderBy: { role: "asc" as const } },
};

/** The user with their panel lead permission, read afresh: it is granted and taken away while they are signed in. */
async function asPanelActor(tx: Tx, user: SessionUser): Promise<PanelActor> {
  if (user.role !== "UNIVERSITY_TUTOR") return { ...user, panelLead: false };
  const row = await tx.user.findUnique({ where: { id: user.id }, select: { panelLead: true } });
  return { ...user, panelLead: row?.panelLead === true };
}

/** Whether the user may set up panels now (the "Set up a panel" link). */
export async function mayCreatePanels(user: SessionUser): Promise<boolean> {
  assertVerifiedUser(user);
  return canCreatePanel(await asPanelActor(getDb(), user));
}

/**
 * Who may sit on a panel besides its lead: the university's tutors, its
 * external examiners and service user or carer representatives, and the
 * practice educators whose register entries its tutors may read (those who
 * have taught its students).
 */
function possibleMembers(user: SessionUser) {
  return {
    active: true,
    id: { not: user.id },
    OR: [
      {
        organisationId: user.organisationId,
        role: {
          in: ["UNIVERSITY_TUTOR" as const, "EXTERNAL_EXAMINER" as const, "SERVICE_USER_REPRESENTATIVE" as const],
        },
      },
      registerEntriesVisibleTo(user),
    ],
  };
}

async function panelInScope(tx: Tx, user: SessionUser, panelId: string) {
  const panel = await tx.assessmentPanel.findFirst({
    where: { AND: [panelsVisibleTo(user), { id: panelId }] },
    include: panelInclude,
  });
  if (!panel) throw notFound("That panel");
  return panel;
}

// ---------------------------------------------------------------------------
// Setting a panel up

/** A tutor sets up a panel for one of their university's degree programmes, and leads it. */
export const createPanel = command({
  parse: (body: unknown) => ({ body }),
  input: createPanelSchema,
  load: async ({ tx, user }) => asPanelActor(tx, user),
  allow: (_user, actor) =>
    canCreatePanel(actor) || "Only a university's panel leads set up practice assessment panels.",
  async run({ tx, user, audit }, _actor, input) {
    const programme = await tx.degreeProgramme.findFirst({
      where: { id: input.programmeId, universityId: user.organisationId },
      select: { id: true },
    });
    if (!programme) throw fieldError("programmeId", "Choose one of your university's degree programmes");
    const memberIds = [...new Set(input.memberIds)].filter((memberId) => memberId !== user.id);
    const members = await tx.user.count({ where: { AND: [{ id: { in: memberIds } }, possibleMembers(user)] } });
    if (members !== memberIds.length)
      throw fieldError(
        "memberIds",
        "Choose members from your university's tutors, examiners and representatives, and its students' practice educators",
      );
    const panel = await tx.assessmentPanel.create({
      data: {
        universityId: user.organisationId,
        programmeId: programme.id,
        name: input.name,
        sitsOn: fromIsoDate(input.sitsOn),
        externalExaminerName: input.externalExaminerName,
        randomPercent: input.randomPercent,
        createdById: user.id,
        members: {
          create: [
            { userId: user.id, role: "LEAD" as const },
            ...memberIds.map((userId) => ({ userId, role: "MEMBER" as const })),
          ],
        },
      },
    });
    await audit.created("AssessmentPanel", panel, { members: [user.id, ...memberIds] });
    return { id: panel.id };
  },
});

/** The completed final assessments of the programme that are waiting for a panel, as sampling candidates. */
async function candidatesFor(tx: Tx, panel: { id: string; programmeId: string }): Promise<SampleCandidate[]> {
  const assessments = await tx.finalAssessment.findMany({
    where: { status: "COMPLETE", placement: { student: { studentProfile: { programmeId: panel.programmeId } } } },
    select: {
      id: true,
      recommendation: true,
      practiceEducatorId: true,
      peSignedAt: true,
      practiceEducator: { select: { pepsStage: true } },
      placement: {
        select: {
          _count: { select: { concerns: true } },
          milestones: { where: { kind: "MIDPOINT_REVIEW" }, select: { recommendation: true } },
        },
      },
      panelItems: {
        where: { panelId: { not: panel.id } },
        orderBy: { createdAt: "desc" },
        select: { decision: true, peRespondedAt: true, panel: { select: { status: true } } },
      },
    },
  });
  // A PE's earlier completed assessments (of any programme) tell whether they are new to the role.
  const byPe = await tx.finalAssessment.findMany({
    where: {
      status: "COMPLETE",
      practiceEducatorId: { in: [...new Set(assessments.map((a) => a.practiceEducatorId))] },
    },
    select: { practiceEducatorId: true, peSignedAt: true },
  });
  const candidates: SampleCandidate[] = [];
  for (const assessment of assessments) {
    const latest = assessment.panelItems[0];
    // Settled by a panel, in another panel's sample now, or sent back and not yet answered: not a candidate.
    if (latest && isSettledDecision(latest.decision)) continue;
    if (latest && latest.decision === null && latest.panel.status !== "CLOSED") continue;
    if (latest?.decision === "RETURNED_FOR_EVIDENCE" && !latest.peRespondedAt) continue;
    const signed = assessment.peSignedAt?.getTime() ?? Infinity;
    const earlier = byPe.filter(
      (other) =>
        other.practiceEducatorId === assessment.practiceEducatorId &&
        (other.peSignedAt?.getTime() ?? Infinity) < signed,
    ).length;
    candidates.push({
      assessmentId: assessment.id,
      recommendation: assessment.recommendation,
      borderline: isBorderline({
        concernsRaised: assessment.placement._count.concerns,
        midpointRecommendation: assessment.placement.milestones[0]?.recommendation ?? null,
      }),
      newPracticeEducator: isNewPracticeEducator({
        pepsStage: assessment.practiceEducator.pepsStage,
        earlierCompletedAssessments: earlier,
      }),
      returnedFromEarlierPanel: latest?.decision === "RETURNED_FOR_EVIDENCE",
    });
  }
  return candidates;
}

/** The lead draws the sample (again, while the panel is being prepared). The seed is recorded. */
export const buildPanelSample = command({
  parse: (panelId: string, body: unknown) => ({ panelId: parseId(panelId, "That panel"), body }),
  input: buildSampleSchema,
  load: async ({ tx, user }, { panelId }) => ({
    ...(await panelInScope(tx, user, panelId)),
    actor: await asPanelActor(tx, user),
  }),
  allow: (_user, panel) => canManagePanel(panel.actor, panel),
  version: (panel, input) => ({
    entity: "AssessmentPanel",
    id: panel.id,
    current: panel.version,
    expected: input.version,
    what: "this panel",
  }),
  async run({ tx, audit }, panel, input) {
    if (panel.status !== "PLANNED")
      throw conflict("The panel is sitting: its sample is fixed. Close it and set up another panel for the rest.");
    const candidates = await candidatesFor(tx, panel);
    if (candidates.length === 0)
      throw conflict(
        `No completed final assessments of ${panel.programme.name} are waiting for a panel, so there is nothing to sample.`,
      );
    const seed = input.seed ?? randomBytes(6).toString("hex");
    const sample = drawSample(candidates, { randomPercent: panel.randomPercent, seed });
    await tx.panelSampleItem.deleteMany({ where: { panelId: panel.id } });
    await tx.panelSampleItem.createMany({
      data: sample.map((item) => ({ panelId: panel.id, finalAssessmentId: item.assessmentId, reasons: item.reasons })),
    });
    const { count } = await tx.assessmentPanel.updateMany({
      where: { id: panel.id, version: input.version },
      data: { sampleSeed: seed, sampleBuiltAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else changed the panel at the same moment. Reload and try again.");
    await audit.updated(
      "AssessmentPanel",
      panel.id,
      { sampleSeed: panel.sampleSeed },
      { sampleSeed: seed, sample: sample.map((item) => `${item.assessmentId}:${item.reasons.join("+")}`) },
      { from: input.version, to: input.version + 1 },
    );
    return { sampled: sample.length, candidates: candidates.length, seed };
  },
});

/** The lead opens the panel (members may then read the sample) and closes it once every PAD has a decision. */
export const changePanelStatus = command({
  parse: (panelId: string, to: "OPEN" | "CLOSED", body: unknown) => ({
    panelId: parseId(panelId, "That panel"),
    to: to === "OPEN" ? ("OPEN" as const) : ("CLOSED" as const),
    body,
  }),
  input: panelStatusSchema,
  load: async ({ tx, user }, { panelId }) => {
    const panel = await panelInScope(tx, user, panelId);
    const items = await tx.panelSampleItem.findMany({ where: { panelId }, select: { decision: true } });
    return { ...panel, items, actor: await asPanelActor(tx, user) };
  },
  allow: (_user, panel) => canManagePanel(panel.actor, panel),
  version: (panel, input) => ({
    entity: "AssessmentPanel",
    id: panel.id,
    current: panel.version,
    expected: input.version,
    what: "this panel",
  }),
  async run({ tx, audit }, panel, input) {
    if (input.to === "OPEN") {
      if (panel.status !== "PLANNED") throw conflict("The panel is already open.");
      if (panel.items.length === 0) throw conflict("Draw the sample before opening the panel.");
    } else {
      if (panel.status !== "OPEN") throw conflict("Only a sitting panel can be closed.");
      const undecided = panel.items.filter((item) => item.decision === null).length;
      if (undecided > 0)
        throw conflict(
          `${undecided} PAD${undecided === 1 ? " has" : "s have"} no decision yet: record one for every PAD in the sample before closing the panel.`,
        );
    }
    const { count } = await tx.assessmentPanel.updateMany({
      where: { id: panel.id, version: input.version },
      data: { status: input.to, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else changed the panel at the same moment. Reload and try again.");
    await audit.updated(
      "AssessmentPanel",
      panel.id,
      { status: panel.status },
      { status: input.to },
      {
        from: input.version,
        to: input.version + 1,
      },
    );
    return { status: input.to };
  },
});

// ---------------------------------------------------------------------------
// Scrutiny and decisions

async function itemInPanel(tx: Tx, user: SessionUser, panelId: string, itemId: string) {
  const panel = await panelInScope(tx, user, panelId);
  const item = await tx.panelSampleItem.findFirst({
    where: { id: itemId, panelId: panel.id },
    include: {
      finalAssessment: {
        select: {
          id: true,
          practiceEducatorId: true,
          placementId: true,
          placement: { select: { student: { select: { name: true } } } },
        },
      },
    },
  });
  if (!item) throw notFound("That PAD in this panel's sample");
  return { panel, item };
}

const DECISION_LABELS_FOR_CONFLICT: Record<string, string> = {
  decision: "decision",
  decisionReasons: "reasons",
  feedbackForPe: "feedback for the practice educator",
};

/** The lead records the panel's scrutiny and decision on a sampled PAD. A return asks the PE for more. */
export const recordPanelDecision = command({
  parse: (panelId: string, itemId: string, body: unknown) => ({
    panelId: parseId(panelId, "That panel"),
    itemId: parseId(itemId, "That PAD"),
    body,
  }),
  input: panelDecisionSchema,
  load: ({ tx, user }, { panelId, itemId }) => itemInPanel(tx, user, panelId, itemId),
  allow: (user, { panel }) => canDecideOnPanelItem(user, panel),
  version: ({ item }, input) => ({
    entity: "PanelSampleItem",
    id: item.id,
    current: item.version,
    expected: input.version,
    what: "the panel's decision on this PAD",
    labels: DECISION_LABELS_FOR_CONFLICT,
  }),
  async run({ tx, user, audit }, { panel, item }, input) {
    const next = {
      evidenceSufficient: input.evidenceSufficient,
      holisticJudgementSupported: input.holisticJudgementSupported,
      pcfDomainsEvidenced: input.pcfDomainsEvidenced,
      serviceUserFeedbackPresent: input.serviceUserFeedbackPresent,
      signaturesComplete: input.signaturesComplete,
      decision: input.decision,
      decisionReasons: input.decisionReasons,
      feedbackForPe: input.feedbackForPe,
      decidedById: user.id,
      decidedAt: new Date(),
    };
    const { count } = await tx.panelSampleItem.updateMany({
      where: { id: item.id, version: input.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else saved a decision at the same moment. Reload and try again.");
    await audit.updated("PanelSampleItem", item.id, { ...item }, next, { from: input.version, to: input.version + 1 });
    const link = `/placements/${item.finalAssessment.placementId}/final-assessment#panel-outcome`;
    const studentName = item.finalAssessment.placement.student.name;
    await notify(tx, [item.finalAssessment.practiceEducatorId], {
      kind: "panel_decision",
      title:
        input.decision === "RETURNED_FOR_EVIDENCE"
          ? `${panel.name} asks for more evidence on ${studentName}'s final assessment`
          : `${panel.name}: ${PANEL_DECISION_LABELS[input.decision]} for ${studentName}`,
      body: input.feedbackForPe,
      link,
    });
    return { id: item.id, version: input.version + 1 };
  },
});

/** The PE answers a panel's request for more evidence; the answer takes the PAD to the next panel. */
export const answerPanelReturn = command({
  parse: (itemId: string, body: unknown) => ({ itemId: parseId(itemId, "That panel request"), body }),
  input: panelReturnAnswerSchema,
  load: async ({ tx, user }, { itemId }) => {
    const item = await tx.panelSampleItem.findFirst({
      where: { AND: [panelOutcomesVisibleTo(user), { id: itemId }] },
      include: {
        finalAssessment: { select: { practiceEducatorId: true, placementId: true } },
        panel: { select: { name: true, members: { where: { role: "LEAD" }, select: { userId: true } } } },
      },
    });
    if (!item) throw notFound("That panel request");
    return item;
  },
  allow: (user, item) => canAnswerPanelReturn(user, item.finalAssessment),
  version: (item, input) => ({
    entity: "PanelSampleItem",
    id: item.id,
    current: item.version,
    expected: input.version,
    what: "the panel's request",
  }),
  async run({ tx, audit }, item, input) {
    if (item.decision !== "RETURNED_FOR_EVIDENCE")
      throw conflict("The panel did not ask for more evidence on this PAD.");
    if (item.peRespondedAt) throw conflict("You have already answered the panel: your answer goes to the next panel.");
    const next = { peResponse: input.peResponse, peRespondedAt: new Date() };
    const { count } = await tx.panelSampleItem.updateMany({
      where: { id: item.id, version: input.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else changed this at the same moment. Reload and try again.");
    await audit.updated("PanelSampleItem", item.id, { ...item }, next, { from: input.version, to: input.version + 1 });
    await notify(
      tx,
      item.panel.members.map((member) => member.userId),
      {
        kind: "panel_return_answered",
        title: `The practice educator answered ${item.panel.name}'s request: it goes to the next panel`,
        link: "/panels",
      },
    );
    return { id: item.id, version: input.version + 1 };
  },
});

// ---------------------------------------------------------------------------
// Reading

/** The panels of the user's university, newest first. */
export async function listPanels(user: SessionUser) {
  assertVerifiedUser(user);
  const panels = await getDb().assessmentPanel.findMany({
    where: panelsVisibleTo(user),
    orderBy: { sitsOn: "desc" },
    include: { ...panelInclude, items: { select: { decision: true } } },
  });
  return panels.map((panel) => ({
    id: panel.id,
    name: panel.name,
    programme: panel.programme.name,
    sitsOn: toIsoDate(panel.sitsOn),
    status: panel.status,
    lead: panel.members.find((member) => member.role === "LEAD")?.user.name ?? "—",
    sampled: panel.items.length,
    decided: panel.items.filter((item) => item.decision !== null).length,
    isMember: isPanelMember(user, panel),
  }));
}

/** What the new-panel form offers: the university's degree programmes and the people who may sit on its panels. */
export async function panelFormOptions(user: SessionUser) {
  assertVerifiedUser(user);
  if (!(await mayCreatePanels(user)))
    throw forbidden("Only a university's panel leads set up practice assessment panels.");
  const [programmes, people] = await Promise.all([
    getDb().degreeProgramme.findMany({
      where: { universityId: user.organisationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    getDb().user.findMany({
      where: possibleMembers(user),
      orderBy: [{ role: "asc" }, { name: "asc" }],
      select: { id: true, name: true, role: true },
    }),
  ]);
  return { programmes, members: people };
}

// ---------------------------------------------------------------------------
// The panel lead permission

/** The university's tutors and whether each may lead panels: for the team manager and the university's panel leads. */
export async function listPanelLeadCandidates(user: SessionUser) {
  assertVerifiedUser(user);
  const actor = await asPanelActor(getDb(), user);
  if (!canCreatePanel(actor)) throw forbidden("Only a panel lead sees who leads the university's panels.");
  return getDb().user.findMany({
    where: { organisationId: user.organisationId, role: "UNIVERSITY_TUTOR", active: true },
    orderBy: { name: "asc" },
    select: { id: true, name: true, panelLead: true, version: true },
  });
}

/** The team manager, or a panel lead of the same university, gives or takes away a tutor's panel lead permission. */
export const setPanelLead = command({
  parse: (userId: string, body: unknown) => ({ userId: parseId(userId, "That tutor"), body }),
  input: panelLeadSchema,
  load: async ({ tx, user }, { userId }) => {
    const actor = await asPanelActor(tx, user);
    // The team manager reaches every university's tutors; a tutor only their own university's.
    const target = await tx.user.findFirst({
      where: {
        id: userId,
        role: "UNIVERSITY_TUTOR",
        ...(user.role === "ADMIN" ? {} : { organisationId: user.organisationId }),
      },
      select: { id: true, name: true, role: true, organisationId: true, active: true, panelLead: true, version: true },
    });
    if (!target || (user.role !== "ADMIN" && user.role !== "UNIVERSITY_TUTOR")) throw notFound("That tutor");
    return { actor, target };
  },
  allow: (_user, { actor, target }) => canGrantPanelLead(actor, target),
  version: ({ target }, input) => ({
    entity: "User",
    id: target.id,
    current: target.version,
    expected: input.version,
    what: "this tutor's account",
  }),
  async run({ tx, user, audit }, { target }, input) {
    if (target.id === user.id && !input.panelLead)
      throw conflict(
        "You cannot take away your own panel lead permission: ask another panel lead or the team manager.",
      );
    const { count } = await tx.user.updateMany({
      where: { id: target.id, version: input.version },
      data: { panelLead: input.panelLead, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone else changed this account at the same moment. Reload and try again.");
    await audit.updated(
      "User",
      target.id,
      { panelLead: target.panelLead },
      { panelLead: input.panelLead },
      { from: input.version, to: input.version + 1 },
    );
    return { id: target.id, panelLead: input.panelLead };
  },
});

/** A panel, its members and its sample with decisions: the panel's record, for the university's tutors. */
export async function getPanel(user: SessionUser, panelId: string) {
  assertVerifiedUser(user);
  const db = getDb();
  const panel = await panelInScope(db, user, parseId(panelId, "That panel"));
  const items = await db.panelSampleItem.findMany({
    where: { panelId: panel.id },
    orderBy: { createdAt: "asc" },
    include: {
      decidedBy: { select: { name: true } },
      finalAssessment: {
        select: {
          recommendation: true,
          placementId: true,
          practiceEducator: { select: { name: true } },
          placement: { select: { setting: true, level: true, student: { select: { name: true } } } },
        },
      },
    },
  });
  const canRead = canReadPanelSample(user, panel) === true;
  return {
    id: panel.id,
    name: panel.name,
    programme: panel.programme.name,
    sitsOn: toIsoDate(panel.sitsOn),
    status: panel.status,
    version: panel.version,
    randomPercent: panel.randomPercent,
    sampleSeed: panel.sampleSeed,
    sampleBuiltAt: panel.sampleBuiltAt,
    externalExaminerName: panel.externalExaminerName,
    members: panel.members.map((member) => ({ id: member.userId, name: member.user.name, role: member.role })),
    items: items.map((item) => ({
      id: item.id,
      studentName: item.finalAssessment.placement.student.name,
      placementId: item.finalAssessment.placementId,
      setting: item.finalAssessment.placement.setting,
      level: item.finalAssessment.placement.level,
      practiceEducatorName: item.finalAssessment.practiceEducator.name,
      recommendation: item.finalAssessment.recommendation,
      reasons: item.reasons,
      evidenceSufficient: item.evidenceSufficient,
      holisticJudgementSupported: item.holisticJudgementSupported,
      pcfDomainsEvidenced: item.pcfDomainsEvidenced,
      serviceUserFeedbackPresent: item.serviceUserFeedbackPresent,
      signaturesComplete: item.signaturesComplete,
      decision: item.decision as PanelDecisionName | null,
      decisionReasons: item.decisionReasons,
      feedbackForPe: item.feedbackForPe,
      decidedBy: item.decidedBy?.name ?? null,
      decidedAt: item.decidedAt,
      peResponse: item.peResponse,
    })),
    permissions: {
      canReadSample: canRead,
      isLead: isPanelLead(user, panel),
      canManage: canManagePanel(user, panel) === true,
      canDecide: canDecideOnPanelItem(user, panel) === true,
    },
  };
}

export type PanelRecord = Awaited<ReturnType<typeof getPanel>>;

/**
 * One sampled PAD as the panel scrutinises it: the PE's report, the domains,
 * the signatures and what the portfolio holds. Members only, while the panel
 * sits; each read is audited. Children appear in a PAD by code only.
 */
export async function getPanelItem(user: SessionUser, panelId: string, itemId: string) {
  assertVerifiedUser(user);
  return getDb().$transaction(async (tx) => {
    const { panel, item } = await itemInPanel(tx, user, parseId(panelId, "That panel"), parseId(itemId, "That PAD"));
    const allowed = canReadPanelSample(user, panel);
    if (allowed !== true) throw forbidden(allowed);
    const assessment = await tx.finalAssessment.findUniqueOrThrow({
      where: { id: item.finalAssessmentId },
      include: {
        practiceEducator: { select: { name: true, pepsStage: true } },
        domains: {
          include: { frameworkItem: { select: { number: true, name: true } } },
          orderBy: { frameworkItem: { number: "asc" } },
        },
        placement: {
          select: {
            id: true,
            setting: true,
            level: true,
            startDate: true,
            endDate: true,
            onsiteSupervisorId: true,
            student: { select: { name: true } },
            _count: { select: { concerns: true, observations: true } },
          },
        },
      },
    });
    const [feedbackItems, acceptedEvidence] = await Promise.all([
      tx.evidenceItem.count({
        where: { placementId: assessment.placementId, type: "CHILD_OR_FAMILY_FEEDBACK", status: "ACCEPTED" },
      }),
      tx.evidenceItem.count({ where: { placementId: assessment.placementId, status: "ACCEPTED" } }),
    ]);
    // What earlier panels asked of this PAD, and the PE's answers: the reason it is back.
    const earlier = await tx.panelSampleItem.findMany({
      where: { finalAssessmentId: item.finalAssessmentId, id: { not: item.id }, decision: { not: null } },
      orderBy: { decidedAt: "asc" },
      select: {
        decision: true,
        decisionReasons: true,
        feedbackForPe: true,
        peResponse: true,
        panel: { select: { name: true, sitsOn: true } },
      },
    });
    await writeAudit(tx, user, {
      action: "VIEW",
      entity: "FinalAssessment",
      entityId: assessment.id,
      changes: { through: `panel ${panel.id}` },
    });
    return {
      panel: { id: panel.id, name: panel.name, status: panel.status },
      item: {
        id: item.id,
        version: item.version,
        reasons: item.reasons,
        evidenceSufficient: item.evidenceSufficient,
        holisticJudgementSupported: item.holisticJudgementSupported,
        pcfDomainsEvidenced: item.pcfDomainsEvidenced,
        serviceUserFeedbackPresent: item.serviceUserFeedbackPresent,
        signaturesComplete: item.signaturesComplete,
        decision: item.decision as PanelDecisionName | null,
        decisionReasons: item.decisionReasons,
        feedbackForPe: item.feedbackForPe,
        peResponse: item.peResponse,
      },
      assessment: {
        recommendation: assessment.recommendation,
        holisticSummary: assessment.holisticSummary,
        studentReflection: assessment.studentReflection,
        developmentPlan: assessment.developmentPlan,
        practiceEducatorName: assessment.practiceEducator.name,
        pepsStage: assessment.practiceEducator.pepsStage,
        peSignedAt: assessment.peSignedAt,
        studentSignedAt: assessment.studentSignedAt,
        onsiteSignedAt: assessment.onsiteSignedAt,
        needsOnsiteSignature: assessment.placement.onsiteSupervisorId !== null,
        ratifiedAt: assessment.ratifiedAt,
        domains: assessment.domains.map((domain) => ({
          number: domain.frameworkItem.number,
          name: domain.frameworkItem.name,
          text: domain.text,
        })),
      },
      placement: {
        id: assessment.placement.id,
        studentName: assessment.placement.student.name,
        setting: assessment.placement.setting,
        level: assessment.placement.level,
        startDate: toIsoDate(assessment.placement.startDate),
        endDate: toIsoDate(assessment.placement.endDate),
        concerns: assessment.placement._count.concerns,
        observations: assessment.placement._count.observations,
        feedbackItems,
        acceptedEvidence,
      },
      earlier: earlier.map((row) => ({
        panelName: row.panel.name,
        sitsOn: toIsoDate(row.panel.sitsOn),
        decision: row.decision as PanelDecisionName,
        decisionReasons: row.decisionReasons,
        feedbackForPe: row.feedbackForPe,
        peResponse: row.peResponse,
      })),
      canDecide: canDecideOnPanelItem(user, panel) === true,
    };
  });
}

/** The panels' decisions on a placement's final assessment, oldest first: shown to its student, PE and tutor. */
export async function panelOutcomesForPlacement(user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  const items = await getDb().panelSampleItem.findMany({
    where: {
      AND: [panelOutcomesVisibleTo(user), { finalAssessment: { placementId, placement: placementsVisibleTo(user) } }],
    },
    orderBy: { decidedAt: "asc" },
    include: {
      panel: { select: { name: true, sitsOn: true } },
      finalAssessment: { select: { practiceEducatorId: true } },
    },
  });
  return items.map((item) => ({
    id: item.id,
    version: item.version,
    panelName: item.panel.name,
    sitsOn: toIsoDate(item.panel.sitsOn),
    decision: item.decision as PanelDecisionName,
    // The feedback is for the PE; the student and tutor read it too, as they read the PAD itself.
    feedbackForPe: item.feedbackForPe,
    peResponse: item.peResponse,
    peRespondedAt: item.peRespondedAt,
    canAnswer:
      item.decision === "RETURNED_FOR_EVIDENCE" &&
      !item.peRespondedAt &&
      canAnswerPanelReturn(user, item.finalAssessment) === true,
  }));
}

/** The panels' decisions on a placement's final assessment for the API: a placement the user cannot see is a 404. */
export async function panelDecisionsOfPlacement(user: SessionUser, placementId: string) {
  assertVerifiedUser(user);
  const id = parseId(placementId, "That placement");
  const placement = await getDb().placement.findFirst({
    where: { AND: [placementsVisibleTo(user), { id }] },
    select: { id: true },
  });
  if (!placement) throw notFound("That placement");
  const outcomes = await panelOutcomesForPlacement(user, id);
  return {
    decisions: outcomes.map(({ canAnswer: _canAnswer, version: _version, ...outcome }) => ({
      ...outcome,
      decisionLabel: PANEL_DECISION_LABELS[outcome.decision],
    })),
  };
}
