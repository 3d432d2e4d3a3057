import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { addDays, fromIsoDate, isoWeekday, type IsoDate } from "@/lib/dates";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { mondayOf } from "@/lib/supervision/cadence";
import { PCF_DOMAIN_CODES, type PcfDomainCode } from "@/lib/frameworks/pcf";
import type {
  ActionOwner,
  ActionStatus,
  AttendanceKind,
  PlacementStatus,
  Prisma,
  SupervisionStatus,
  SupervisionType,
} from "@/lib/generated/prisma/client";

// The demo world's supervision history: weekly formal supervision on a
// placement day from the start until today (or until the placement stopped),
// written by whoever was the practice educator that week, with the odd group
// session, a midpoint review, agreed actions and sign-offs. Children appear
// only as pseudonymous codes. All variation is index-based, so the demo is the
// same every time it is built.

export type DemoSupervisionPlan = {
  index: number;
  placementId: string;
  status: PlacementStatus;
  studentId: string;
  studentName: string;
  requiredDays: number;
  startDate: IsoDate;
  endDate: IsoDate;
  attendance: ReadonlyArray<{ date: IsoDate; kind: AttendanceKind }>;
  practiceEducators: ReadonlyArray<{ id: string; from: IsoDate; to: IsoDate | null }>;
  hasOnsiteSupervisor: boolean;
  tutorName: string;
  /** Week numbers (0 = the week the placement starts) with no supervision. */
  missedWeeks?: readonly number[];
  /** The record (by position) the student signs with a disagreement comment. */
  disagreementOn?: number;
  /** The record (by position) the PE later corrects with an addendum. */
  addendumOn?: number;
};

type Domain = PcfDomainCode;
type CaseNote = {
  first: (code: string) => string;
  followUp: (code: string) => string;
  title: string;
  domains: Domain[];
};

const CASES: CaseNote[] = [
  {
    title: "attendance and morning routines",
    domains: ["KNOWLEDGE", "SKILLS_AND_INTERVENTIONS"],
    first: (c) =>
      `${c} (Year 6): school raised attendance of 78% this term and frequent lateness. The student completed the first home visit with the family support worker; mum described mornings becoming chaotic since the baby was born and her own low mood. Discussed whether this meets the threshold for early help or needs a referral to the MASH: agreed early help is proportionate, with a Team Around the Family (TAF) meeting at school.`,
    followUp: (c) =>
      `${c}: attendance is up to 89% since the morning routine plan. The student led the TAF review; mum has registered with her GP about her mood. Discussed how to keep the child's own view in the plan, not only the adults'.`,
  },
  {
    title: "an Operation Encompass notification",
    domains: ["VALUES_AND_ETHICS", "KNOWLEDGE"],
    first: (c) =>
      `Operation Encompass notification for ${c}: police attended a domestic incident at home over the weekend and the school's DSL was informed. Discussed the student's role (a check-in with the child in school, not investigation), recording the child's words as said, and why safety planning with the non-abusing parent must not increase risk. Children's social care duty team is screening; the student's direct work continues.`,
    followUp: (c) =>
      `${c}: no further police call-outs. Mum has accepted a referral to the domestic abuse service. The student noticed the child is quieter on Mondays; discussed sharing this with school and how to ask the child about weekends without leading questions.`,
  },
  {
    title: "direct work using the three houses tool",
    domains: ["SKILLS_AND_INTERVENTIONS", "VALUES_AND_ETHICS"],
    first: (c) =>
      `Direct work with ${c} (Year 4) on feelings and friendships using the three houses tool (Signs of Safety). The student brought the drawings and their notes: the child put dad's working away in the "house of worries". Discussed sharing this with the parents respectfully and not over-reading a single session.`,
    followUp: (c) =>
      `${c}: third direct work session. The child chose to show the drawings to mum; the student supported the conversation well. Discussed ending the direct work and how to prepare the child for it.`,
  },
  {
    title: "neglect and the Graded Care Profile 2",
    domains: ["RIGHTS_JUSTICE_ECONOMIC_WELLBEING", "KNOWLEDGE"],
    first: (c) =>
      `Concerns of neglect for ${c} and a younger sibling: unwashed uniform, head lice that keep returning and missed dental appointments. The student has started the Graded Care Profile 2 with mum. Discussed telling poverty and cost-of-living pressure apart from neglect, and making sure the family receives the food bank vouchers and household support fund it is entitled to.`,
    followUp: (c) =>
      `${c}: Graded Care Profile 2 completed; areas of strength in love and care, concerns in physical care and health. The student drafted the analysis; discussed evidencing the impact on the child rather than listing the home conditions.`,
  },
  {
    title: "child criminal exploitation",
    domains: ["KNOWLEDGE", "CONTEXTS_AND_ORGANISATIONS"],
    first: (c) =>
      `${c} (Year 9): school reports missed lessons, new older friends, and new trainers and a phone the family cannot explain. Discussed indicators of child criminal exploitation, contextual safeguarding and the local exploitation screening tool. Completed the tool together: the threshold was met and the PE made the referral the same day with the student observing.`,
    followUp: (c) =>
      `${c}: the multi-agency exploitation meeting agreed a safety plan. The student's role is the relationship with the young person and a weekly check-in at school. Discussed staying curious when the young person says "everything is fine".`,
  },
  {
    title: "a young carer's assessment",
    domains: ["RIGHTS_JUSTICE_ECONOMIC_WELLBEING", "SKILLS_AND_INTERVENTIONS"],
    first: (c) =>
      `${c}: a young carer for a parent with multiple sclerosis. The student completed the young carer's needs assessment; the child's wish is "to go to football on Tuesdays". Discussed the duties to young carers under the Children and Families Act 2014 and linking with the local young carers service.`,
    followUp: (c) =>
      `${c}: the young carers service has offered a place in its Tuesday group and adult social care is reviewing the parent's care package. The student noticed their own frustration at the delay; discussed advocating for the family without promising outcomes.`,
  },
  {
    title: "life story work",
    domains: ["SKILLS_AND_INTERVENTIONS", "DIVERSITY_AND_EQUALITY"],
    first: (c) =>
      `Life story work with ${c}, who lives with grandparents under a special guardianship order. The student shared the plan for memory box sessions; discussed pacing, answering the child's questions about birth mum truthfully at the child's level, and the grandparents' own worries.`,
    followUp: (c) =>
      `${c}: fourth life story session. The child asked why they cannot live with mum; the student paused the session and returned to it the next week with the grandparents' agreement. Discussed this as good practice and how to record it.`,
  },
  {
    title: "closing an early help plan",
    domains: ["PROFESSIONALISM", "CRITICAL_REFLECTION_AND_ANALYSIS"],
    first: (c) =>
      `Closing the early help plan for ${c}: the Outcomes Star shows better routines and school attendance at 92%. The student drafted the closure summary; discussed writing for the family in plain English, strengths first, and a step-down plan with the school's pastoral lead.`,
    followUp: (c) =>
      `${c}: closure letter agreed with the family, who asked to keep a copy of the plan. The student reflected on ending well; discussed the signs that would mean the family should come back to early help.`,
  },
  {
    title: "emotionally based school avoidance",
    domains: ["KNOWLEDGE", "CONTEXTS_AND_ORGANISATIONS"],
    first: (c) =>
      `${c} (Year 7): emotionally based school avoidance since the move to secondary school. The student attended the school's support plan meeting; discussed a graduated return, the SENCo's input and a referral to the school's mental health support team.`,
    followUp: (c) =>
      `${c}: in school for mornings only, three days a week. Parents are worried about fines; the student explained the support plan to them. Discussed working alongside education colleagues when the school's and the family's views differ.`,
  },
  {
    title: "insecure housing",
    domains: ["RIGHTS_JUSTICE_ECONOMIC_WELLBEING", "CONTEXTS_AND_ORGANISATIONS"],
    first: (c) =>
      `The family of ${c} has received a section 21 notice. Discussed the student's role in signposting to the council's housing options team and Shelter, the impact of insecure housing on the child, and keeping the child's experience central in the assessment.`,
    followUp: (c) =>
      `${c}: the family has been offered temporary accommodation across town, so the child now travels an hour to school. The student is coordinating a bus pass with school; discussed structural causes and the limits of what early help can change.`,
  },
];

const BRIEF_UPDATES = [
  (c: string) => `Brief update on ${c}: no new concerns; the next review is booked.`,
  (c: string) =>
    `Brief update on ${c}: school reports a settled fortnight; the student will visit again after half term.`,
  (c: string) =>
    `Brief update on ${c}: mum cancelled the last visit; the student will try again this week and note it in the chronology.`,
];

const REFLECTIONS: Array<{ title: string; domains: Domain[]; text: string }> = [
  {
    title: "Gibbs' cycle on a difficult visit",
    domains: ["CRITICAL_REFLECTION_AND_ANALYSIS"],
    text: "Used Gibbs' reflective cycle on the home visit where dad was hostile. The student recognised they had focused on getting through the assessment form rather than hearing the family's story. Talked about professional curiosity and respectful uncertainty (Laming, 2003).",
  },
  {
    title: "confirmation bias",
    domains: ["CRITICAL_REFLECTION_AND_ANALYSIS", "PROFESSIONALISM"],
    text: "The student noticed they had accepted school's account before hearing the family's. Linked this to Munro's (2011) points about reasoning errors, and to supervision as the place to test hypotheses rather than confirm them.",
  },
  {
    title: "anti-oppressive practice",
    domains: ["DIVERSITY_AND_EQUALITY", "VALUES_AND_ETHICS"],
    text: "Used Thompson's PCS model to think about how a family's experience of racism in the area shapes their trust of services. The student will write a short piece on this for the portfolio.",
  },
  {
    title: "attachment language in recording",
    domains: ["KNOWLEDGE", "CRITICAL_REFLECTION_AND_ANALYSIS"],
    text: "The student has started using attachment language in their recording. Discussed describing the behaviour observed rather than labelling it, and critiques of the cultural assumptions in attachment theory.",
  },
  {
    title: "systemic practice and genograms",
    domains: ["SKILLS_AND_INTERVENTIONS", "DIVERSITY_AND_EQUALITY"],
    text: "The student drew a genogram with a family. Discussed the different stories family members tell, where the student positions themselves, and the Social GRACES as a way of noticing difference and power.",
  },
  {
    title: "professional boundaries",
    domains: ["PROFESSIONALISM", "VALUES_AND_ETHICS"],
    text: "A parent asked for the student's personal mobile number. Talked through Social Work England's professional standards and how to explain the boundary kindly without damaging the relationship.",
  },
  {
    title: "recording",
    domains: ["PROFESSIONALISM", "SKILLS_AND_INTERVENTIONS"],
    text: "Read two of the student's case notes together. Good analysis; the next step is separating fact, opinion and analysis, and writing as if the child will read the record as an adult.",
  },
  {
    title: "strengths-based conversations",
    domains: ["SKILLS_AND_INTERVENTIONS", "VALUES_AND_ETHICS"],
    text: "Reflected on the conversation with a parent about routines using motivational interviewing. The student noticed the change talk when they asked what had worked before, and will try scaling questions next time.",
  },
  {
    title: "use of self",
    domains: ["CRITICAL_REFLECTION_AND_ANALYSIS", "PROFESSIONALISM"],
    text: "Something in a case resonated with the student's own family experience. Explored this safely and agreed what support they need; linked to Schön's reflection-in-action and to knowing when to bring it to supervision.",
  },
  {
    title: "thresholds and the law",
    domains: ["KNOWLEDGE", "RIGHTS_JUSTICE_ECONOMIC_WELLBEING"],
    text: "Worked through sections 17 and 47 of the Children Act 1989, Working Together to Safeguard Children (2023) and the local threshold document. The student explained the difference between early help and statutory intervention in their own words.",
  },
  {
    title: "working in a multi-agency system",
    domains: ["CONTEXTS_AND_ORGANISATIONS", "PROFESSIONAL_LEADERSHIP"],
    text: "Discussed the student's first TAF meeting as chair: how to hold a meeting where school and health disagree, and how to summarise actions so that everyone knows who is doing what by when.",
  },
];

const WELLBEING = [
  "Caseload: three families, co-worked with the family support worker. The student feels this is manageable; the university assignment is due in three weeks and study time is planned on Friday afternoons. No concerns.",
  "The student found this week's domestic abuse discussion upsetting. Talked about vicarious trauma and the team's debrief offer; the student knows how to reach the Employee Assistance Programme. PE to check in on Thursday.",
  "Travel between schools is tiring; agreed to group visits by area. The student is sleeping well and keeping up their running. Lone working: reminded of the team's buddy system and the check-in call after home visits.",
  "Feeling more confident and asking for more responsibility. Agreed to allocate a new family, co-worked with the family support worker. Workload four families, right for this point in the placement.",
  "A busy week with the portfolio deadline. Agreed to protect one afternoon a week for writing. The student works at a supermarket at weekends; discussed rest and telling us early if it becomes too much.",
  "The student felt anxious before the TAF meeting; planned it together and the PE will attend. Otherwise well. Workload manageable.",
];

const STUDENT_REFLECTIONS = [
  "This session helped me slow down. I went into the home visit worried about finishing the assessment and missed some of what mum told me about her own childhood. Next time I'll leave the form in my bag for the first half hour.",
  "I now understand the difference between early help and a section 47 enquiry much better. I had worried that I'd missed something, and going through the threshold document showed me how that decision is made and who makes it.",
  "It was hard to hear that my recording mixed fact and opinion, but the examples made sense. I've rewritten last week's note and it reads much more fairly to the family.",
  "Talking about my own experience was difficult but useful. I feel better prepared for the next visit, and I know what to do if it comes up again.",
  "The PCS model gave me words for something I had noticed but couldn't explain about the family's distrust of services. I want to write about it for my portfolio.",
  "I'm more confident about leading the TAF meeting now that we've planned it. I'd like feedback afterwards on how I managed the time and whether the child's views came through.",
  "A good session. I'm tired this week, but protecting a study afternoon will help. I'd like to shadow a strategy discussion when one comes up.",
  "I hadn't thought about how the drawings might be read by the parents. Next time I'll ask the child what they are happy to share before the meeting.",
];

type ActionTemplate = { owner: ActionOwner; text: (code: string) => string };
const ACTIONS: ActionTemplate[] = [
  {
    owner: "STUDENT",
    text: (c) => `Write a reflective log on the visit to ${c} using Gibbs' cycle, for the portfolio`,
  },
  { owner: "PRACTICE_EDUCATOR", text: () => "Arrange for the student to shadow a strategy discussion with the MASH" },
  {
    owner: "STUDENT",
    text: () => "Read Working Together to Safeguard Children (2023), chapter 1, and the local threshold document",
  },
  {
    owner: "STUDENT",
    text: (c) => `Draft the analysis section of the early help assessment for ${c} and send it to the PE`,
  },
  {
    owner: "PRACTICE_EDUCATOR",
    text: () => "Send the student the team's chronology template and an anonymised example",
  },
  { owner: "STUDENT", text: (c) => `Plan the TAF meeting agenda for ${c} with the school's pastoral lead` },
  { owner: "PRACTICE_EDUCATOR", text: () => "Book a direct observation of the student chairing a TAF meeting" },
  {
    owner: "STUDENT",
    text: (c) => `Rewrite the case note of the last visit to ${c}, separating fact, opinion and analysis`,
  },
  { owner: "STUDENT", text: () => "Map the evidence so far against the PCF domains for the portfolio" },
  { owner: "PRACTICE_EDUCATOR", text: () => "Give written feedback on the student's draft reflective log" },
  { owner: "STUDENT", text: (c) => `Prepare the plan for the next direct work session with ${c}` },
  {
    owner: "PRACTICE_EDUCATOR",
    text: () => "Ask the school's DSL whether the student can join the next safeguarding meeting",
  },
];

const FORMAL_MINUTES = [90, 90, 90, 120, 90, 90, 60, 90, 105, 90, 90, 90];
const START_TIMES = ["10:00", "14:00", "13:30", "09:30", "15:00"];

const STORY_WELLBEING: Partial<Record<PlacementStatus, string>> = {
  SUSPENDED:
    "The student said they have been unwell for two weeks and are finding it hard to concentrate. Talked through the options without pressure: reduced hours, a short break, or suspending the placement through the university. The student will speak to their tutor this week; PE to let the team manager know. Health details stay between the student and the university.",
  ENDED_EARLY:
    "Reviewed the concerns action plan (timekeeping, recording within 48 hours, keeping families informed). Timekeeping has improved; three case notes are still outstanding. The student feels the plan is fair but is struggling alongside an assignment; agreed priorities for the week, and the tutor will be invited to the next review.",
};

const at = (date: IsoDate, time: string) => new Date(`${date}T${time}:00.000Z`);
/** A transposed code: the typing error the addendum corrects. */
const typo = (code: string) => `${code.slice(0, 4)}${code[5]}${code[4]}`;
const newId = () => `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;

/** The code of the child a case note is about: the children seed gives the student's caseload the same codes. */
export function caseCode(placementIndex: number, template: number): string {
  return `C-${1000 + (((placementIndex + 1) * 7919 + template * 2741) % 9000)}`;
}

/** Domains discussed: from the case and the reflection, 2 to 4 of them, in framework order. */
function domainsOf(...lists: Domain[][]): Domain[] {
  return PCF_DOMAIN_CODES.filter((code) => lists.some((list) => list.includes(code))).slice(0, 4);
}

type Session = { heldOn: IsoDate; type: SupervisionType; week: number };

/** The sessions of one placement: a placement day each week on the placement's usual weekday or later that week. */
function sessionsOf(plan: DemoSupervisionPlan, today: IsoDate): Session[] {
  const placementDays = new Set(plan.attendance.filter((day) => day.kind === "PLACEMENT_DAY").map((day) => day.date));
  const lastAttended = plan.attendance.at(-1)?.date;
  if (!lastAttended) return [];
  const lastDay = lastAttended < plan.endDate ? lastAttended : plan.endDate;
  const weekday = 2 + (plan.index % 3); // Tuesday, Wednesday or Thursday
  const handover = plan.practiceEducators[1]?.from;
  const missed = new Set(plan.missedWeeks ?? []);
  const sessions: Session[] = [];
  const reviewWeek = Math.floor(plan.requiredDays / 10);
  for (let monday = mondayOf(plan.startDate), week = 0; monday <= lastDay; monday = addDays(monday, 7), week++) {
    // A PE going on leave: no supervision the week before the handover or the week of it.
    if (missed.has(week) || (handover && monday >= addDays(mondayOf(handover), -7) && monday <= mondayOf(handover)))
      continue;
    let day: IsoDate | undefined;
    for (
      let candidate = addDays(monday, weekday - 1);
      isoWeekday(candidate) <= 5 && !day;
      candidate = addDays(candidate, 1)
    ) {
      if (placementDays.has(candidate) && candidate < today && candidate <= lastDay) day = candidate;
    }
    if (!day) continue;
    sessions.push({ heldOn: day, type: week % 6 === 4 ? "GROUP" : "FORMAL", week });
    if (week === reviewWeek) {
      const next = [1, 2, 3]
        .map((n) => addDays(day, n))
        .find((candidate) => placementDays.has(candidate) && candidate < today && candidate <= lastDay);
      if (next) sessions.push({ heldOn: next, type: "REVIEW_MEETING", week });
    }
  }
  return sessions;
}

export async function seedDemoSupervision(db: Db, today: IsoDate, plans: readonly DemoSupervisionPlan[]) {
  const records: Prisma.SupervisionRecordCreateManyInput[] = [];
  const actions: Prisma.SupervisionActionCreateManyInput[] = [];
  const addenda: Prisma.SupervisionAddendumCreateManyInput[] = [];
  const attendees: Prisma.SupervisionAttendeeCreateManyInput[] = [];
  // Other students at group supervision are attendees by account, so each reader sees their names or only their role.
  const studentsOnPlacement = (date: IsoDate, except: string) =>
    plans
      .filter(
        (other) =>
          other.placementId !== except &&
          other.attendance.some((day) => day.date === date && day.kind === "PLACEMENT_DAY"),
      )
      .map((other) => other.studentId);

  for (const plan of plans) {
    const sessions = sessionsOf(plan, today);
    const peOn = (date: IsoDate) =>
      plan.practiceEducators.find((spell) => spell.from <= date && (spell.to === null || date <= spell.to)) ??
      plan.practiceEducators[0];
    const startTime = START_TIMES[plan.index % START_TIMES.length];
    const active = plan.status === "ACTIVE";
    let actionCount = 0;
    // The disagreement and the addendum go on the first formal session at or after the position asked for.
    const formalFrom = (position: number | undefined) =>
      position === undefined ? -1 : sessions.findIndex((session, i) => i >= position && session.type === "FORMAL");
    const disagreementAt = formalFrom(plan.disagreementOn);
    const addendumAt = formalFrom(plan.addendumOn);

    sessions.forEach((session, i) => {
      const fromEnd = sessions.length - 1 - i;
      const pe = peOn(session.heldOn);
      const id = newId();
      const seq = plan.index * 3 + i;
      const template = seq % CASES.length;
      const caseNote = CASES[template];
      const code = caseCode(plan.index, template);
      const reflection = REFLECTIONS[(plan.index * 5 + i) % REFLECTIONS.length];
      const otherCode = caseCode(plan.index, (template + 3) % CASES.length);
      const story = fromEnd < 2 ? STORY_WELLBEING[plan.status] : undefined;

      // Sign-off: older records are signed by both; on an active placement the latest one or two are still in progress.
      let status: SupervisionStatus = "SIGNED";
      if (active && fromEnd === 0) status = plan.index % 2 === 0 ? "DRAFT" : "PE_SIGNED";
      if (active && fromEnd === 1 && plan.index % 2 === 0) status = "PE_SIGNED";
      if (plan.status === "SUSPENDED" && fromEnd === 0) status = "PE_SIGNED";
      const peSignDay = addWorkingDays(session.heldOn, 1);
      const studentSignDay = addWorkingDays(session.heldOn, 1 + (i % 2));
      if (status === "SIGNED" && studentSignDay >= today) status = "PE_SIGNED";
      if (status === "PE_SIGNED" && peSignDay >= today) status = "DRAFT";
      const hasReflection = status === "SIGNED" || (status === "PE_SIGNED" && plan.index % 3 !== 0);
      const disagreement = disagreementAt === i && status === "SIGNED";

      const minutes =
        session.type === "GROUP"
          ? 120
          : session.type === "REVIEW_MEETING"
            ? 60
            : FORMAL_MINUTES[(i + plan.index * 5) % FORMAL_MINUTES.length];
      let notes: Pick<
        Prisma.SupervisionRecordCreateManyInput,
        "agenda" | "caseDiscussion" | "reflectionAndLearning" | "wellbeingAndWorkload" | "otherAttendees"
      > & { pcfDomains: Domain[] };
      if (session.type === "REVIEW_MEETING") {
        notes = {
          otherAttendees: [`${plan.tutorName} (university tutor)`],
          agenda:
            "Midpoint review\n1. Progress against the learning agreement\n2. Supervision: dates, frequency and anything missed\n3. PCF evidence and direct observations so far\n4. Plan for the second half of the placement",
          caseDiscussion: `The student summarised their work with ${code} and ${otherCode}, and the range of work so far: home visits, direct work in school, TAF meetings and one referral to the MASH.`,
          reflectionAndLearning:
            "The tutor and the PE agree the student is working at the expected level for the midpoint. Strengths: relationships with children and families, honest use of supervision. To develop: analysis in assessments and chairing multi-agency meetings.",
          wellbeingAndWorkload: `${(plan.missedWeeks ?? []).some((week) => week < session.week) ? "Supervision has been weekly apart from one week when the PE was on annual leave; the student had informal support from the team that week." : "Supervision has been weekly as agreed."} The student feels supported by the team. Days are on track against the required total.`,
          pcfDomains: [
            "PROFESSIONALISM",
            "CRITICAL_REFLECTION_AND_ANALYSIS",
            "SKILLS_AND_INTERVENTIONS",
            "PROFESSIONAL_LEADERSHIP",
          ],
        };
      } else if (session.type === "GROUP") {
        notes = {
          otherAttendees: ["Jo Hartley (family support worker, co-facilitator)"],
          agenda:
            "Group supervision\n1. Check-in\n2. Case presentation and reflecting team\n3. Theme: working with hostility and resistance\n4. Peer learning and portfolio questions",
          caseDiscussion: `The student presented their work with ${code} (${caseNote.title}); the group acted as a reflecting team. Peers noticed how much the student holds for the family and asked what the child would say about the plan.`,
          reflectionAndLearning:
            "Theme: hostility and resistance. Discussed disguised compliance and the risk of labelling parents who are frightened of services, drawing on Forrester's work on empathy and the group's own examples.",
          wellbeingAndWorkload:
            "Group check-in: all students report manageable workloads; portfolio deadlines are the main pressure this month.",
          pcfDomains: domainsOf(caseNote.domains, ["CRITICAL_REFLECTION_AND_ANALYSIS", "VALUES_AND_ETHICS"]),
        };
      } else {
        const brief = i % 2 === 1 ? `\n\n${BRIEF_UPDATES[i % BRIEF_UPDATES.length](otherCode)}` : "";
        notes = {
          otherAttendees: [],
          agenda: `1. Check-in and wellbeing\n2. Actions from last supervision\n3. Case discussion: ${addendumAt === i ? typo(code) : code}${brief ? `, ${otherCode}` : ""}\n4. Reflection and learning: ${reflection.title}\n5. Workload, portfolio and PCF evidence\n6. Agree actions and the date of the next session`,
          caseDiscussion: `${i >= CASES.length ? caseNote.followUp(code) : caseNote.first(code)}${disagreement ? ` The student said they felt uncomfortable leading the TAF meeting for ${code}; agreed the PE will chair it.` : ""}${brief}`,
          reflectionAndLearning: reflection.text,
          wellbeingAndWorkload: story ?? WELLBEING[(plan.index + i) % WELLBEING.length],
          pcfDomains: domainsOf(caseNote.domains, reflection.domains),
        };
      }

      const created = at(session.heldOn, "17:00");
      if (session.type === "GROUP")
        for (const userId of studentsOnPlacement(session.heldOn, plan.placementId).slice(0, 3))
          attendees.push({ recordId: id, userId });
      records.push({
        id,
        placementId: plan.placementId,
        heldOn: fromIsoDate(session.heldOn),
        startTime,
        durationMinutes: minutes,
        type: session.type,
        attendedOnsiteSupervisor: plan.hasOnsiteSupervisor && (session.type === "REVIEW_MEETING" || i % 4 === 2),
        ...notes,
        studentReflection: hasReflection ? STUDENT_REFLECTIONS[(plan.index * 3 + i) % STUDENT_REFLECTIONS.length] : "",
        reflectionVersion: hasReflection ? 2 : 1,
        status,
        authorId: pe.id,
        peSignedAt: status === "DRAFT" ? null : at(peSignDay, "16:30"),
        peSignedById: status === "DRAFT" ? null : pe.id,
        studentSignedAt: status === "SIGNED" ? at(studentSignDay, "18:15") : null,
        studentSignedById: status === "SIGNED" ? plan.studentId : null,
        studentDisagreement: disagreement
          ? `I agree with most of this record, but not with the summary of ${code}. I did not say I was uncomfortable leading the TAF meeting; I said I wanted to plan it with my practice educator first. Please read this alongside my reflection.`
          : null,
        version: 1 + (i % 3),
        createdAt: created,
        updatedAt:
          status === "SIGNED" ? at(studentSignDay, "18:15") : status === "PE_SIGNED" ? at(peSignDay, "16:30") : created,
      });

      if (addendumAt === i && status !== "DRAFT") {
        addenda.push({
          id: newId(),
          recordId: id,
          authorId: pe.id,
          text: `Correction at the student's request: item 3 of the agenda reads ${typo(code)}, a typing error. The child discussed in this session was ${code}, as in the case discussion.`,
          createdAt: at(
            addWorkingDays(session.heldOn, 4) < today ? addWorkingDays(session.heldOn, 4) : peSignDay,
            "11:20",
          ),
        });
      }

      // Agreed actions, due a week later: earlier ones done (the odd one dropped), the latest ones still open.
      const howMany = session.type === "GROUP" ? 0 : session.type === "REVIEW_MEETING" ? 1 : (i + plan.index) % 3;
      for (let n = 0; n < howMany; n++) {
        const action = ACTIONS[(plan.index * 7 + actionCount++) % ACTIONS.length];
        const due = addDays(session.heldOn, 7);
        const nextSession = sessions[i + 1]?.heldOn;
        let state: ActionStatus = "DONE";
        if (fromEnd < 2 && (active || plan.status === "SUSPENDED")) state = "OPEN";
        else if (fromEnd < 2 && plan.status === "ENDED_EARLY") state = "DROPPED";
        else if (actionCount % 9 === 4) state = "DROPPED";
        const doneOn =
          state === "OPEN"
            ? null
            : plan.status === "ENDED_EARLY" && fromEnd < 2
              ? (plan.attendance.at(-1)?.date ?? due)
              : nextSession && nextSession < due
                ? nextSession
                : addDays(due, -1);
        actions.push({
          id: newId(),
          placementId: plan.placementId,
          recordId: id,
          description: action.text(code),
          owner: action.owner,
          dueDate: fromIsoDate(due),
          status: state,
          completedAt: doneOn ? at(doneOn < today ? doneOn : addDays(today, -1), "12:00") : null,
          completedById:
            state === "OPEN"
              ? null
              : state === "DROPPED" || action.owner === "PRACTICE_EDUCATOR"
                ? pe.id
                : plan.studentId,
          createdAt: created,
        });
      }
    });
  }

  await db.supervisionRecord.createMany({ data: records });
  await Promise.all([
    db.supervisionAction.createMany({ data: actions }),
    db.supervisionAddendum.createMany({ data: addenda }),
    db.supervisionAttendee.createMany({ data: attendees }),
  ]);
  return { records: records.length, actions: actions.length, addenda: addenda.length };
}
