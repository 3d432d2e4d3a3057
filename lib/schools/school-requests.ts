import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canTriageSchoolRequests, canRequestSupport, schoolReferralsVisibleTo } from "@/lib/access/schools";
import { childrenIdentifiableTo } from "@/lib/access/children";
import { command } from "@/lib/core/command";
import { fieldError, forbidden } from "@/lib/errors";
import { fromIsoDate, todayInUk, toIsoDate } from "@/lib/dates";
import { notify } from "@/lib/notifications/notifications";
import { auditCreated } from "@/lib/children/child-audit";
import { keepRetentionDate, newChildCode } from "@/lib/children/child-records";
import { requestStatus, type RequestStatus } from "@/lib/schools/request-status";
import { schoolRequestSchema } from "@/lib/validations/school-requests";

// Partner schools ask for support through the app (docs/domain.md, "Partner
// schools"). A school contact sends a request for one of their pupils, with
// the parent's consent and the pupil's agreement; it lands in the team's
// referral list as a referral from that school, which the team manager
// accepts or declines (lib/children/referrals.ts tells the school). The
// school then follows its own requests' status and the student's short
// summary for school, and nothing else: no child record, no other school.

/** The school a contact's account is linked to, or null. */
export async function schoolOfContact(db: Tx | ReturnType<typeof getDb>, user: SessionUser) {
  if (user.role !== "SCHOOL_CONTACT") return null;
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: { school: { select: { id: true, name: true, teamId: true } } },
  });
  // A school of another team is no school of this account's.
  return row?.school && row.school.teamId === user.organisationId ? row.school : null;
}

const sameText = (value: string) => ({ equals: value, mode: "insensitive" as const });

/** A school contact asks the team to support one of their pupils. */
export const requestSupport = command({
  parse: (body: unknown) => ({ body }),
  input: schoolRequestSchema,
  load: ({ tx, user }) => schoolOfContact(tx, user),
  allow: (user, school) =>
    (canRequestSupport(user) && school !== null) ||
    "Only a partner school's contact asks for support here; ask the team to link your account to your school.",
  async run({ tx, user, audit }, school, data) {
    const mySchool = school!;
    if (data.schoolId && data.schoolId !== mySchool.id)
      throw fieldError("schoolId", "You can ask for support only for pupils of your own school");
    // The same child is one record: a pupil the team already knows at this school gets the request added.
    const known = await tx.child.findFirst({
      where: {
        teamId: mySchool.teamId,
        anonymisedAt: null,
        firstName: sameText(data.firstName),
        lastName: sameText(data.lastName),
        dateOfBirth: fromIsoDate(data.dateOfBirth),
      },
      select: { id: true, schoolId: true },
    });
    if (known && known.schoolId !== null && known.schoolId !== mySchool.id)
      throw fieldError(
        "firstName",
        "The team has this pupil at another school. Nothing was sent: call the team so they can check the details.",
      );
    const child =
      known ??
      (await tx.child.create({
        data: {
          code: await newChildCode(tx),
          teamId: mySchool.teamId,
          firstName: data.firstName,
          lastName: data.lastName,
          dateOfBirth: fromIsoDate(data.dateOfBirth),
          schoolId: mySchool.id,
          yearGroup: data.yearGroup,
        },
      }));
    if (!known) {
      await keepRetentionDate(tx, child.id);
      await auditCreated(audit, "Child", child as { id: string } & Record<string, unknown>, { via: "school request" });
    }
    const referral = await tx.referral.create({
      data: {
        childId: child.id,
        schoolId: mySchool.id,
        receivedOn: fromIsoDate(todayInUk()),
        referrerName: user.name,
        referrerRole: "School contact",
        reason: data.reason,
        parentConsent: "GIVEN",
        parentConsentOn: fromIsoDate(data.parentConsentOn),
        childAgreement: true,
        requestedById: user.id,
      },
    });
    await auditCreated(audit, "Referral", referral);
    const managers = await tx.user.findMany({
      where: { organisationId: mySchool.teamId, role: "ADMIN", active: true },
      select: { id: true },
    });
    await notify(
      tx,
      managers.map((manager) => manager.id),
      {
        kind: "school-request",
        title: `${mySchool.name} asks for support for a pupil`,
        body: "A new request for support is waiting for a decision.",
        link: "/school-requests",
      },
    );
    return { id: referral.id };
  },
});

/** Every name shown is a read of an identifiable record: one VIEW row per child, as on the children's pages. */
async function auditNamesShown(user: SessionUser, childIds: string[], context: string) {
  const ids = [...new Set(childIds)];
  if (ids.length === 0) return;
  await getDb().auditLog.createMany({
    data: ids.map((entityId) => ({
      actorId: user.id,
      organisationId: user.organisationId,
      action: "VIEW",
      entity: "Child",
      entityId,
      changes: { context },
    })),
  });
}

type RequestRow = {
  id: string;
  receivedOn: Date;
  decision: "PENDING" | "ACCEPTED" | "SIGNPOSTED" | "DECLINED";
  decisionReason: string | null;
  decidedOn: Date | null;
  child: {
    allocations: Array<{
      status: "ACTIVE" | "ENDED";
      programme: { closedAt: Date | null; summaryForSchool: string | null; _count: { sessions: number } } | null;
    }>;
  };
};

function workAfter(row: RequestRow) {
  return row.child.allocations.map((allocation) => ({
    status: allocation.status,
    programme: allocation.programme
      ? { closedAt: allocation.programme.closedAt, sessionsHeld: allocation.programme._count.sessions }
      : null,
  }));
}

const requestSelect = {
  id: true,
  childId: true,
  receivedOn: true,
  decision: true,
  decisionReason: true,
  decidedOn: true,
  child: {
    select: {
      firstName: true,
      lastName: true,
      code: true,
      allocations: {
        where: { kind: "DIRECT_WORK" as const },
        orderBy: { startDate: "asc" as const },
        select: {
          status: true,
          startDate: true,
          programme: {
            select: {
              closedAt: true,
              summaryForSchool: true,
              _count: { select: { sessions: { where: { status: "ATTENDED" as const } } } },
            },
          },
        },
      },
    },
  },
};

export type SchoolRequestSummary = {
  id: string;
  pupil: string;
  receivedOn: string;
  status: RequestStatus;
  declineReason: string | null;
  summaryForSchool: string | null;
};

/**
 * A school contact's list: their own school's requests, newest first, with
 * where each has got to and, once finished, the student's summary for school.
 * The pupil's name is the school's own knowledge; the read is audited.
 */
export async function listOwnSchoolRequests(user: SessionUser) {
  assertVerifiedUser(user);
  if (!canRequestSupport(user)) throw forbidden("Only a partner school's contact follows requests here.");
  const db = getDb();
  const school = await schoolOfContact(db, user);
  if (!school) return { school: null, requests: [] as SchoolRequestSummary[] };
  const rows = await db.referral.findMany({
    where: schoolReferralsVisibleTo(user, school.id),
    orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: requestSelect,
  });
  await auditNamesShown(
    user,
    rows.map((row) => row.childId),
    "school's own requests",
  );
  const requests = rows.map((row): SchoolRequestSummary => {
    // Only the work that started once the request came in answers it.
    const answering = {
      ...row,
      child: { allocations: row.child.allocations.filter((a) => a.startDate >= row.receivedOn) },
    };
    const status = requestStatus({ decision: row.decision, work: workAfter(answering) });
    const last = answering.child.allocations.at(-1);
    return {
      id: row.id,
      pupil: `${row.child.firstName} ${row.child.lastName}`,
      receivedOn: toIsoDate(row.receivedOn),
      status,
      declineReason: row.decision === "DECLINED" || row.decision === "SIGNPOSTED" ? row.decisionReason : null,
      summaryForSchool: status === "FINISHED" ? (last?.programme?.summaryForSchool ?? null) : null,
    };
  });
  return { school: { id: school.id, name: school.name }, requests };
}

/** The team manager's list of requests from schools: the undecided first, then the latest decided. */
export async function listSchoolRequestsToTriage(user: SessionUser) {
  assertVerifiedUser(user);
  if (!canTriageSchoolRequests(user)) throw forbidden("Only the team manager triages the schools' requests.");
  const rows = await getDb().referral.findMany({
    where: { schoolId: { not: null }, child: childrenIdentifiableTo(user) },
    orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
    take: 100,
    select: {
      ...requestSelect,
      reason: true,
      referrerName: true,
      parentConsent: true,
      childAgreement: true,
      requestedById: true,
      school: { select: { name: true } },
    },
  });
  await auditNamesShown(
    user,
    rows.map((row) => row.childId),
    "school requests to triage",
  );
  const present = rows.map((row) => ({
    id: row.id,
    childId: row.childId,
    child: `${row.child.firstName} ${row.child.lastName} (${row.child.code})`,
    school: row.school?.name ?? "",
    referrer: row.referrerName,
    throughTheApp: row.requestedById !== null,
    reason: row.reason,
    consentRecorded: row.parentConsent === "GIVEN" && row.childAgreement,
    receivedOn: toIsoDate(row.receivedOn),
    decision: row.decision,
    status: requestStatus({
      decision: row.decision,
      work: workAfter({
        ...row,
        child: { allocations: row.child.allocations.filter((a) => a.startDate >= row.receivedOn) },
      }),
    }),
  }));
  return {
    pending: present.filter((row) => row.decision === "PENDING"),
    decided: present.filter((row) => row.decision !== "PENDING").slice(0, 30),
  };
}
