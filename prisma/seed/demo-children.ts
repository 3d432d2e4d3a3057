import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { addDays, fromIsoDate, type IsoDate } from "@/lib/dates";
import { isWorkingDay } from "@/lib/calendar/working-days";
import { assessmentDueDate } from "@/lib/children/assessment-due";
import { retainUntil, type RecordKind } from "@/lib/children/retention";
import { DEFAULT_THEMES } from "@/lib/validations/direct-work";
import { caseCode } from "./demo-supervision";
import type { AllocationKind, Prisma } from "@/lib/generated/prisma/client";

// The demo caseloads: every active student works with 6–10 children — direct
// work programmes at various stages, two child and family assessments, one
// piece of life story work — and each has raised one safeguarding concern.
// Children are invented; their codes match the codes the demo supervision
// notes use, so a PE reading the notes finds the same children on the caseload.

export type DemoCaseloadPlan = {
  index: number;
  placementId: string;
  studentId: string;
  studentName: string;
  peId: string;
  startDate: IsoDate;
};

const FIRST = [
  "Aaliyah",
  "Bobby",
  "Callum",
  "Demi",
  "Ethan",
  "Freya",
  "Grace",
  "Harley",
  "Imran",
  "Jasmine",
  "Kai",
  "Leah",
  "Mason",
  "Niamh",
  "Oscar",
  "Poppy",
  "Reece",
  "Sofia",
  "Tyler",
  "Zara",
];
const LAST = [
  "Ahmed",
  "Bennett",
  "Coleman",
  "Doyle",
  "Evans",
  "Fisher",
  "Gill",
  "Hughes",
  "Iqbal",
  "Jones",
  "Kelly",
  "Lewis",
  "Murphy",
  "Nolan",
  "Owen",
  "Patel",
  "Reid",
  "Shaw",
  "Turner",
  "Walker",
];
const WORDS = [
  "I liked drawing my safe hand, I put my nan on it.",
  "Sometimes I get so angry I can't think.",
  "I felt like she understood me.",
  "I don't want to talk about home today.",
  "I told my mum about the worry jar and she wants one too.",
  "Online people can pretend to be anyone.",
];
const DONE = [
  "Worked through the feelings thermometer; practised two calming strategies.",
  "Built a safety network map with the people the child trusts.",
  "Talked about friendships and what makes a healthy relationship.",
  "Looked at privacy settings together and agreed who to tell if something online feels wrong.",
];
const REFLECTIONS = [
  "I let the silences sit longer this time and the child filled them.",
  "I need to check how the child gets home after sessions: raise in supervision.",
  "Using drawing worked better than questions.",
];
const SUGGESTIONS = [
  "More time to draw",
  "Meet somewhere quieter than the library",
  "Bring the fidget toys again",
  "Can we do it after lunch not in maths",
  "Less writing",
];
const GOALS = [
  "Feel calmer when I get angry at school",
  "Have two people I can talk to",
  "Go to school every day",
  "Know how to stay safe online",
];

function workingDayOnOrAfter(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

const newId = () => `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;

export async function seedDemoChildren(
  db: Db,
  today: IsoDate,
  input: { teamId: string; adminIds: string[]; schoolIds: string[]; plans: readonly DemoCaseloadPlan[] },
) {
  // Rows are built in memory with their ids and written with one createMany per table:
  // the demo seed runs on every fresh start and in every E2E run.
  const rows = {
    children: [] as Prisma.ChildCreateManyInput[],
    contacts: [] as Prisma.ChildContactCreateManyInput[],
    referrals: [] as Prisma.ReferralCreateManyInput[],
    allocations: [] as Prisma.AllocationCreateManyInput[],
    assessments: [] as Prisma.ChildAssessmentCreateManyInput[],
    lifeStories: [] as Prisma.LifeStoryWorkCreateManyInput[],
    lifeStoryStages: [] as Prisma.LifeStoryStageCreateManyInput[],
    programmes: [] as Prisma.DirectWorkProgrammeCreateManyInput[],
    sessions: [] as Prisma.ProgrammeSessionCreateManyInput[],
    feedback: [] as Prisma.ChildFeedbackCreateManyInput[],
    goals: [] as Prisma.OutcomeGoalCreateManyInput[],
    concerns: [] as Prisma.SafeguardingConcernCreateManyInput[],
  };
  const usedCodes = new Set<string>();
  const notifications: Prisma.NotificationCreateManyInput[] = [];

  for (const plan of input.plans) {
    const count = 6 + (plan.index % 5);
    for (let k = 0; k < count; k++) {
      let code = caseCode(plan.index, k);
      while (usedCodes.has(code)) code = `C-${Number(code.slice(2)) + 1}`;
      usedCodes.add(code);
      const seq = plan.index * 11 + k;
      const kind: AllocationKind = k < 2 ? "ASSESSMENT" : k === 2 ? "LIFE_STORY" : "DIRECT_WORK";
      const age = 10 + (seq % 7);
      const dateOfBirth = `${Number(today.slice(0, 4)) - age}-${String(((seq * 5) % 12) + 1).padStart(2, "0")}-${String(((seq * 7) % 27) + 1).padStart(2, "0")}`;
      const allocationStart = workingDayOnOrAfter(addDays(plan.startDate, 7 * (k % 5)));
      if (allocationStart > today) continue;

      const child = { id: newId() };
      rows.children.push({
        id: child.id,
        code,
        teamId: input.teamId,
        firstName: FIRST[seq % FIRST.length],
        lastName: LAST[(seq * 3) % LAST.length],
        dateOfBirth: fromIsoDate(dateOfBirth),
        schoolId: input.schoolIds[k % input.schoolIds.length],
        yearGroup: Math.min(11, Math.max(6, age - 4)),
        retainUntil: fromIsoDate(retainUntil(dateOfBirth, [kind as RecordKind])),
      });
      rows.contacts.push({
        childId: child.id,
        name: `${k % 2 ? "Sam" : "Jo"} ${LAST[(seq * 3) % LAST.length]}`,
        relationship: k % 3 ? "Mother" : "Father",
        consent: "GIVEN",
        consentRecordedOn: fromIsoDate(addDays(allocationStart, -7)),
      });
      rows.referrals.push({
        childId: child.id,
        schoolId: input.schoolIds[k % input.schoolIds.length],
        receivedOn: fromIsoDate(addDays(allocationStart, -10)),
        referrerName: k % 2 ? "Mrs Patel" : "Mr Hughes",
        referrerRole: "Designated safeguarding lead",
        reason:
          kind === "LIFE_STORY"
            ? "Placed with long-term foster carers; needs help understanding their story."
            : "Low mood and falling attendance; struggling with friendships.",
        parentConsent: "GIVEN",
        parentConsentOn: fromIsoDate(addDays(allocationStart, -8)),
        childAgreement: true,
        decision: "ACCEPTED",
        decidedOn: fromIsoDate(addDays(allocationStart, -7)),
        decidedById: input.adminIds[0],
      });

      const allocation = { id: newId() };
      rows.allocations.push({
        id: allocation.id,
        childId: child.id,
        placementId: plan.placementId,
        studentId: plan.studentId,
        overseeingPeId: plan.peId,
        kind,
        groupLabel: kind === "DIRECT_WORK" && k >= 7 ? "Year 8 friendship group" : null,
        startDate: fromIsoDate(allocationStart),
        createdById: input.adminIds[0],
        peSignedOffAt: kind === "LIFE_STORY" && plan.index % 2 === 0 ? fromIsoDate(addDays(allocationStart, 2)) : null,
        peSignedOffById: kind === "LIFE_STORY" && plan.index % 2 === 0 ? plan.peId : null,
      });

      if (kind === "ASSESSMENT") {
        const dueDate = assessmentDueDate(allocationStart);
        const completed = k === 0 && addDays(allocationStart, 40) < today;
        rows.assessments.push({
          allocationId: allocation.id,
          startDate: fromIsoDate(allocationStart),
          dueDate: fromIsoDate(dueDate),
          status: completed ? "COMPLETED" : "IN_PROGRESS",
          outcome: completed ? "EARLY_HELP" : null,
          completedOn: completed ? fromIsoDate(addDays(allocationStart, 38)) : null,
        });
      }

      if (kind === "LIFE_STORY") {
        const signedOff = plan.index % 2 === 0;
        const stages = [
          "GATHERING_INFORMATION",
          "DIRECT_SESSIONS",
          "DRAFTING",
          "CHECKING",
          "HANDING_OVER",
          "FOLLOW_UP",
        ] as const;
        const work = { id: newId() };
        rows.lifeStories.push({ id: work.id, allocationId: allocation.id });
        rows.lifeStoryStages.push(
          ...stages.map((stage, s) => ({
            workId: work.id,
            stage,
            startedOn: signedOff && s < 2 ? fromIsoDate(addDays(allocationStart, 3 + s * 14)) : null,
            completedOn: signedOff && s === 0 ? fromIsoDate(addDays(allocationStart, 16)) : null,
            notes:
              signedOff && s === 0
                ? "Read the file with the child's social worker; gathered photos from the foster carers."
                : "",
          })),
        );
      }

      if (kind === "DIRECT_WORK") {
        const start = workingDayOnOrAfter(addDays(allocationStart, 3));
        const planned = Array.from({ length: 6 }, (_, s) => workingDayOnOrAfter(addDays(start, 7 * s)));
        const done = planned.every((day) => day < today);
        const programme = { id: newId() };
        rows.programmes.push({
          id: programme.id,
          allocationId: allocation.id,
          plannedSessions: 6,
          agreedWithSchool: true,
          agreedWithChild: true,
          agreedWithParents: true,
          startDate: fromIsoDate(start),
          endDate: fromIsoDate(planned[5]),
          closingSummary: done
            ? "Six sessions completed. The child can name two trusted adults and uses the calming plan in class; school will continue check-ins."
            : null,
          closedAt: done ? fromIsoDate(addDays(planned[5], 2)) : null,
        });
        let attended = 0;
        for (const [s, plannedOn] of planned.entries()) {
          // One programme per student has a planned session that passed unrecorded, so the RAG has something to say.
          const unrecorded = k === 3 && s === planned.filter((day) => day < today).length - 1;
          const past = plannedOn < today && !unrecorded;
          const status = !past
            ? "PLANNED"
            : (seq + s) % 9 === 4
              ? "DID_NOT_ATTEND"
              : (seq + s) % 11 === 6
                ? "CANCELLED"
                : "ATTENDED";
          if (status === "ATTENDED") attended++;
          const session = { id: newId() };
          rows.sessions.push({
            id: session.id,
            programmeId: programme.id,
            number: s + 1,
            plannedOn: fromIsoDate(plannedOn),
            theme: DEFAULT_THEMES[(seq + s) % DEFAULT_THEMES.length],
            status,
            heldOn: status === "ATTENDED" ? fromIsoDate(plannedOn) : null,
            cancelledBy: status === "CANCELLED" ? "SCHOOL" : null,
            whatWasDone: status === "ATTENDED" ? DONE[(seq + s) % DONE.length] : "",
            childsWords: status === "ATTENDED" ? WORDS[(seq + s) % WORDS.length] : "",
            studentReflection: status === "ATTENDED" ? REFLECTIONS[(seq + s) % REFLECTIONS.length] : "",
            childRating: status === "ATTENDED" ? 3 + ((seq + s) % 3) : null,
          });
          if (status === "ATTENDED" && (seq + s) % 2 === 0) {
            rows.feedback.push({
              sessionId: session.id,
              rating: 3 + ((seq + s) % 3),
              whatWasGood: "Drawing and talking",
              whatCouldBeBetter: SUGGESTIONS[(seq + s) % SUGGESTIONS.length],
            });
          }
        }
        rows.goals.push(
          ...[0, 1].map((g) => ({
            programmeId: programme.id,
            number: g + 1,
            description: GOALS[(seq + g) % GOALS.length],
            startScore: 2 + ((seq + g) % 3),
            reviewScore: attended >= 3 ? 4 + ((seq + g) % 3) : null,
            endScore: done ? 6 + ((seq + g) % 4) : null,
          })),
        );
        if (k === 3) {
          const open = plan.index % 3 === 0;
          const concern = { id: newId() };
          rows.concerns.push({
            id: concern.id,
            childId: child.id,
            raisedById: plan.studentId,
            raisedAt: fromIsoDate(addDays(today, -(plan.index + 1))),
            sourceEntity: "Allocation",
            sourceId: allocation.id,
            description: `${code} said an older boy has been asking them to carry parcels after school and offered money. Discussed with the designated safeguarding lead the same day.`,
            status: open ? "OPEN" : "ACTIONED",
            actionTaken: open
              ? null
              : "Referred to the exploitation hub; strategy discussion held; school safety plan in place.",
            actionRecordedAt: open ? null : fromIsoDate(addDays(today, -plan.index)),
            actionRecordedById: open ? null : plan.peId,
          });
          if (open) {
            for (const userId of [plan.peId, ...input.adminIds]) {
              notifications.push({
                userId,
                kind: "SAFEGUARDING_CONCERN",
                title: `Safeguarding concern raised about ${code}`,
                body: `Raised by ${plan.studentName}. Record the action taken.`,
                link: `/safeguarding#concern-${concern.id}`,
              });
            }
          }
        }
      }
    }
  }

  // Parents before children, one statement per table.
  await db.directWorkTheme.createMany({ data: DEFAULT_THEMES.map((name) => ({ teamId: input.teamId, name })) });
  await db.child.createMany({ data: rows.children });
  await db.childContact.createMany({ data: rows.contacts });
  await db.referral.createMany({ data: rows.referrals });
  await db.allocation.createMany({ data: rows.allocations });
  await db.childAssessment.createMany({ data: rows.assessments });
  await db.lifeStoryWork.createMany({ data: rows.lifeStories });
  await db.lifeStoryStage.createMany({ data: rows.lifeStoryStages });
  await db.directWorkProgramme.createMany({ data: rows.programmes });
  await db.programmeSession.createMany({ data: rows.sessions });
  await db.childFeedback.createMany({ data: rows.feedback });
  await db.outcomeGoal.createMany({ data: rows.goals });
  await db.safeguardingConcern.createMany({ data: rows.concerns });
  if (notifications.length) await db.notification.createMany({ data: notifications });
}
