import type { Db } from "@/lib/db";
import { addDays, addYears, fromIsoDate, type IsoDate } from "@/lib/dates";
import { QAPL_QUESTIONS, type QaplRespondentName } from "@/lib/qapl/questions";

// The university's side of the demo world (docs/domain.md "The university's
// side"): a past practice assessment panel at Three Counties that returned
// Jade Robinson's PAD for more evidence (answered by her PE), a panel sitting
// today with that PAD in its sample, a Severnside panel being prepared, QAPL
// evaluations of the finished placements (Lucy Nowak's student and provider
// evaluations still due), and the practice educator register with one lapsed
// refresher (Tom Fletcher's).

const at = (day: IsoDate, time: string) => new Date(`${day}T${time}:00Z`);

export async function seedDemoUniversitySide(
  db: Db,
  today: IsoDate,
  passwordHash: string,
): Promise<Array<{ role: string; name: string; email: string }>> {
  const byEmail = async (email: string) =>
    db.user.findUniqueOrThrow({ where: { email }, select: { id: true, organisationId: true } });
  const admin = await byEmail("manager@pop.example.org");
  const priya = await byEmail("priya.shah@pop.example.org");
  const tom = await byEmail("tom.fletcher@pop.example.org");
  const grace = await byEmail("grace.adeyemi@pop.example.org");
  const owen = await byEmail("owen.pritchard@pop.example.org");
  const kwame = await byEmail("k.asante@threecounties.example.ac.uk");
  const helen = await byEmail("h.marsh@severnside.example.ac.uk");
  const ruth = await db.user.create({
    data: {
      name: "Dr Ruth Okoye",
      email: "r.okoye@threecounties.example.ac.uk",
      role: "UNIVERSITY_TUTOR",
      organisationId: kwame.organisationId,
      passwordHash,
    },
  });

  // The two tutors who set panels up hold the panel lead permission; Ruth sits on panels only.
  await db.user.updateMany({ where: { id: { in: [kwame.id, helen.id] } }, data: { panelLead: true } });
  // Three Counties' external examiner and service user representative sit on the winter panel.
  const guest = (name: string, email: string, role: "EXTERNAL_EXAMINER" | "SERVICE_USER_REPRESENTATIVE") =>
    db.user.create({ data: { name, email, role, organisationId: kwame.organisationId, passwordHash } });
  const examiner = await guest("Prof. Miriam Hale", "m.hale@examiners.example.ac.uk", "EXTERNAL_EXAMINER");
  const representative = await guest(
    "Sam Whitfield",
    "s.whitfield@threecounties.example.ac.uk",
    "SERVICE_USER_REPRESENTATIVE",
  );
  const signIns = [
    { role: "EXTERNAL_EXAMINER", name: examiner.name, email: examiner.email },
    { role: "SERVICE_USER_REPRESENTATIVE", name: representative.name, email: representative.email },
  ];

  const programme = (universityId: string, name: string) =>
    db.degreeProgramme.findUniqueOrThrow({
      where: { universityId_name: { universityId, name } },
      select: { id: true },
    });
  const threeCountiesBa = await programme(kwame.organisationId, "BA (Hons) Social Work");
  const severnsideMa = await programme(helen.organisationId, "MA Social Work");

  // --- Practice assessment panels.
  const jade = await db.placement.findFirstOrThrow({
    where: { student: { name: "Jade Robinson" } },
    select: { id: true, endDate: true, finalAssessment: { select: { id: true, status: true } } },
  });
  if (jade.finalAssessment?.status === "COMPLETE") {
    const pastDay = addDays(today, -45);
    const past = await db.assessmentPanel.create({
      data: {
        universityId: kwame.organisationId,
        programmeId: threeCountiesBa.id,
        name: "BA Social Work, autumn panel",
        sitsOn: fromIsoDate(pastDay),
        status: "CLOSED",
        externalExaminerName: "Prof. Miriam Hale",
        randomPercent: 20,
        sampleSeed: "a41c07e9d2b3",
        sampleBuiltAt: at(addDays(pastDay, -7), "10:00"),
        createdById: kwame.id,
        version: 4,
        members: {
          create: [
            { userId: kwame.id, role: "LEAD" },
            { userId: ruth.id, role: "MEMBER" },
          ],
        },
      },
    });
    await db.panelSampleItem.create({
      data: {
        panelId: past.id,
        finalAssessmentId: jade.finalAssessment.id,
        reasons: ["NEW_PRACTICE_EDUCATOR"],
        evidenceSufficient: false,
        holisticJudgementSupported: true,
        pcfDomainsEvidenced: true,
        serviceUserFeedbackPresent: false,
        signaturesComplete: true,
        decision: "RETURNED_FOR_EVIDENCE",
        decisionReasons:
          "The holistic judgement is well argued, but the portfolio holds no feedback from a child, family or carer, which the programme requires for a pass.",
        feedbackForPe:
          "Please add at least one piece of feedback from a child, family member or carer (with your comment on it), and say in the summary how it informed your recommendation.",
        decidedById: kwame.id,
        decidedAt: at(pastDay, "14:30"),
        peResponse:
          "I have added two pieces of carer feedback from the second half of the placement to the portfolio, with my comments, and a paragraph to the holistic summary on how they support the recommendation.",
        peRespondedAt: at(addDays(pastDay, 12), "09:15"),
        version: 3,
        createdAt: at(addDays(pastDay, -7), "10:00"),
      },
    });
    const sitting = await db.assessmentPanel.create({
      data: {
        universityId: kwame.organisationId,
        programmeId: threeCountiesBa.id,
        name: "BA Social Work, winter panel",
        sitsOn: fromIsoDate(today),
        status: "OPEN",
        externalExaminerName: "Prof. Miriam Hale",
        randomPercent: 20,
        sampleSeed: "5be2f1a0c9d4",
        sampleBuiltAt: at(addDays(today, -5), "11:00"),
        createdById: kwame.id,
        version: 3,
        members: {
          create: [
            { userId: kwame.id, role: "LEAD" },
            { userId: ruth.id, role: "MEMBER" },
            { userId: examiner.id, role: "MEMBER" },
            { userId: representative.id, role: "MEMBER" },
          ],
        },
      },
    });
    await db.panelSampleItem.create({
      data: {
        panelId: sitting.id,
        finalAssessmentId: jade.finalAssessment.id,
        reasons: ["RETURNED_FROM_EARLIER_PANEL"],
        createdAt: at(addDays(today, -5), "11:00"),
      },
    });
  }
  await db.assessmentPanel.create({
    data: {
      universityId: helen.organisationId,
      programmeId: severnsideMa.id,
      name: "MA Social Work, spring panel",
      sitsOn: fromIsoDate(addDays(today, 21)),
      status: "PLANNED",
      randomPercent: 25,
      createdById: helen.id,
      members: { create: [{ userId: helen.id, role: "LEAD" }] },
    },
  });

  // --- QAPL evaluations of the finished placements.
  const finished = await db.placement.findMany({
    where: { status: { in: ["COMPLETED", "ENDED_EARLY"] } },
    orderBy: { student: { name: "asc" } },
    select: {
      id: true,
      status: true,
      endDate: true,
      studentId: true,
      practiceEducators: { orderBy: { startDate: "desc" }, take: 1, select: { practiceEducatorId: true } },
    },
  });
  const ratings = (respondent: QaplRespondentName, base: number) =>
    Object.fromEntries(
      QAPL_QUESTIONS[respondent].map((question, index) => [
        question.code,
        Math.max(1, Math.min(5, base - (index % 3 === 2 ? 1 : 0))),
      ]),
    );
  const COMMENTS: Record<QaplRespondentName, string> = {
    STUDENT:
      "A welcoming team with a real range of direct work. Supervision was regular and honest. Desk space was tight on office days.",
    PRACTICE_EDUCATOR:
      "The university tutor was easy to reach and the midpoint review was well prepared. The student arrived ready for direct work but needed support with recording.",
    PROVIDER:
      "A good partnership with the university. The student contributed to the schools project; we could offer another placement next year.",
  };
  for (const [index, placement] of finished.entries()) {
    const endedEarly = placement.status === "ENDED_EARLY";
    const submitted = addDays(placement.endDate.toISOString().slice(0, 10), 5);
    const parties: Array<[QaplRespondentName, string | undefined]> = endedEarly
      ? [["PRACTICE_EDUCATOR", placement.practiceEducators[0]?.practiceEducatorId]]
      : [
          ["STUDENT", placement.studentId],
          ["PRACTICE_EDUCATOR", placement.practiceEducators[0]?.practiceEducatorId],
          ["PROVIDER", admin.id],
        ];
    for (const [respondent, authorId] of parties) {
      if (!authorId) continue;
      await db.qaplEvaluation.create({
        data: {
          placementId: placement.id,
          respondent,
          authorId,
          ratings: ratings(respondent, endedEarly ? 3 : 5 - (index % 2)),
          comments: COMMENTS[respondent],
          submittedAt: at(submitted, "12:00"),
        },
      });
    }
  }

  // --- The practice educator register: Tom's refresher has lapsed; Owen's falls due soon.
  await db.practiceEducatorRecord.createMany({
    data: [
      {
        userId: priya.id,
        qualifiedOn: fromIsoDate(addYears(today, -8)),
        lastRefresherOn: fromIsoDate(addYears(today, -1)),
        capacity: 2,
        notes: "Leads the team's practice learning; ratifies stage 1 final assessments.",
        updatedById: admin.id,
      },
      {
        userId: tom.id,
        qualifiedOn: fromIsoDate(addYears(today, -10)),
        lastRefresherOn: fromIsoDate(addDays(addYears(today, -2), -40)),
        capacity: 3,
        notes: "Refresher booked for next term.",
        updatedById: admin.id,
      },
      {
        userId: grace.id,
        qualifiedOn: null,
        lastRefresherOn: null,
        capacity: 1,
        notes: "PEPS stage 1 in progress with Severnside University.",
        updatedById: admin.id,
      },
      {
        userId: owen.id,
        qualifiedOn: fromIsoDate(addDays(addYears(today, -2), 30)),
        lastRefresherOn: null,
        capacity: 1,
        notes: "",
        updatedById: admin.id,
      },
    ],
  });
  return signIns;
}
