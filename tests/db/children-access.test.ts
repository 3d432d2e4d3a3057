/** @jest-environment node */
import { useTestDatabase } from "../support/test-database";
import { buildWorld, type World } from "../support/world";
import { buildChildren, type ChildrenWorld } from "../support/children-world";
import { getChild, listChildren } from "@/lib/children/children";
import { createChild, updateChild } from "@/lib/children/child-records";
import { anonymiseChild, exportChildRecord, listChildViewers } from "@/lib/children/data-protection";
import { allocateChildren, endAllocation, listCaseload } from "@/lib/children/allocations";
import { signOffLifeStoryAllocation } from "@/lib/children/life-story";
import { decideReferral, recordReferral } from "@/lib/children/referrals";
import { raiseSafeguardingConcern } from "@/lib/children/safeguarding";
import { WITHHELD } from "@/lib/children/child-audit";
import { AppError, toAppError } from "@/lib/errors";
import { addDays } from "@/lib/dates";

const { db } = useTestDatabase();

let world: World;
let kids: ChildrenWorld;
beforeAll(async () => {
  world = await buildWorld();
  kids = await buildChildren(world);
});

async function statusOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

type Who = keyof World["users"];

// What each person may see of child A (allocated to student A, overseen by PE A): the name, the code only, or nothing.
const childAView: Record<Who, "name" | "code" | "none"> = {
  admin: "name",
  otherAdmin: "none",
  peA: "name",
  pePast: "none", // no longer the student's PE
  peB: "none",
  peOther: "none",
  onsiteA: "code",
  onsiteOther: "none",
  studentA: "name",
  studentB: "none",
  studentOther: "none",
  tutorA: "none", // tutors never see children's records
  tutorB: "none",
};

describe("who may see a child", () => {
  it.each(Object.keys(childAView) as Who[])(
    "%s sees child A's record as the rules say, in the list, the record and the caseload alike",
    async (who) => {
      const user = world.users[who];
      const expected = childAView[who];
      const listed = (await listChildren(user)).find((child) => child.id === kids.childA.id);
      const record = await getChild(user, kids.childA.id).catch((error) => error);
      const caseload = (await listCaseload(user)).find((row) => row.child.id === kids.childA.id);
      if (expected === "none") {
        expect(listed).toBeUndefined();
        expect(record).toBeInstanceOf(AppError);
        expect(record.status).toBe(404);
        expect(caseload).toBeUndefined();
      } else {
        const name = expected === "name" ? "Alfie Archer" : null;
        expect(listed?.name).toBe(name);
        expect(record.child.name).toBe(name);
        expect(record.child.code).toBe("C-1001");
        expect(record.contacts.length).toBe(expected === "name" ? 1 : 0);
        expect(caseload?.child.name).toBe(name);
      }
      // Never a name in anything serialised for those who may not see it.
      if (expected !== "name") expect(JSON.stringify([listed, record, caseload])).not.toMatch(/Alfie|Archer/);
    },
  );

  it("search by name finds only children the user may identify; search by code needs the child to be visible", async () => {
    expect((await listChildren(world.users.studentA, { q: "Alfie" })).map((child) => child.code)).toEqual(["C-1001"]);
    expect(await listChildren(world.users.studentA, { q: "Bella" })).toEqual([]);
    expect(await listChildren(world.users.onsiteA, { q: "Alfie" })).toEqual([]);
    expect(await listChildren(world.users.tutorA, { q: "C-1001" })).toEqual([]);
  });

  it("an unallocated child is visible to the team manager only", async () => {
    expect(await statusOf(getChild(world.users.admin, kids.childUnallocated.id))).toBe(200);
    for (const who of ["peA", "peB", "studentA", "onsiteA", "tutorA"] as const)
      expect(await statusOf(getChild(world.users[who], kids.childUnallocated.id))).toBe(404);
  });

  it("audits every read that shows a name, and the team manager can list who viewed the child", async () => {
    const before = await db().auditLog.count({ where: { entity: "Child", entityId: kids.childA.id, action: "VIEW" } });
    await getChild(world.users.studentA, kids.childA.id);
    await getChild(world.users.onsiteA, kids.childA.id); // code only: not an identifiable read
    expect(await db().auditLog.count({ where: { entity: "Child", entityId: kids.childA.id, action: "VIEW" } })).toBe(
      before + 1,
    );
    const viewers = await listChildViewers(world.users.admin, kids.childA.id);
    expect(viewers[0]).toMatchObject({ actorName: world.users.studentA.name, action: "VIEW", context: "child record" });
    expect(await statusOf(listChildViewers(world.users.peA, kids.childA.id))).toBe(403);
  });

  it("loses sight of the name when the allocation ends", async () => {
    const { ids } = await allocateChildren(world.users.admin, {
      childIds: [kids.childUnallocated.id],
      placementId: world.placementB.id,
      kind: "DIRECT_WORK",
      startDate: world.today,
    });
    expect((await getChild(world.users.studentB, kids.childUnallocated.id)).child.name).toBe("Casey Clarke");
    await endAllocation(world.users.admin, ids[0], { endDate: world.today });
    expect(await statusOf(getChild(world.users.studentB, kids.childUnallocated.id))).toBe(404);
  });
});

describe("the names of the people in a child's record", () => {
  it("are shown to a student only where the student could read them elsewhere; another university's student is named by role", async () => {
    // Student B (University B) also works with child A, and raises a concern about them.
    const {
      ids: [allocationId],
    } = await allocateChildren(world.users.admin, {
      childIds: [kids.childA.id],
      placementId: world.placementB.id,
      kind: "LIFE_STORY",
      startDate: world.today,
    });
    await raiseSafeguardingConcern(world.users.studentB, {
      childId: kids.childA.id,
      description: "Something the child said at school.",
    });
    const raisedBy = async (who: Who) =>
      (await getChild(world.users[who], kids.childA.id)).safeguarding.map((concern) => concern.raisedByName);
    expect(await raisedBy("studentA")).toEqual(["A student from another university"]);
    expect(JSON.stringify(await getChild(world.users.studentA, kids.childA.id))).not.toContain(
      world.users.studentB.name,
    );
    // The team's staff know who is placed with them; student B knows themself.
    for (const who of ["admin", "peA", "studentB"] as const)
      expect(await raisedBy(who)).toEqual([world.users.studentB.name]);
    // Student A's own work names their own practice educator.
    expect(
      (await getChild(world.users.studentA, kids.childA.id)).allocations.map((row) => row.overseeingPeName),
    ).toEqual([world.users.peA.name]);
    await endAllocation(world.users.admin, allocationId, { endDate: world.today });
  });
});

describe("records, referrals and allocations", () => {
  it("creates a child with a pseudonymous code; only the team manager may", async () => {
    const { code } = await createChild(world.users.admin, {
      firstName: "Dylan",
      lastName: "Day",
      dateOfBirth: "2012-01-31",
      schoolId: kids.school.id,
      yearGroup: 9,
      contacts: [],
    });
    expect(code).toMatch(/^C-\d{4,6}$/);
    for (const who of ["peA", "studentA", "tutorA"] as const) {
      expect(
        await statusOf(createChild(world.users[who], { firstName: "X", lastName: "Y", dateOfBirth: "2012-01-31" })),
      ).toBe(403);
    }
  });

  it("refuses to accept a referral before consent is recorded, and nothing changes", async () => {
    const { id } = await recordReferral(world.users.admin, {
      childId: kids.childUnallocated.id,
      schoolId: kids.school.id,
      receivedOn: world.today,
      referrerName: "Ms Head",
      referrerRole: "Designated safeguarding lead",
      reason: "Low mood",
      parentConsent: "PENDING",
      childAgreement: false,
    });
    const error = toAppError(
      await decideReferral(world.users.admin, id, { decision: "ACCEPTED", decidedOn: world.today }).catch(
        (caught) => caught,
      ),
    );
    expect(error?.status).toBe(409);
    expect((await db().referral.findUniqueOrThrow({ where: { id } })).decision).toBe("PENDING");
    await decideReferral(world.users.admin, id, {
      decision: "SIGNPOSTED",
      decisionReason: "School counsellor is better placed",
      decidedOn: world.today,
    });
    expect((await db().referral.findUniqueOrThrow({ where: { id } })).decision).toBe("SIGNPOSTED");
  });

  it("refuses an allocation to a student whose placement is not active", async () => {
    await db().placement.update({ where: { id: world.placementB.id }, data: { status: "SUSPENDED" } });
    const before = await db().allocation.count();
    const error = toAppError(
      await allocateChildren(world.users.admin, {
        childIds: [kids.childB.id],
        placementId: world.placementB.id,
        kind: "LIFE_STORY",
        startDate: world.today,
      }).catch((caught) => caught),
    );
    expect(error?.status).toBe(409);
    expect(await db().allocation.count()).toBe(before);
    await db().placement.update({ where: { id: world.placementB.id }, data: { status: "ACTIVE" } });
  });

  it("sets an assessment due 45 working days after it starts", async () => {
    const { ids } = await allocateChildren(world.users.admin, {
      childIds: [kids.childA.id],
      placementId: world.placementA.id,
      kind: "ASSESSMENT",
      startDate: addDays(world.today, -1),
    });
    const assessment = await db().childAssessment.findUniqueOrThrow({ where: { allocationId: ids[0] } });
    const { addWorkingDays } = await import("@/lib/calendar/working-days");
    expect(assessment.dueDate.toISOString().slice(0, 10)).toBe(addWorkingDays(addDays(world.today, -1), 45));
  });

  it("lets a PE allocate only to their own students, and sign off only life story work they oversee", async () => {
    expect(
      await statusOf(
        allocateChildren(world.users.peB, {
          childIds: [kids.childA.id],
          placementId: world.placementA.id,
          kind: "DIRECT_WORK",
          startDate: world.today,
        }),
      ),
    ).toBe(403);
    const { ids } = await allocateChildren(world.users.peA, {
      childIds: [kids.childA.id],
      placementId: world.placementA.id,
      kind: "LIFE_STORY",
      startDate: world.today,
    });
    // Life story work keeps the child's record to the 75th birthday (born 4 May 2013).
    expect((await getChild(world.users.peA, kids.childA.id)).retainUntil).toBe("2088-05-04");
    expect(await statusOf(signOffLifeStoryAllocation(world.users.studentA, ids[0]))).toBe(403);
    expect(await statusOf(signOffLifeStoryAllocation(world.users.peA, ids[0]))).toBe(200);
    expect(await statusOf(signOffLifeStoryAllocation(world.users.peA, ids[0]))).toBe(409);
  });

  it("exports a child's record for a subject access request (admin only, audited) and anonymises only after retention", async () => {
    const exported = await exportChildRecord(world.users.admin, kids.childA.id);
    expect(exported.child).toMatchObject({ firstName: "Alfie", code: "C-1001" });
    expect(await statusOf(exportChildRecord(world.users.peA, kids.childA.id))).toBe(403);
    expect(await db().auditLog.count({ where: { entity: "Child", entityId: kids.childA.id, action: "EXPORT" } })).toBe(
      1,
    );

    expect(await statusOf(anonymiseChild(world.users.admin, kids.childA.id))).toBe(409); // born 2013: kept for years yet
    await db().child.update({ where: { id: kids.childB.id }, data: { dateOfBirth: new Date("1990-01-01T00:00:00Z") } });
    const { id: concernId } = await raiseSafeguardingConcern(world.users.studentB, {
      childId: kids.childB.id,
      description: "Bella said Bella Brooks's brother (C-2002) frightens her.",
    });
    await anonymiseChild(world.users.admin, kids.childB.id);
    const anonymised = await getChild(world.users.admin, kids.childB.id);
    expect(anonymised.child).toMatchObject({ name: null, code: "C-2002", anonymised: true });
    expect(await db().childContact.count({ where: { childId: kids.childB.id } })).toBe(0);
    // The child's names come out of the free text the work keeps.
    expect((await db().safeguardingConcern.findUniqueOrThrow({ where: { id: concernId } })).description).toBe(
      "[name] said [name] [name]'s brother ([child]) frightens her.",
    );
  });

  it("audits which of a child's details changed and who changed them, never the name or the date of birth", async () => {
    const { id } = await createChild(world.users.admin, {
      firstName: "Zara",
      lastName: "Quill",
      dateOfBirth: "2011-03-03",
      contacts: [{ name: "Yusuf Quill", relationship: "Father", phone: "07700 900123", consent: "GIVEN" }],
    });
    await updateChild(world.users.admin, id, {
      firstName: "Zarah",
      lastName: "Quill",
      dateOfBirth: "2011-03-04",
      schoolId: null,
      yearGroup: 10,
      version: 1,
    });
    const audit = await db().auditLog.findMany({ where: { entity: "Child", entityId: id }, orderBy: { at: "asc" } });
    expect(audit.map((row) => row.action)).toEqual(["CREATE", "UPDATE"]);
    expect(audit[0].changes).toMatchObject({ firstName: WITHHELD, dateOfBirth: WITHHELD, contacts: 1 });
    expect(audit[1].changes).toEqual({
      firstName: { from: WITHHELD, to: WITHHELD },
      dateOfBirth: { from: WITHHELD, to: WITHHELD },
      yearGroup: { from: null, to: 10 },
      version: { from: 1, to: 2 },
    });
    expect(JSON.stringify(audit)).not.toMatch(/Zara|Quill|Yusuf|07700|2011-03/);
  });

  it("refuses a stale edit of a child's record", async () => {
    const record = await getChild(world.users.admin, kids.childA.id);
    const edit = {
      firstName: "Alfie",
      lastName: "Archer",
      dateOfBirth: "2013-05-04",
      schoolId: kids.school.id,
      yearGroup: 9,
      version: record.version,
    };
    await updateChild(world.users.admin, kids.childA.id, edit);
    expect(await statusOf(updateChild(world.users.admin, kids.childA.id, { ...edit, yearGroup: 10 }))).toBe(409);
  });
});
