import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { addDays, fromIsoDate, type IsoDate } from "@/lib/dates";
import type { DemoSignIn } from "./demo-world";

// The partner schools' side of the demo (docs/domain.md, "Partner schools"
// and "Impact report"): a contact at each school, their requests (most of
// the school's referrals, so their lists show every stage, one waiting for a
// decision and one declined), summaries for school on the finished
// programmes, words children were happy to have quoted, and a spread of goal
// outcomes — not every child's scores rise — so the impact report shows a
// real distribution. Runs after the caseloads (demo-children.ts).

const newId = () => `c${randomUUID().replace(/-/g, "").slice(0, 24)}`;

/** Words with nothing in them that could identify a child: the demo's students marked them shareable. */
const SHAREABLE = [
  "I felt like she understood me.",
  "Online people can pretend to be anyone.",
  "I told my mum about the worry jar and she wants one too.",
];

export const DEMO_SCHOOL_CONTACTS = [
  { school: "Northwick Park Academy", name: "Rachel Bishop", email: "rachel.bishop@northwick.example.sch.uk" },
  { school: "Severn Vale High School", name: "Marcus Lane", email: "marcus.lane@severnvale.example.sch.uk" },
] as const;

export async function seedDemoSchools(
  db: Db,
  today: IsoDate,
  input: { teamId: string; adminId: string; passwordHash: string },
): Promise<DemoSignIn[]> {
  const schools = await db.school.findMany({ where: { teamId: input.teamId }, select: { id: true, name: true } });
  const signIns: DemoSignIn[] = [];
  const contacts = DEMO_SCHOOL_CONTACTS.map((contact) => {
    const school = schools.find((row) => row.name === contact.school)!;
    signIns.push({ role: "SCHOOL_CONTACT", name: contact.name, email: contact.email });
    return { id: newId(), schoolId: school.id, ...contact };
  });
  await db.user.createMany({
    data: contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      email: contact.email,
      role: "SCHOOL_CONTACT" as const,
      organisationId: input.teamId,
      schoolId: contact.schoolId,
      passwordHash: input.passwordHash,
    })),
  });

  // Most of each school's referrals came through its contact.
  for (const contact of contacts)
    await db.referral.updateMany({
      where: { schoolId: contact.schoolId },
      data: { requestedById: contact.id, referrerName: contact.name, referrerRole: "Designated safeguarding lead" },
    });

  // Two newer requests: one waiting for the manager, one declined with the reason the school sees.
  const [northwick, severnVale] = contacts;
  const pupils = [
    { contact: northwick, firstName: "Lily", lastName: "Carter", dob: "2014-03-12", year: 7, code: "C-70101" },
    { contact: severnVale, firstName: "Noah", lastName: "Briggs", dob: "2012-10-02", year: 9, code: "C-70102" },
  ];
  for (const [index, pupil] of pupils.entries()) {
    const child = await db.child.create({
      data: {
        code: pupil.code,
        teamId: input.teamId,
        firstName: pupil.firstName,
        lastName: pupil.lastName,
        dateOfBirth: fromIsoDate(pupil.dob),
        schoolId: pupil.contact.schoolId,
        yearGroup: pupil.year,
      },
    });
    const declined = index === 1;
    await db.referral.create({
      data: {
        childId: child.id,
        schoolId: pupil.contact.schoolId,
        receivedOn: fromIsoDate(addDays(today, declined ? -6 : -1)),
        referrerName: pupil.contact.name,
        referrerRole: "Designated safeguarding lead",
        reason: declined
          ? "Struggling with exam stress and sleeping badly."
          : "Withdrawn since a family bereavement; has stopped joining in at break.",
        parentConsent: "GIVEN",
        parentConsentOn: fromIsoDate(addDays(today, declined ? -8 : -3)),
        childAgreement: true,
        requestedById: pupil.contact.id,
        ...(declined
          ? {
              decision: "DECLINED" as const,
              decisionReason:
                "The school's own wellbeing mentor and the school nurse are the right support for exam stress; we have shared a sleep guide.",
              decidedOn: fromIsoDate(addDays(today, -4)),
              decidedById: input.adminId,
            }
          : {}),
      },
    });
  }

  await db.directWorkProgramme.updateMany({
    where: { closedAt: { not: null }, allocation: { child: { teamId: input.teamId } } },
    data: {
      summaryForSchool:
        "Six weekly sessions on feelings and friendships. The pupil has a calming plan they use in class and can name two trusted adults; please keep the weekly check-in going.",
    },
  });
  await db.programmeSession.updateMany({
    where: { childsWords: { in: SHAREABLE }, programme: { allocation: { child: { teamId: input.teamId } } } },
    data: { childsWordsShareable: true },
  });

  // Not every child's scores rise: some stay the same, a few fall, so the distribution is honest.
  const ended = await db.outcomeGoal.findMany({
    where: {
      endScore: { not: null },
      startScore: { not: null },
      programme: { allocation: { child: { teamId: input.teamId } } },
    },
    orderBy: { id: "asc" },
    select: { id: true, startScore: true },
  });
  for (const [index, goal] of ended.entries()) {
    const start = goal.startScore!;
    if (index % 7 === 3)
      await db.outcomeGoal.update({ where: { id: goal.id }, data: { endScore: Math.max(0, start - 1) } });
    else if (index % 5 === 1) await db.outcomeGoal.update({ where: { id: goal.id }, data: { endScore: start } });
    else if (index % 4 === 2)
      await db.outcomeGoal.update({ where: { id: goal.id }, data: { endScore: Math.min(10, start + 1) } });
  }
  return signIns;
}
