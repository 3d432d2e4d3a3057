import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { addDays, fromIsoDate, toIsoDate, type IsoDate } from "@/lib/dates";
import { addWorkingDays, workingDaysBetween } from "@/lib/calendar/working-days";
import { PCF_DOMAINS, type PcfDomainCode } from "@/lib/frameworks/pcf";
import { milestoneDueDate } from "@/lib/portfolio/milestone-rules";
import type {
  EvidenceStatus,
  EvidenceType,
  MeetingAttendee,
  PlacementLevel,
  PlacementStatus,
  Prisma,
} from "@/lib/generated/prisma/client";

// The demo portfolios: for every placement that has started, the evidence,
// direct observations, review meetings, causes for concern and final
// assessment its dates imply. An active placement has as much as its weeks so
// far would produce; a finished one has a full portfolio. A few placements
// carry the things dashboards exist to flag: a missing observation before the midpoint, a thin PCF domain, an open cause
// for concern, a final assessment waiting for a stage 2 practice educator.
//
// Children appear only by the pseudonymous codes of the student's own
// allocations; no text names a child, a practice educator or anyone else, so
// nothing here can echo a child's name. Variation is index-based (as in the
// other demo seeds), so the demo is the same every time it is built for a day.

type Domain = PcfDomainCode;
type Kss = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

const pcfId = (code: Domain) => `fi_pcf_2018_${PCF_DOMAINS.find((domain) => domain.code === code)!.number}`;
const kssId = (number: Kss) => `fi_kss_2018_${number}`;
const at = (date: IsoDate, time: string) => new Date(`${date}T${time}:00.000Z`);
const newId = () => `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;
const pick = <T>(list: readonly T[], n: number): T => list[((n % list.length) + list.length) % list.length];

// ---------------------------------------------------------------------------
// Evidence templates. `c` is a child's code from the student's caseload, or
// null when the student has no allocation yet (the text then says "a young person").

type EvidenceContext = { c: string | null; who: string; session: number; level: PlacementLevel };
type EvidenceTemplate = {
  type: EvidenceType;
  /** Domains in order of strength: an item links to the first one to three. */
  domains: [Domain, Domain, Domain];
  kss?: Kss;
  /** Training happens once; the rest may recur with another child. */
  once?: boolean;
  /** About one child on the student's caseload (their code goes on the item). */
  child?: boolean;
  /** Only about a child allocated at least this many days before (the end of a six-week programme). */
  after?: number;
  title: (x: EvidenceContext) => string;
  body: (x: EvidenceContext) => string;
};

const TEMPLATES: EvidenceTemplate[] = [
  {
    type: "REFLECTIVE_LOG",
    domains: ["CRITICAL_REFLECTION_AND_ANALYSIS", "SKILLS_AND_INTERVENTIONS", "VALUES_AND_ETHICS"],
    kss: 1,
    child: true,
    title: (x) => `Reflective log: session ${x.session} of a six-week programme with ${x.who}`,
    body: (x) =>
      `## What happened\nSession ${x.session} of six in school with ${x.who}, on emotional wellbeing and resilience. We used the feelings thermometer and practised two calming strategies. ${x.c ?? "The young person"} chose where to sit and how long to stay.\n\n## What I felt\nI was nervous at the start because last week's session ended early. I noticed I was talking too much to fill the silence.\n\n## Evaluation and analysis\nWhen I let the silences sit, ${x.c ?? "the young person"} filled them. Using drawing worked better than direct questions, which fits what I have read about communicating with children who have experienced trauma (Lefevre, 2018). I need to keep the child's own words in my recording, not my summary of them.\n\n## Action plan\n- Bring the drawing materials again and start with a choice of activity\n- Check with the school how the young person gets home after sessions\n- Raise in supervision how to prepare for the ending in session 6`,
  },
  {
    type: "SESSION_PLAN",
    domains: ["SKILLS_AND_INTERVENTIONS", "KNOWLEDGE", "VALUES_AND_ETHICS"],
    kss: 3,
    child: true,
    title: (x) => `Session plan: developing safe networks (session ${x.session} of 6) with ${x.who}`,
    body: (x) =>
      `**Aim:** ${x.c ?? "The young person"} can name at least two trusted adults in and out of school.\n\n**Materials:** safe hand template, coloured pens, the worry jar from last session.\n\n| Time | Activity | Why |\n|---|---|---|\n| 5 min | Check-in: session rating 1–5 | The child sets the pace |\n| 15 min | Safe hand: five people I can go to | Builds a network the child chooses |\n| 10 min | What would you do if…? scenarios | Practise asking for help |\n| 5 min | Agree what is shared with home and school | Consent and trust |\n\n**Consent and safety:** parent and child consent recorded on the programme. If anything suggests harm, I stop, stay with the child and speak to the DSL and my practice educator the same day.\n\n**Hearing the child's voice:** I will write down their words as said, and ask what could make the sessions better.`,
  },
  {
    type: "CASE_NOTE_EXTRACT",
    domains: ["PROFESSIONALISM", "KNOWLEDGE", "CRITICAL_REFLECTION_AND_ANALYSIS"],
    kss: 6,
    child: true,
    title: (x) => `Case note extract: home visit for ${x.who}'s early help assessment`,
    body: (x) =>
      `*Extract, anonymised for the portfolio. Recorded within 24 hours of the visit.*\n\n**Fact:** Joint visit with the family support worker. Mum said mornings have been "chaos" since the baby was born. ${x.c ?? "The young person"} was at school. School attendance this term is 81%.\n\n**Mum's view:** she wants help with routines and "someone to talk to who isn't judging me".\n\n**Analysis:** The lateness appears linked to mum's low mood and the new baby rather than to a lack of care. Strengths: warm relationship, mum asked for help herself, grandparents nearby. Early help is proportionate; no indication of significant harm.\n\n**Plan:** Team Around the Family meeting at school in two weeks; mum to see her GP about her mood; morning routine chart to be made with ${x.c ?? "the young person"}.`,
  },
  {
    type: "CHILD_OR_FAMILY_FEEDBACK",
    domains: ["VALUES_AND_ETHICS", "SKILLS_AND_INTERVENTIONS", "DIVERSITY_AND_EQUALITY"],
    kss: 2,
    child: true,
    after: 45,
    title: (x) => `Feedback from ${x.who} at the end of the six-week programme`,
    body: (x) =>
      `Collected in the last session using the team's feedback sheet; ${x.c ?? "the young person"} chose to write some answers and asked me to scribe the rest.\n\n> "I felt like she understood me. I liked that I could draw instead of talking."\n\n> "Next time do it after lunch, not in maths."\n\nSession rating at the end: 5 out of 5 (it was 2 at the start). Goal-based outcome "feel calmer when I get angry at school" moved from 3 to 7.\n\n**What I take from this:** choice and control mattered more to this young person than the activities themselves. I have passed the timing suggestion on to the team for future programmes.`,
  },
  {
    type: "CHILD_OR_FAMILY_FEEDBACK",
    domains: ["DIVERSITY_AND_EQUALITY", "VALUES_AND_ETHICS", "RIGHTS_JUSTICE_ECONOMIC_WELLBEING"],
    child: true,
    title: (x) => `Feedback from ${x.who}'s carer after the TAF review`,
    body: (x) =>
      `The carer gave this feedback by phone after the Team Around the Family review and agreed to it being used anonymously in my portfolio.\n\n> "You explained everything before the meeting, so I didn't feel ambushed. When you asked what ${x.c ?? "my child"} thought, they told me in the car: 'she actually listened to what I wanted'."\n\n> "It would help if the meeting wasn't at 9 o'clock — I have the little one to drop off."\n\n**Reflection:** preparing the carer beforehand changed how the meeting felt for the family. I had not thought about the time of day as a barrier; next time I will ask the family when they can come before booking the room.`,
  },
  {
    type: "PROFESSIONAL_FEEDBACK",
    domains: ["CONTEXTS_AND_ORGANISATIONS", "PROFESSIONALISM", "SKILLS_AND_INTERVENTIONS"],
    kss: 10,
    child: true,
    title: (x) => `Feedback from the school's designated safeguarding lead on work with ${x.who}`,
    body: (x) =>
      `Written feedback from the designated safeguarding lead at the partner school, received by email and pasted here with their agreement.\n\n> "The student has been reliable and well prepared for every session with ${x.c ?? "the young person"}. They shared a worry with me promptly and clearly, recorded it on the school's system the same day, and kept the child informed about what would happen next. They have fitted in well with our pastoral team and understand the difference between the school's role and theirs."\n\n**What this shows:** following both the council's and the school's safeguarding procedures, and working alongside education colleagues.`,
  },
  {
    type: "PROFESSIONAL_FEEDBACK",
    domains: ["PROFESSIONAL_LEADERSHIP", "CONTEXTS_AND_ORGANISATIONS", "SKILLS_AND_INTERVENTIONS"],
    once: true,
    title: () => "Feedback from the Year 9 head of year on a group session",
    body: () =>
      `The head of year sat in on the fourth session of the Year 9 healthy relationships group and gave written feedback.\n\n> "Well planned and pitched at the right level. The ground rules the group wrote themselves made a real difference — two pupils who rarely speak in class contributed. I'd like the student to share the session plan with our PSHE lead."\n\n**Next step:** I have sent the plan to the PSHE lead and offered to co-deliver one lesson, agreed with my practice educator.`,
  },
  {
    type: "TRAINING_CERTIFICATE",
    domains: ["KNOWLEDGE", "SKILLS_AND_INTERVENTIONS", "CRITICAL_REFLECTION_AND_ANALYSIS"],
    kss: 7,
    once: true,
    title: () => "Training: Signs of Safety (two-day introduction)",
    body: () =>
      `Two-day council training, certificate of attendance held on file.\n\n**What I learned**\n- The three columns: what are we worried about, what's working well, what needs to happen\n- Scaling questions and danger statements in plain language\n- Tools for children's views: three houses, wizards and fairies\n\n**How I am using it:** I used the three houses tool in my next direct work session and the scaling question in a TAF review. I want to practise writing danger and safety goal statements with my practice educator.`,
  },
  {
    type: "TRAINING_CERTIFICATE",
    domains: ["KNOWLEDGE", "RIGHTS_JUSTICE_ECONOMIC_WELLBEING", "CONTEXTS_AND_ORGANISATIONS"],
    kss: 5,
    once: true,
    title: () => "Training: Child exploitation awareness",
    body: () =>
      `Half-day multi-agency training, certificate held on file.\n\n**Key learning**\n- Indicators of child criminal and sexual exploitation, including county lines\n- Contextual safeguarding: harm outside the home, in peer groups, schools and neighbourhoods\n- The local exploitation screening tool and when to refer to the exploitation hub\n- Language: children are victims, not "putting themselves at risk"\n\n**Reflection:** I had been thinking of one young person's new trainers as a behaviour issue. I now see the pattern differently and discussed the screening tool in supervision the next day.`,
  },
  {
    type: "TRAINING_CERTIFICATE",
    domains: ["KNOWLEDGE", "VALUES_AND_ETHICS", "DIVERSITY_AND_EQUALITY"],
    kss: 4,
    once: true,
    title: () => "Training: Domestic abuse and Operation Encompass",
    body: () =>
      `Council e-learning and a workshop with the local domestic abuse service. Certificate held on file.\n\n**Key learning**\n- The Domestic Abuse Act 2021 recognises children as victims in their own right\n- Operation Encompass: what schools are told after a police call-out, and what they do with it\n- Safety planning that does not increase risk to the non-abusing parent\n\n**How I will use it:** in school check-ins I will listen and record the child's words, not investigate, and always tell my practice educator the same day.`,
  },
  {
    type: "REFLECTIVE_LOG",
    domains: ["RIGHTS_JUSTICE_ECONOMIC_WELLBEING", "DIVERSITY_AND_EQUALITY", "CRITICAL_REFLECTION_AND_ANALYSIS"],
    kss: 5,
    child: true,
    title: (x) => `Reflective log: poverty, neglect and the Graded Care Profile 2 (${x.who})`,
    body: (x) =>
      `I co-worked the Graded Care Profile 2 with the family of ${x.c ?? "a young person on my caseload"}.\n\n**What I noticed:** my first notes listed the state of the house. My practice educator asked what the impact on the child was, and I could not say.\n\n**Analysis:** the family's heating is on a prepay meter and they ran out of credit twice this month. Poverty is not neglect (Bywaters et al., 2016), but it can make good-enough care much harder. The strengths — warmth, routines at bedtime, a parent who asks for help — were missing from my first draft.\n\n**What I did:** I helped the family apply for the household support fund and food bank vouchers, and rewrote the analysis starting from the child's day.\n\n**Learning:** evidence the impact on the child, name the structural causes, and do not let them hide real harm either.`,
  },
  {
    type: "REFLECTIVE_LOG",
    domains: ["PROFESSIONAL_LEADERSHIP", "CONTEXTS_AND_ORGANISATIONS", "SKILLS_AND_INTERVENTIONS"],
    kss: 10,
    child: true,
    once: true,
    title: (x) => `Reflective log: chairing my first Team Around the Family meeting (${x.who})`,
    body: (x) =>
      `I chaired the TAF review for ${x.c ?? "a young person on my caseload"} with my practice educator present.\n\n**Went well:** I sent the agenda in advance and started with what was working well. The child's views (gathered the week before) were read out first.\n\n**Harder:** school and the school nurse disagreed about whether the child's weight loss needed a GP referral. I let the discussion run too long and we finished late.\n\n**Learning:** a chair summarises the disagreement, names the decision and who owns it. Next time I will write actions on the flipchart as we go: who, what, by when.`,
  },
  {
    type: "REFLECTIVE_LOG",
    domains: ["DIVERSITY_AND_EQUALITY", "VALUES_AND_ETHICS", "CRITICAL_REFLECTION_AND_ANALYSIS"],
    kss: 1,
    once: true,
    title: () => "Reflective log: anti-oppressive practice and a family's mistrust of services",
    body: () =>
      `A parent told me on my first visit that "social services take children from families like ours".\n\n**Using Thompson's PCS model:** at the personal level, her own experience of care as a child; at the cultural level, stories in her community about services; at the structural level, the over-representation of some ethnic groups in child protection figures.\n\n**What I changed:** I explained exactly what early help is and is not, what I would write down and who would read it, and asked how she would like us to work together. I used an interpreter for the second visit even though her English is good, because she said she would feel more confident.\n\n**Learning:** mistrust can be a reasonable response to experience; my job is to earn trust, not to label resistance.`,
  },
  {
    type: "CASE_NOTE_EXTRACT",
    domains: ["PROFESSIONALISM", "VALUES_AND_ETHICS", "KNOWLEDGE"],
    kss: 5,
    child: true,
    title: (x) => `Case note extract: responding to a worry raised by ${x.who} in school`,
    body: (x) =>
      `*Extract, anonymised for the portfolio.*\n\nDuring the session ${x.c ?? "the young person"} said: "an older boy keeps asking me to carry stuff after school and says he'll pay me." I did not ask leading questions. I told them I would need to share this to keep them safe and explained who with.\n\nImmediately after the session I spoke to the designated safeguarding lead and phoned my practice educator. A safeguarding concern was recorded in the tracker the same day, and the exploitation screening tool was completed with my practice educator.\n\n**Reflection:** I felt shaky afterwards. Supervision helped me see that I had followed procedure and kept the child informed.`,
  },
  {
    type: "SESSION_PLAN",
    domains: ["SKILLS_AND_INTERVENTIONS", "DIVERSITY_AND_EQUALITY", "PROFESSIONAL_LEADERSHIP"],
    title: () => "Group session plan: healthy relationships (Year 8 friendship group)",
    body: () =>
      `**Group:** five pupils referred by the pastoral team; consent from parents and pupils recorded.\n\n**Aim:** pupils can tell the difference between a healthy and an unhealthy friendship, online and offline.\n\n1. Ground rules written by the group (10 min)\n2. Friendship spectrum: sorting cards from healthy to harmful (15 min)\n3. "What would you do?" online scenarios — screenshots, group chats, pressure to share (15 min)\n4. Who can I tell? Each pupil names one adult in school (5 min)\n5. Session rating and one word to describe today (5 min)\n\n**Inclusion:** cards use pictures as well as words for a pupil with an EHCP; the room is the quiet library, not a classroom.`,
  },
  {
    type: "REFLECTIVE_LOG",
    domains: ["KNOWLEDGE", "RIGHTS_JUSTICE_ECONOMIC_WELLBEING", "PROFESSIONALISM"],
    kss: 8,
    once: true,
    title: () => "Reflective log: thresholds, section 17 and what early help can do",
    body: () =>
      `After a referral I thought should go straight to the MASH, my practice educator and I read the local threshold document together.\n\n**Knowledge:** section 17 of the Children Act 1989 (children in need), section 47 (enquiries where there is reasonable cause to suspect significant harm), and Working Together to Safeguard Children (2023) on early help.\n\n**Analysis:** I had let my worry decide the level, not the evidence. The family's needs were real but met level 3 (targeted early help) with consent, not statutory intervention.\n\n**Learning:** I can now explain the difference in my own words, and I know that if things change I can consult the MASH at any time.`,
  },
  {
    type: "REFLECTIVE_LOG",
    domains: ["PROFESSIONALISM", "VALUES_AND_ETHICS", "CRITICAL_REFLECTION_AND_ANALYSIS"],
    once: true,
    title: () => "Reflective log: professional boundaries when a parent asked for my number",
    body: () =>
      `A parent asked for my personal mobile number "in case something happens at the weekend".\n\n**What I did:** I said no kindly, explained why, and gave her the team's number and the out-of-hours emergency duty team number written on a card.\n\n**Standards:** Social Work England professional standard 5 (act safely, respectfully and with professional integrity) and the council's lone working policy.\n\n**Reflection:** I worried the relationship would suffer. At the next visit she thanked me for the card. Boundaries are part of a safe relationship, not a barrier to it.`,
  },
  {
    type: "OTHER",
    domains: ["PROFESSIONAL_LEADERSHIP", "KNOWLEDGE", "CONTEXTS_AND_ORGANISATIONS"],
    kss: 9,
    once: true,
    title: () => "Team presentation: contextual safeguarding in our two partner schools",
    body: () =>
      `A 20-minute presentation at the team meeting, with slides and a one-page handout (held on file).\n\n**Content:** what contextual safeguarding is (Firmin, 2020); mapping the places young people in our two schools told us feel unsafe — the bus station, the park by the leisure centre, one group chat; what the team could do with the schools and the community safety partnership.\n\n**Feedback from the team:** the team manager asked for the map to go to the next partnership meeting.\n\n**Learning:** sharing research with colleagues is part of the job, and presenting to experienced staff was less frightening than I expected.`,
  },
  {
    type: "REFLECTIVE_LOG",
    domains: ["SKILLS_AND_INTERVENTIONS", "VALUES_AND_ETHICS", "CRITICAL_REFLECTION_AND_ANALYSIS"],
    kss: 1,
    child: true,
    after: 45,
    title: (x) => `Reflective log: ending well — the last session with ${x.who}`,
    body: (x) =>
      `The sixth and last session of the programme with ${x.c ?? "the young person"}. We had talked about the ending from session 4, and made a "what I've learned" poster together.\n\n**What went well:** the young person chose which drawings to keep and which to give to their head of year. They scored their goals themselves.\n\n**What was hard:** they asked whether I would still be around next term. I answered honestly — my placement ends in the summer — and we named the two adults in school they can go to.\n\n**Learning:** endings can repeat earlier losses for some children. Preparing early and being honest made this one feel safe.`,
  },
  {
    type: "CASE_NOTE_EXTRACT",
    domains: ["RIGHTS_JUSTICE_ECONOMIC_WELLBEING", "KNOWLEDGE", "SKILLS_AND_INTERVENTIONS"],
    kss: 4,
    child: true,
    title: (x) => `Case note extract: young carer's needs assessment for ${x.who}`,
    body: (x) =>
      `*Extract, anonymised for the portfolio.*\n\n${x.c ?? "The young person"} helps care for a parent with multiple sclerosis: shopping, medication reminders, and getting a younger sibling to school. In their words: "I don't mind helping but I never get to go to football."\n\n**Assessment:** needs identified under the Children and Families Act 2014 duty to young carers; caring is affecting attendance on Mondays and time with friends.\n\n**Plan:** referral to the young carers service (Tuesday group); a request to adult social care to review the parent's care package; school to agree a quiet space and a named adult.`,
  },
  {
    type: "SESSION_PLAN",
    domains: ["SKILLS_AND_INTERVENTIONS", "KNOWLEDGE", "RIGHTS_JUSTICE_ECONOMIC_WELLBEING"],
    kss: 5,
    child: true,
    title: (x) => `Session plan: being safe online (session ${x.session} of 6) with ${x.who}`,
    body: (x) =>
      `**Aim:** ${x.c ?? "the young person"} knows how to check privacy settings and who to tell if something online feels wrong.\n\n1. Check-in and rating (5 min)\n2. "Who can see this?" — looking at settings together on the school's demo account, not the child's own phone (15 min)\n3. Scenarios: a stranger who knows your school; a group chat that turns nasty (15 min)\n4. Making a "tell someone" card with three names (10 min)\n\n**Safeguarding:** if the child shares anything suggesting grooming or exploitation I stop, reassure, and tell the DSL and my practice educator the same day.`,
  },
  {
    type: "REFLECTIVE_LOG",
    domains: ["CONTEXTS_AND_ORGANISATIONS", "KNOWLEDGE", "PROFESSIONALISM"],
    kss: 8,
    once: true,
    title: () => "Reflective log: observing a strategy discussion at the MASH",
    body: () =>
      `I observed a strategy discussion at the Multi-Agency Safeguarding Hub with police, health, education and the duty social worker.\n\n**What I saw:** each agency shared what it knew; the chair kept bringing the discussion back to the child's lived experience and the threshold for a section 47 enquiry.\n\n**Knowledge:** Working Together to Safeguard Children (2023) on strategy discussions; information sharing under the Data Protection Act 2018 when it is necessary to safeguard a child.\n\n**Learning:** how early help and statutory services connect, and why clear early help records matter when a case steps up.`,
  },
  {
    type: "PROFESSIONAL_FEEDBACK",
    domains: ["PROFESSIONALISM", "SKILLS_AND_INTERVENTIONS", "CONTEXTS_AND_ORGANISATIONS"],
    once: true,
    title: () => "Feedback from the family support worker I co-worked with",
    body: () =>
      `Feedback from the team's family support worker after three months of co-working, by email.\n\n> "Always prepared, and follows through on what they say to families. Parents find them easy to talk to. They have learned to slow down on visits and let families tell their story. Next step: trust their own judgement a bit more in the moment."\n\n**My response:** I agree about trusting my judgement; I will bring one decision a week to supervision to test my reasoning out loud.`,
  },
  {
    type: "TRAINING_CERTIFICATE",
    domains: ["KNOWLEDGE", "SKILLS_AND_INTERVENTIONS", "VALUES_AND_ETHICS"],
    kss: 3,
    once: true,
    title: () => "Training: Trauma-informed practice with children and young people",
    body: () =>
      `One-day training from the council's workforce development team; certificate held on file.\n\n**Key learning**\n- Adverse childhood experiences and their limits as a screening tool\n- Safety, trust, choice, collaboration and empowerment as principles\n- Behaviour as communication; regulation before reasoning\n\n**How I am using it:** I now start sessions with a regulating activity and give the child choices about where we sit and what we do first.`,
  },
  {
    type: "REFLECTIVE_LOG",
    domains: ["CRITICAL_REFLECTION_AND_ANALYSIS", "PROFESSIONALISM", "PROFESSIONAL_LEADERSHIP"],
    kss: 9,
    title: () => "Reflective log: how I use supervision",
    body: () =>
      `At the start of the placement I brought case updates to supervision. My practice educator asked me to bring one question I could not answer instead.\n\n**What changed:** supervision now has a reflective space where I test a hypothesis about a family, and I prepare an agenda the day before.\n\n**Theory:** Kadushin's functions of supervision (educational, supportive, managerial) and Morrison's 4x4x4 model helped me see what I had been missing.\n\n**Next:** I will ask for feedback on my analysis, not only my practice.`,
  },
];

const PCF_NOTES: Record<Domain, readonly string[]> = {
  PROFESSIONALISM: [
    "Recorded within 24 hours and kept to the team's recording standard.",
    "Used supervision to check my approach before acting.",
    "Kept professional boundaries while staying warm with the family.",
  ],
  VALUES_AND_ETHICS: [
    "Kept the child informed and explained what would be shared and why.",
    "Worked with consent and respected the family's right to say no.",
    "Put the child's wishes and feelings at the centre of the plan.",
  ],
  DIVERSITY_AND_EQUALITY: [
    "Thought about how the family's experience of discrimination shapes their trust of services.",
    "Adapted materials so every pupil could take part.",
    "Asked the family how they wanted to work with me, including language needs.",
  ],
  RIGHTS_JUSTICE_ECONOMIC_WELLBEING: [
    "Made sure the family received the financial help it was entitled to.",
    "Named poverty as a structural cause without losing sight of the child's needs.",
    "Advocated for the child's right to be heard in the plan.",
  ],
  KNOWLEDGE: [
    "Applied the local threshold document and Working Together (2023).",
    "Used research on communicating with children to plan the session.",
    "Linked what I saw to child development and attachment theory, describing behaviour rather than labelling it.",
  ],
  CRITICAL_REFLECTION_AND_ANALYSIS: [
    "Used Gibbs' cycle to question my first assumptions.",
    "Separated fact, opinion and analysis, and tested my hypothesis in supervision.",
    "Noticed my own feelings and how they affected my judgement.",
  ],
  SKILLS_AND_INTERVENTIONS: [
    "Planned and delivered direct work at the child's pace, using drawing and scaling.",
    "Used open questions and let silences sit so the child could lead.",
    "Chose a structured tool (three houses, safe hand) suited to the child's age.",
  ],
  CONTEXTS_AND_ORGANISATIONS: [
    "Worked within both the school's and the council's safeguarding procedures.",
    "Coordinated with school, health and the family support worker.",
    "Understood the limits of early help and when to consult the MASH.",
  ],
  PROFESSIONAL_LEADERSHIP: [
    "Chaired the meeting and made sure everyone left knowing their actions.",
    "Shared learning with colleagues and the school.",
    "Took the lead on planning and asked for feedback on it.",
  ],
};

const KSS_NOTES: Record<Kss, string> = {
  1: "Building a relationship that lets the child share what matters to them.",
  2: "Communicating in a way the child and carer understand.",
  3: "Pitching the work at the child's age and stage of development.",
  4: "Understanding how domestic abuse and parental mental health affect children.",
  5: "Recognising indicators of abuse, neglect and exploitation.",
  6: "Gathering information for an assessment with the family, not about them.",
  7: "Analysis and a clear plan with review dates.",
  8: "Applying the law on children in need and early help.",
  9: "Using research and supervision to improve practice.",
  10: "Working within the organisation and the wider safeguarding partnership.",
};

const ACCEPT_COMMENTS = [
  "Accepted. A clear account that keeps the child's voice central; your analysis section shows real progress.",
  "Accepted — good evidence for these domains. Next time say a little more about what you would do differently.",
  "Accepted. This links well to our supervision discussion; please bring the action plan to the next session.",
  "Accepted. Well written and properly anonymised. The reference to research is used, not just mentioned.",
  "Accepted. A good example of following procedure and explaining it to the child.",
];
const QUESTIONS = [
  {
    pe: "Before I accept this: what did the child say about it in their own words?",
    student: "They said they liked choosing the activity — I have added the quote in the second paragraph.",
  },
  {
    pe: "Could you say which part of the threshold document you relied on?",
    student: "Level 3, targeted early help — I've added the reference.",
  },
  {
    pe: "Is the date right? It doesn't match the session record.",
    student: "Thank you — corrected; the session moved because of a school trip.",
  },
];
const CHANGES_REQUESTED =
  "Thank you — before I can accept this, please:\n1. Separate what you observed from your analysis in the second paragraph.\n2. Check the dates against your placement diary.\n3. Say a little more about how this shows the domain you have linked it to.";

// ---------------------------------------------------------------------------
// Observations, meetings and the final report.

const OBSERVATION_ACTIVITIES = [
  (c: string) => `Direct work session in school with ${c} (session 3 of 6)`,
  (c: string) => `Home visit with a parent for ${c}'s early help assessment`,
  (c: string) => `Chairing a Team Around the Family review for ${c}`,
  (c: string) => `Check-in with ${c} and the pastoral lead after a safeguarding concern`,
];
const OBSERVATION_NOTES: Record<Domain, string> = {
  PROFESSIONALISM: "Arrived prepared, on time, and explained your role clearly.",
  VALUES_AND_ETHICS: "Checked consent and explained what would be shared and why.",
  DIVERSITY_AND_EQUALITY: "Adapted your language and pace to the child.",
  RIGHTS_JUSTICE_ECONOMIC_WELLBEING: "Picked up the family's money worries and followed them through.",
  KNOWLEDGE: "Drew on child development to pitch the activity well.",
  CRITICAL_REFLECTION_AND_ANALYSIS: "Adjusted the plan in the moment when the first activity was not working.",
  SKILLS_AND_INTERVENTIONS: "Good use of open questions and silence; the child led the conversation.",
  CONTEXTS_AND_ORGANISATIONS: "Agreed next steps with the school before leaving.",
  PROFESSIONAL_LEADERSHIP: "Kept the meeting to time and summarised who does what by when.",
};
const OBSERVATION_DOMAINS: Domain[][] = [
  ["SKILLS_AND_INTERVENTIONS", "VALUES_AND_ETHICS", "KNOWLEDGE", "PROFESSIONALISM"],
  [
    "SKILLS_AND_INTERVENTIONS",
    "DIVERSITY_AND_EQUALITY",
    "RIGHTS_JUSTICE_ECONOMIC_WELLBEING",
    "CRITICAL_REFLECTION_AND_ANALYSIS",
  ],
  [
    "PROFESSIONAL_LEADERSHIP",
    "CONTEXTS_AND_ORGANISATIONS",
    "SKILLS_AND_INTERVENTIONS",
    "VALUES_AND_ETHICS",
    "CRITICAL_REFLECTION_AND_ANALYSIS",
  ],
];

const REASONABLE_ADJUSTMENTS = [
  "None requested.",
  "The student has dyslexia: agendas and written feedback a day before supervision, extra time for recording, and text-to-speech software on the team laptop.",
  "Placement days Tuesday to Friday because of caring responsibilities on Mondays, agreed with the university; the required days are unchanged.",
  "None requested. The student will say if their health changes; the university's disability adviser is the contact.",
];

const LEVEL_TEXT: Record<PlacementLevel, string> = {
  FIRST: "the end of the first placement",
  FINAL: "the end of the last placement",
};

function learningAgreement(level: PlacementLevel, index: number, hasOnsite: boolean) {
  const first = level === "FIRST";
  return {
    learningNeeds: first
      ? "- Build confidence in planning and delivering direct work with children aged 10–16\n- Understand thresholds: early help, child in need and child protection\n- Develop recording that separates fact, opinion and analysis\n- Use supervision for reflection, not only case updates"
      : "- Hold a small caseload of early help assessments with increasing autonomy\n- Analysis and decision-making in assessments, with a clear plan\n- Chair multi-agency meetings (Team Around the Family reviews)\n- Apply the law to practice: sections 17 and 47, consent, information sharing",
    learningOpportunities: first
      ? "- Two six-week direct work programmes in the partner schools\n- Co-working an early help assessment with a family support worker\n- Shadowing the MASH for a day and a strategy discussion when one arises\n- Group work: the Year 8 friendship group"
      : "- Two child and family assessments as lead worker, co-worked with the practice educator\n- Chairing at least two TAF reviews\n- A piece of life story work, with the practice educator's agreement\n- Attending a child protection conference and a core group",
    reasonableAdjustments: pick(REASONABLE_ADJUSTMENTS, index),
    supervisionArrangements: `Weekly formal supervision of 90 minutes with the practice educator on a placement day, recorded in the tracker and signed by both.${hasOnsite ? " Daily check-ins with the on-site supervisor, who joins supervision once a month." : " Informal support from the duty senior between sessions."} Monthly group supervision with the other students in the team.`,
  };
}

const FINAL_DOMAIN_TEXT: Record<Domain, (level: string) => string> = {
  PROFESSIONALISM: (l) =>
    `Reliable, well prepared and accountable; uses supervision well and recognises the limits of their role. Meets the level expected at ${l}.`,
  VALUES_AND_ETHICS: (l) =>
    `Works with consent, explains decisions honestly to children and families and manages the tension between the child's wishes and their safety. At the level expected at ${l}.`,
  DIVERSITY_AND_EQUALITY: (l) =>
    `Thinks about identity, culture and power in each family and adapts their practice; the reflective log on mistrust of services is a strong example. At the level expected at ${l}.`,
  RIGHTS_JUSTICE_ECONOMIC_WELLBEING: (l) =>
    `Names poverty as a structural factor and makes sure families receive what they are entitled to, without losing sight of the child's needs. At the level expected at ${l}.`,
  KNOWLEDGE: (l) =>
    `Applies the law, the local threshold document and research on communicating with children; explains early help and statutory thresholds in their own words. At the level expected at ${l}.`,
  CRITICAL_REFLECTION_AND_ANALYSIS: (l) =>
    `Reflects honestly, tests hypotheses in supervision and separates fact from analysis in recording; analysis in assessments has improved steadily. At the level expected at ${l}.`,
  SKILLS_AND_INTERVENTIONS: (l) =>
    `Direct work is creative and paced to the child; observations show good use of open questions and structured tools. At the level expected at ${l}.`,
  CONTEXTS_AND_ORGANISATIONS: (l) =>
    `Works effectively with schools, health and the family support workers and within both organisations' safeguarding procedures. At the level expected at ${l}.`,
  PROFESSIONAL_LEADERSHIP: (l) =>
    `Chaired TAF reviews with growing confidence and shared learning with the team through a presentation. At the level expected at ${l}.`,
};

// ---------------------------------------------------------------------------

type PlacementFacts = {
  index: number;
  id: string;
  status: PlacementStatus;
  level: PlacementLevel;
  startDate: IsoDate;
  requiredDays: number;
  observationsRequired: number;
  studentId: string;
  onsiteId: string | null;
  /** Who was PE when: spells in date order. */
  pes: Array<{ id: string; from: IsoDate; to: IsoDate | null; stage: string | null }>;
  /** Days the student was on placement or on a skills day, before today. */
  days: IsoDate[];
  /** Placement days only: what the required days count. */
  placementDays: IsoDate[];
  lastDay: IsoDate;
  /** Working days from the start to the last day of work (inclusive). */
  elapsed: number;
  children: Array<{ code: string; from: IsoDate }>;
};

export type DemoPortfolioCounts = {
  evidence: number;
  observations: number;
  milestones: number;
  concerns: number;
  finalAssessments: number;
};

export async function seedDemoPortfolio(
  db: Db,
  today: IsoDate,
  input: { teamId: string },
): Promise<DemoPortfolioCounts> {
  const rows = await db.placement.findMany({
    where: { teamId: input.teamId, status: { not: "PLANNED" } },
    orderBy: { student: { name: "asc" } },
    select: {
      id: true,
      status: true,
      level: true,
      startDate: true,
      requiredDays: true,
      observationsRequired: true,
      studentId: true,
      onsiteSupervisorId: true,
      practiceEducators: {
        orderBy: { startDate: "asc" },
        select: {
          practiceEducatorId: true,
          startDate: true,
          endDate: true,
          practiceEducator: { select: { pepsStage: true } },
        },
      },
      attendance: { orderBy: { date: "asc" }, select: { date: true, kind: true } },
      allocations: { orderBy: { startDate: "asc" }, select: { startDate: true, child: { select: { code: true } } } },
    },
  });

  const placements: PlacementFacts[] = [];
  rows.forEach((row, index) => {
    const days = row.attendance
      .filter((day) => day.kind === "PLACEMENT_DAY" || day.kind === "SKILLS_DAY")
      .map((day) => toIsoDate(day.date))
      .filter((day) => day < today);
    if (days.length === 0) return;
    const startDate = toIsoDate(row.startDate);
    const lastDay = days.at(-1)!;
    placements.push({
      index,
      id: row.id,
      status: row.status,
      level: row.level,
      startDate,
      requiredDays: row.requiredDays,
      observationsRequired: row.observationsRequired,
      studentId: row.studentId,
      onsiteId: row.onsiteSupervisorId,
      pes: row.practiceEducators.map((spell) => ({
        id: spell.practiceEducatorId,
        from: toIsoDate(spell.startDate),
        to: spell.endDate ? toIsoDate(spell.endDate) : null,
        stage: spell.practiceEducator.pepsStage,
      })),
      days,
      placementDays: row.attendance
        .filter((day) => day.kind === "PLACEMENT_DAY")
        .map((day) => toIsoDate(day.date))
        .filter((day) => day < today),
      lastDay,
      elapsed: workingDaysBetween(startDate, row.status === "ACTIVE" ? addDays(today, -1) : lastDay),
      children: row.allocations.map((allocation) => ({
        code: allocation.child.code,
        from: toIsoDate(allocation.startDate),
      })),
    });
  });

  const active = placements.filter((p) => p.status === "ACTIVE");
  const finished = (p: PlacementFacts) => p.status === "COMPLETED" || p.status === "ENDED_EARLY";
  const midpointOf = (p: PlacementFacts) =>
    milestoneDueDate("MIDPOINT_REVIEW", { startDate: p.startDate, requiredDays: p.requiredDays })!;
  const pastMidpoint = (p: PlacementFacts) => midpointOf(p) < addDays(today, -3) && midpointOf(p) <= p.lastDay;
  const peOn = (p: PlacementFacts, date: IsoDate) =>
    p.pes.find((spell) => spell.from <= date && (spell.to === null || date <= spell.to)) ?? p.pes[0];
  /** A working day `n` working days after `date`, but never today or later. */
  const pastDay = (date: IsoDate, n: number) => {
    const day = addWorkingDays(date, n);
    return day < today ? day : addDays(today, -1);
  };
  const dayNumber = (p: PlacementFacts, n: number) => addWorkingDays(addDays(p.startDate, -1), n);

  // The placements that carry the stories dashboards flag (see the header).
  const concernActive = active.find((p) => p.level === "FINAL" && p.pes.length === 1 && pastMidpoint(p)) ?? active[0];
  const noEarlyObservation = [...active]
    .filter((p) => p.level === "FIRST" && pastMidpoint(p) && p !== concernActive)
    .sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0];
  const gapDomains = new Map<string, Domain>();
  const GAP_ROTATION: Domain[] = [
    "PROFESSIONAL_LEADERSHIP",
    "RIGHTS_JUSTICE_ECONOMIC_WELLBEING",
    "CONTEXTS_AND_ORGANISATIONS",
  ];
  active
    .filter((p) => p.index % 2 === 0)
    .forEach((p, n) => gapDomains.set(p.id, GAP_ROTATION[n % GAP_ROTATION.length]));

  const items: Prisma.EvidenceItemCreateManyInput[] = [];
  const links: Prisma.EvidenceLinkCreateManyInput[] = [];
  const comments: Prisma.EvidenceCommentCreateManyInput[] = [];
  const observations: Prisma.DirectObservationCreateManyInput[] = [];
  const observationDomains: Prisma.ObservationDomainCreateManyInput[] = [];
  const milestones: Prisma.PlacementMilestoneCreateManyInput[] = [];
  const concerns: Prisma.CauseForConcernCreateManyInput[] = [];
  const concernEvents: Prisma.ConcernEventCreateManyInput[] = [];
  const concernActions: Prisma.ConcernActionCreateManyInput[] = [];
  const finals: Prisma.FinalAssessmentCreateManyInput[] = [];
  const finalDomains: Prisma.FinalDomainAssessmentCreateManyInput[] = [];

  for (const p of placements) {
    const isActive = p.status === "ACTIVE";
    const codeOn = (date: IsoDate, n: number, after = 0) => {
      const available = p.children.filter((child) => child.from <= addDays(date, -after));
      return available.length ? pick(available, n).code : null;
    };
    // Students without a caseload in the tracker (their placements ended before it) write about "a Year 8 pupil".
    const who = (code: string | null, n: number) =>
      code ?? pick(["a Year 8 pupil", "a Year 9 pupil", "a Year 7 pupil", "a Year 10 pupil"], n);

    // --- Evidence: one or two items a week of placement so far.
    const rate = 1.2 + (p.index % 3) * 0.2;
    const count = Math.max(1, Math.round((p.elapsed / 5) * rate));
    const pool = p.days.filter((day) => workingDaysBetween(p.startDate, day) >= 3);
    const dates = Array.from({ length: count }, (_, k) =>
      pool.length ? pool[Math.min(pool.length - 1, Math.floor(((k + 0.6) * pool.length) / count))] : p.lastDay,
    );
    const used = new Set<number>();
    let cursor = [0, 1, 2, 7][p.index % 4]; // a portfolio starts with a session plan, a log or induction training
    const planned: Array<{
      id: string;
      date: IsoDate;
      template: EvidenceTemplate;
      code: string | null;
      domains: Domain[];
      kss?: Kss;
      status: EvidenceStatus;
      seq: number;
    }> = [];
    dates.forEach((date, k) => {
      let t = cursor % TEMPLATES.length;
      const unusable = (n: number) =>
        (TEMPLATES[n].once && used.has(n)) ||
        (TEMPLATES[n].after && p.children.length > 0 && !codeOn(date, 0, TEMPLATES[n].after));
      for (let tries = 0; tries < TEMPLATES.length && unusable(t); tries++) t = (t + 1) % TEMPLATES.length;
      cursor = t + 1;
      used.add(t);
      const template = TEMPLATES[t];
      const seq = p.index * 31 + k;
      const fromEnd = count - 1 - k;
      let status: EvidenceStatus = "ACCEPTED";
      if (isActive)
        status =
          fromEnd === 0 ? "DRAFT" : fromEnd <= 2 ? "SUBMITTED" : fromEnd === 3 ? "CHANGES_REQUESTED" : "ACCEPTED";
      else if (p.status === "SUSPENDED" && fromEnd === 0) status = "SUBMITTED";
      const domains = template.domains.slice(0, 1 + (seq % 3));
      planned.push({
        id: newId(),
        date,
        template,
        code: template.child ? codeOn(date, k, template.after) : null,
        domains,
        kss: seq % 3 === 1 ? template.kss : undefined,
        status,
        seq,
      });
    });

    // A thin domain: no accepted evidence for it (it may sit on an item awaiting review).
    const gap = gapDomains.get(p.id);
    if (gap) {
      for (const item of planned) {
        if (item.status === "ACCEPTED" && item.domains.includes(gap)) {
          item.domains = item.domains.filter((domain) => domain !== gap);
          if (item.domains.length === 0) item.domains = [item.template.domains.find((domain) => domain !== gap)!];
        }
      }
    }
    // A finished placement's portfolio covers every domain with accepted evidence.
    if (finished(p)) {
      const accepted = planned.filter((item) => item.status === "ACCEPTED");
      let n = 0;
      for (const domain of PCF_DOMAINS.map((d) => d.code)) {
        if (accepted.some((item) => item.domains.includes(domain))) continue;
        const target = accepted.filter((item) => item.domains.length < 3)[n++] ?? accepted[0];
        target?.domains.push(domain);
      }
    }

    for (const item of planned) {
      const { template, date, seq } = item;
      const context = { c: item.code, who: who(item.code, seq), session: 2 + (seq % 4), level: p.level };
      const student = p.studentId;
      const created = at(date, "17:30");
      const submitted = item.status === "DRAFT" ? null : at(pastDay(date, seq % 2), "18:10");
      const submittedDay = submitted ? toIsoDate(submitted) : date;
      const reviewDay = pastDay(submittedDay, 2 + (seq % 3));
      const reviewer = peOn(p, reviewDay).id;
      let reviewed = item.status === "ACCEPTED" || item.status === "CHANGES_REQUESTED" ? at(reviewDay, "15:45") : null;
      if (reviewed && submitted && reviewed <= submitted) reviewed = new Date(submitted.getTime() + 60 * 60 * 1000);
      const thread: Prisma.EvidenceCommentCreateManyInput[] = [];
      let version = 1;
      if (submitted) {
        thread.push({
          id: newId(),
          evidenceId: item.id,
          authorId: student,
          kind: "SUBMITTED",
          body: seq % 2 ? "" : "Submitted for review.",
          createdAt: submitted,
        });
        version++;
      }
      if (item.status === "ACCEPTED") {
        if (seq % 7 === 3) {
          // An earlier round of changes, then resubmission.
          const asked = at(pastDay(submittedDay, 1), "10:20");
          thread.push({
            id: newId(),
            evidenceId: item.id,
            authorId: reviewer,
            kind: "CHANGES_REQUESTED",
            body: CHANGES_REQUESTED,
            createdAt: asked,
          });
          thread.push({
            id: newId(),
            evidenceId: item.id,
            authorId: student,
            kind: "SUBMITTED",
            body: "Changes made: analysis separated out and the date checked.",
            createdAt: at(pastDay(submittedDay, 2), "09:05"),
          });
          version += 2;
        } else if (seq % 4 === 1) {
          const question = pick(QUESTIONS, seq);
          thread.push({
            id: newId(),
            evidenceId: item.id,
            authorId: reviewer,
            kind: "COMMENT",
            body: question.pe,
            createdAt: at(pastDay(submittedDay, 1), "11:00"),
          });
          thread.push({
            id: newId(),
            evidenceId: item.id,
            authorId: student,
            kind: "COMMENT",
            body: question.student,
            createdAt: at(pastDay(submittedDay, 1), "16:40"),
          });
        }
        thread.push({
          id: newId(),
          evidenceId: item.id,
          authorId: reviewer,
          kind: "ACCEPTED",
          body: pick(ACCEPT_COMMENTS, seq),
          createdAt: reviewed!,
        });
        version++;
      } else if (item.status === "CHANGES_REQUESTED") {
        thread.push({
          id: newId(),
          evidenceId: item.id,
          authorId: reviewer,
          kind: "CHANGES_REQUESTED",
          body: CHANGES_REQUESTED,
          createdAt: reviewed!,
        });
        version++;
      }
      comments.push(...thread);
      const last = thread.at(-1)?.createdAt ?? created;
      items.push({
        id: item.id,
        placementId: p.id,
        authorId: student,
        title: template.title(context),
        occurredOn: fromIsoDate(date),
        type: template.type,
        body: template.body(context),
        childCode: item.code,
        status: item.status,
        submittedAt: submitted,
        reviewedAt: item.status === "ACCEPTED" || item.status === "CHANGES_REQUESTED" ? reviewed : null,
        reviewedById: item.status === "ACCEPTED" || item.status === "CHANGES_REQUESTED" ? reviewer : null,
        createdAt: created,
        updatedAt: last,
        version,
      });
      item.domains.forEach((domain, d) =>
        links.push({
          id: newId(),
          evidenceId: item.id,
          frameworkItemId: pcfId(domain),
          note: pick(PCF_NOTES[domain], seq + d),
        }),
      );
      if (item.kss)
        links.push({ id: newId(), evidenceId: item.id, frameworkItemId: kssId(item.kss), note: KSS_NOTES[item.kss] });
    }

    // --- Direct observations: spread through the placement, the first before the midpoint.
    const required = p.observationsRequired;
    const shares = required >= 3 ? [0.3, 0.55, 0.85, 0.9].slice(0, required) : [0.35, 0.78].slice(0, required);
    const positions = shares.map((share) => Math.round(share * p.requiredDays));
    if (p === noEarlyObservation) positions[0] = Math.round(0.55 * p.requiredDays); // postponed twice by the school
    const pushObservation = (n: number, date: IsoDate, done: boolean) => {
      const byOnsite = n === 1 && p.onsiteId !== null;
      const observer = byOnsite ? p.onsiteId! : peOn(p, date < today ? date : today).id;
      const code = codeOn(date < today ? date : addDays(today, -1), n + p.index) ?? "a young person on the caseload";
      const id = newId();
      const domains = pick(OBSERVATION_DOMAINS, n + (p.level === "FINAL" && n === 2 ? 0 : p.index));
      observations.push({
        id,
        placementId: p.id,
        observerId: observer,
        observedOn: fromIsoDate(date),
        activity: pick(OBSERVATION_ACTIVITIES, n + p.index)(code),
        preparationNote: `I plan to ${n === 0 ? "open by checking how the week has been and" : "recap the last session and"} agree with the young person what we will do today. I want feedback on how I use questions and whether I give enough space for the child's own words. My practice educator has agreed the plan and the school knows an observer is coming.`,
        feedback: done
          ? `**What went well**\n- A calm, warm start; the young person clearly trusts you\n- Good use of open questions, and you let silences sit\n- You explained what you would write down and who would read it\n\n**To develop**\n- Summarise more often so the young person knows they have been heard\n- Agree the next step before the end, not at the door\n\nOverall: working at the level expected at ${LEVEL_TEXT[p.level]} for this stage of the placement.`
          : "",
        feedbackAt: done ? at(pastDay(date, 1), "16:00") : null,
        reflection: done
          ? "The feedback about summarising is fair: I noticed myself moving on too quickly when the young person said something difficult. In my next session I summarised twice and it slowed things down in a good way."
          : "",
        createdById: observer,
        createdAt: at(addDays(date, -14) < today ? addDays(date, -14) : addDays(today, -1), "12:00"),
        updatedAt: done ? at(pastDay(date, 2), "19:00") : at(addDays(today, -1), "12:00"),
      });
      if (done)
        domains.forEach((domain) =>
          observationDomains.push({
            observationId: id,
            frameworkItemId: pcfId(domain),
            note: OBSERVATION_NOTES[domain],
          }),
        );
    };

    let plannedOne = false;
    positions.forEach((position, n) => {
      let date = dayNumber(p, position);
      const done = addWorkingDays(date, 2) < today && date <= p.lastDay;
      if (!done) {
        if (!isActive || plannedOne) return;
        plannedOne = true;
        if (date < addWorkingDays(today, 2)) date = addWorkingDays(today, 3);
      }
      if (isActive && done && n === positions.length - 1 && !plannedOne) {
        // Every observation would be behind an active student: the last one is still to come.
        plannedOne = true;
        date = addWorkingDays(today, 3);
        return pushObservation(n, date, false);
      }
      pushObservation(n, date, done);
    });

    // --- Review meetings.
    const attendees = (tutor: boolean): MeetingAttendee[] => [
      "STUDENT",
      "PRACTICE_EDUCATOR",
      ...(p.onsiteId ? (["ONSITE_SUPERVISOR"] as const) : []),
      ...(tutor ? (["TUTOR"] as const) : []),
    ];
    const daysBefore = (date: IsoDate) => p.placementDays.filter((day) => day < date).length;
    const laDue = milestoneDueDate("LEARNING_AGREEMENT", p)!;
    const laHeld = addWorkingDays(laDue, (p.index % 5) - 2);
    if (laHeld < today && laHeld <= p.lastDay) {
      milestones.push({
        id: newId(),
        placementId: p.id,
        kind: "LEARNING_AGREEMENT",
        heldOn: fromIsoDate(laHeld),
        attendees: attendees(true),
        notes: "Learning agreement agreed and signed by everyone present; a copy went to the university the same day.",
        ...learningAgreement(p.level, p.index, p.onsiteId !== null),
        recordedById: peOn(p, laHeld).id,
        createdAt: at(laHeld, "15:00"),
        updatedAt: at(laHeld, "15:00"),
      });
    }
    const midpointDue = milestoneDueDate("MIDPOINT_REVIEW", p)!;
    const midpointHeld = addWorkingDays(midpointDue, (p.index % 3) - 1);
    if (midpointHeld < today && midpointHeld <= p.lastDay) {
      const raising = p === concernActive;
      const done = daysBefore(midpointHeld);
      milestones.push({
        id: newId(),
        placementId: p.id,
        kind: "MIDPOINT_REVIEW",
        heldOn: fromIsoDate(midpointHeld),
        attendees: attendees(p.index % 4 !== 1),
        notes: raising
          ? `Days completed: ${done} of ${p.requiredDays}. Weekly supervision held as agreed. Learning opportunities promised in the agreement have happened, apart from chairing a TAF review. Recording is often more than five working days late, and two home visits were made without following the lone working procedure.`
          : `Days completed: ${done} of ${p.requiredDays}. Weekly supervision held as agreed${p.index % 2 ? ", apart from one week of annual leave" : ""}. The learning opportunities promised in the agreement are happening; reasonable adjustments reviewed and still right. Evidence so far shows progress at the expected level across the PCF, with most to do on analysis and leadership.`,
        recommendation: raising ? "CONCERNS" : "ON_TRACK",
        actionPlan: raising
          ? "1. All case notes recorded within two working days of a visit; the practice educator checks a sample weekly.\n2. Follow the lone working procedure on every visit: calendar entry, check-in call afterwards.\n3. Chair one TAF review before the end of the placement, planned in supervision.\nReview in four weeks."
          : "",
        daysCompletedAtMeeting: done,
        recordedById: peOn(p, midpointHeld).id,
        createdAt: at(midpointHeld, "16:00"),
        updatedAt: at(midpointHeld, "16:00"),
      });
    }
    if (finished(p)) {
      const endedEarly = p.status === "ENDED_EARLY";
      const finalHeld = endedEarly ? p.lastDay : pastDay(p.lastDay, 0);
      milestones.push({
        id: newId(),
        placementId: p.id,
        kind: "FINAL_REVIEW",
        heldOn: fromIsoDate(finalHeld),
        attendees: attendees(true),
        notes: endedEarly
          ? "The student withdrew from the programme after the stage 2 concerns meeting. This review records the evidence up to the last day for the university's assessment panel."
          : `All ${p.requiredDays} required days completed. The portfolio evidences every PCF domain, the required direct observations are done and supervision was weekly. The final report follows.`,
        recommendation: endedEarly ? "REFER" : "PASS",
        earlyReason: endedEarly ? "The placement ended early when the student withdrew from the programme." : null,
        daysCompletedAtMeeting: p.placementDays.filter((day) => day <= finalHeld).length,
        recordedById: peOn(p, finalHeld).id,
        createdAt: at(finalHeld, "16:30"),
        updatedAt: at(finalHeld, "16:30"),
      });

      if (!endedEarly) {
        const pe = peOn(p, finalHeld);
        const awaiting =
          p.level === "FINAL" && pe.stage === "STAGE_1" && !finals.some((f) => f.status === "AWAITING_RATIFICATION");
        const peSigned = pastDay(finalHeld, 2);
        const studentSigned = pastDay(finalHeld, 3);
        const id = newId();
        const level = LEVEL_TEXT[p.level];
        finals.push({
          id,
          placementId: p.id,
          practiceEducatorId: pe.id,
          holisticSummary: `Taken as a whole, the evidence shows a student working at the level expected at ${level}. Their direct work with children is the strongest part of their practice: creative, well paced and respectful of the child's own words. They use supervision honestly and act on feedback — recording and analysis improved steadily from the midpoint. They followed safeguarding procedures promptly and kept children informed. The portfolio evidences all nine PCF domains, with service user and professional feedback, ${p.observationsRequired === 3 ? "three" : p.observationsRequired === 2 ? "two" : p.observationsRequired} direct observations and weekly supervision throughout.`,
          studentReflection:
            "Looking back, the biggest change in my practice is how I listen. At the start I filled silences and rushed to the assessment form; now I let children lead and write their words down as they said them. Supervision taught me to test my first impressions. I am proud of the direct work programmes and the feedback from children and schools. I still need to grow in chairing meetings where professionals disagree.",
          developmentPlan:
            p.level === "FINAL"
              ? "- ASYE: a protected caseload and weekly supervision in the first six months\n- Chairing multi-agency meetings, including child protection core groups\n- Analysis in assessments under time pressure\n- Court skills: training and shadowing a care proceedings hearing"
              : "- Last placement: a statutory setting with legal interventions\n- Lead on an assessment from referral to plan\n- Chair TAF reviews with a mentor present\n- Continue reading on trauma-informed practice and contextual safeguarding",
          recommendation: "PASS",
          status: awaiting ? "AWAITING_RATIFICATION" : "COMPLETE",
          peSignedAt: at(peSigned, "12:00"),
          studentSignedAt: at(studentSigned, "18:30"),
          onsiteSignedAt: p.onsiteId ? at(studentSigned, "10:15") : null,
          onsiteSignedById: p.onsiteId,
          createdAt: at(finalHeld, "17:00"),
          updatedAt: at(studentSigned, "18:30"),
          version: 4,
          reflectionVersion: 2,
        });
        PCF_DOMAINS.forEach((domain) =>
          finalDomains.push({
            assessmentId: id,
            frameworkItemId: pcfId(domain.code),
            text: FINAL_DOMAIN_TEXT[domain.code](level),
          }),
        );
      }
    }

    // --- Causes for concern.
    if (p === concernActive) {
      const raised = pastDay(dayNumber(p, Math.max(5, p.elapsed - 14)), 0);
      const meeting = pastDay(raised, 3);
      const id = newId();
      const pe = peOn(p, raised).id;
      concerns.push({
        id,
        placementId: p.id,
        raisedById: pe,
        raisedAt: at(raised, "16:20"),
        summary:
          "Recording is still often more than five working days late despite the midpoint action plan, and a home visit was made without following the lone working procedure.",
        stage: "ACTION_PLAN",
        status: "OPEN",
        updatedAt: at(meeting, "15:00"),
        version: 2,
      });
      concernEvents.push({
        id: newId(),
        concernId: id,
        stage: "STAGE_1_MEETING",
        heldOn: fromIsoDate(meeting),
        notes:
          "Stage 1 meeting with the student, the practice educator and the university tutor. The student accepted the concerns and explained the pressure of an assignment deadline. Agreed the action plan below; review in four weeks. The student knows that if the concerns are not resolved a stage 2 meeting may follow.",
        recordedById: pe,
        createdAt: at(meeting, "15:00"),
      });
      concernActions.push(
        {
          id: newId(),
          concernId: id,
          description: "Bring all outstanding case notes up to date and show them to the practice educator",
          dueOn: fromIsoDate(addWorkingDays(meeting, 5)),
          doneAt: at(pastDay(meeting, 4), "17:00"),
          createdAt: at(meeting, "15:05"),
        },
        {
          id: newId(),
          concernId: id,
          description: "Record every visit within two working days; the practice educator checks a sample each week",
          dueOn: fromIsoDate(addWorkingDays(today, 4)),
          doneAt: null,
          createdAt: at(meeting, "15:05"),
        },
        {
          id: newId(),
          concernId: id,
          description:
            "Put every home visit in the team calendar and make the check-in call afterwards (lone working procedure)",
          dueOn: fromIsoDate(addWorkingDays(today, 12)),
          doneAt: null,
          createdAt: at(meeting, "15:05"),
        },
      );
    }
    if (
      p.status === "COMPLETED" &&
      p.onsiteId &&
      !concerns.some((c) => c.status === "RESOLVED" && c.outcome === "RESOLVED")
    ) {
      const raised = dayNumber(p, 28);
      const meeting = addWorkingDays(raised, 3);
      const review = addWorkingDays(meeting, 20);
      const id = newId();
      const pe = peOn(p, meeting).id;
      concerns.push({
        id,
        placementId: p.id,
        raisedById: p.onsiteId,
        raisedAt: at(raised, "13:10"),
        summary:
          "Timekeeping: late to three school sessions in two weeks, and one session missed without telling the school.",
        stage: "OUTCOME",
        status: "RESOLVED",
        outcome: "RESOLVED",
        closedAt: at(review, "16:00"),
        updatedAt: at(review, "16:00"),
        version: 4,
      });
      concernEvents.push(
        {
          id: newId(),
          concernId: id,
          stage: "STAGE_1_MEETING",
          heldOn: fromIsoDate(meeting),
          notes:
            "Stage 1 meeting with the student, practice educator, on-site supervisor and tutor. The student explained a change in their childcare; agreed an action plan and a review in four weeks.",
          recordedById: pe,
          createdAt: at(meeting, "15:30"),
        },
        {
          id: newId(),
          concernId: id,
          stage: "REVIEW",
          heldOn: fromIsoDate(review),
          notes:
            "Review: on time for every session since the stage 1 meeting; the school confirms this. Concern resolved.",
          recordedById: pe,
          createdAt: at(review, "15:30"),
        },
        {
          id: newId(),
          concernId: id,
          stage: "OUTCOME",
          heldOn: fromIsoDate(review),
          notes: "Outcome: resolved. No further action.",
          recordedById: pe,
          createdAt: at(review, "15:45"),
        },
      );
      concernActions.push(
        {
          id: newId(),
          concernId: id,
          description: "Tell the school and the on-site supervisor by 8.30am if running late",
          dueOn: fromIsoDate(addWorkingDays(meeting, 1)),
          doneAt: at(addWorkingDays(meeting, 1), "09:00"),
          createdAt: at(meeting, "15:35"),
        },
        {
          id: newId(),
          concernId: id,
          description: "Agree a sustainable placement timetable with the practice educator",
          dueOn: fromIsoDate(addWorkingDays(meeting, 5)),
          doneAt: at(addWorkingDays(meeting, 4), "12:00"),
          createdAt: at(meeting, "15:35"),
        },
      );
    }
    if (p.status === "ENDED_EARLY") {
      const raised = dayNumber(p, 22);
      const meeting = addWorkingDays(raised, 3);
      const review = addWorkingDays(meeting, 12);
      const stage2 = addWorkingDays(review, 5) < p.lastDay ? addWorkingDays(review, 5) : p.lastDay;
      const id = newId();
      const pe = peOn(p, meeting).id;
      // The student withdrew before the stage 2 outcome: closed, with no outcome recorded.
      concerns.push({
        id,
        placementId: p.id,
        raisedById: pe,
        raisedAt: at(raised, "14:00"),
        summary:
          "Timekeeping, recording not completed within 48 hours, and families not kept informed of changes to visits.",
        stage: "STAGE_2_MEETING",
        status: "RESOLVED",
        outcome: null,
        closedAt: at(p.lastDay, "17:00"),
        updatedAt: at(p.lastDay, "17:00"),
        version: 4,
      });
      concernEvents.push(
        {
          id: newId(),
          concernId: id,
          stage: "STAGE_1_MEETING",
          heldOn: fromIsoDate(meeting),
          notes:
            "Stage 1 meeting with the student, practice educator and tutor. Agreed an action plan on timekeeping, recording and communication with families.",
          recordedById: pe,
          createdAt: at(meeting, "15:00"),
        },
        {
          id: newId(),
          concernId: id,
          stage: "REVIEW",
          heldOn: fromIsoDate(review),
          notes:
            "Review: timekeeping has improved; three case notes are still outstanding and a family again was not told of a cancelled visit. Referred to a stage 2 meeting.",
          recordedById: pe,
          createdAt: at(review, "15:00"),
        },
        {
          id: newId(),
          concernId: id,
          stage: "STAGE_2_MEETING",
          heldOn: fromIsoDate(stage2),
          notes:
            "Stage 2 meeting with the university's placement lead. Before an outcome was agreed the student said they had decided to withdraw from the programme. The concern is closed; the history goes to the assessment panel.",
          recordedById: pe,
          createdAt: at(stage2, "15:00"),
        },
      );
      concernActions.push(
        {
          id: newId(),
          concernId: id,
          description: "Arrive by 9am on placement days or phone the duty senior",
          dueOn: fromIsoDate(addWorkingDays(meeting, 2)),
          doneAt: at(addWorkingDays(meeting, 2), "09:00"),
          createdAt: at(meeting, "15:05"),
        },
        {
          id: newId(),
          concernId: id,
          description: "Record every visit within 48 hours",
          dueOn: fromIsoDate(addWorkingDays(meeting, 10)),
          doneAt: null,
          createdAt: at(meeting, "15:05"),
        },
      );
    }
  }

  // Parents before children: items, then their links and comments; observations, then their domains.
  await db.evidenceItem.createMany({ data: items });
  await db.directObservation.createMany({ data: observations });
  await db.causeForConcern.createMany({ data: concerns });
  await db.finalAssessment.createMany({ data: finals });
  await Promise.all([
    db.evidenceLink.createMany({ data: links }),
    db.evidenceComment.createMany({ data: comments }),
    db.observationDomain.createMany({ data: observationDomains }),
    db.placementMilestone.createMany({ data: milestones }),
    db.concernEvent.createMany({ data: concernEvents }),
    db.concernAction.createMany({ data: concernActions }),
    db.finalDomainAssessment.createMany({ data: finalDomains }),
  ]);
  return {
    evidence: items.length,
    observations: observations.length,
    milestones: milestones.length,
    concerns: concerns.length,
    finalAssessments: finals.length,
  };
}
