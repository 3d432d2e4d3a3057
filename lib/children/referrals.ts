import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { childrenIdentifiableTo } from "@/lib/access/children";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { changedFields, createdFields, writeAudit } from "@/lib/audit";
import { fromIsoDate, todayInUk } from "@/lib/dates";
import { createReferralSchema, decideReferralSchema } from "@/lib/validations/children";

// A school (or a parent through the school) asks for support. The team
// agrees to direct work only once the parent or carer has consented and the
// child has agreed (DOMAIN.md: early help direct work in schools).

export async function recordReferral(user: SessionUser, input: unknown) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden("Only the team manager records referrals.");
  const data = createReferralSchema.parse(input);
  if (data.receivedOn > todayInUk())
    throw new AppError("validation", "Check the highlighted fields.", {
      receivedOn: ["A referral cannot be received in the future"],
    });
  return getDb().$transaction(async (tx) => {
    const child = await tx.child.findFirst({
      where: { AND: [childrenIdentifiableTo(user), { id: data.childId }] },
      select: { id: true },
    });
    if (!child)
      throw new AppError("validation", "Check the highlighted fields.", { childId: ["Choose a child of the team"] });
    if (data.schoolId && !(await tx.school.findFirst({ where: { id: data.schoolId, teamId: user.organisationId } }))) {
      throw new AppError("validation", "Check the highlighted fields.", {
        schoolId: ["Choose one of the team's partner schools"],
      });
    }
    const referral = await tx.referral.create({
      data: {
        ...data,
        receivedOn: fromIsoDate(data.receivedOn),
        parentConsentOn: data.parentConsentOn ? fromIsoDate(data.parentConsentOn) : null,
      },
    });
    await writeAudit(tx, user, {
      action: "CREATE",
      entity: "Referral",
      entityId: referral.id,
      changes: createdFields(referral),
    });
    return { id: referral.id };
  });
}

/** Accept, signpost or decline. Acceptance needs the parent or carer's consent and the child's agreement on record. */
export async function decideReferral(user: SessionUser, referralId: string, input: unknown) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden("Only the team manager decides referrals.");
  const data = decideReferralSchema.parse(input);
  return getDb().$transaction(async (tx) => {
    const referral = await tx.referral.findFirst({ where: { id: referralId, child: childrenIdentifiableTo(user) } });
    if (!referral) throw notFound("That referral");
    if (referral.decision !== "PENDING") throw conflict("This referral has already been decided.");
    if (data.decision === "ACCEPTED" && (referral.parentConsent !== "GIVEN" || !referral.childAgreement)) {
      throw new AppError(
        "conflict",
        "A referral can only be accepted once the parent or carer's consent and the child's agreement are recorded.",
        {
          decision: ["Record consent and the child's agreement first"],
        },
      );
    }
    if (data.decidedOn < referral.receivedOn.toISOString().slice(0, 10)) {
      throw new AppError("validation", "Check the highlighted fields.", {
        decidedOn: ["The decision cannot come before the referral"],
      });
    }
    const next = {
      decision: data.decision,
      decisionReason: data.decisionReason,
      decidedOn: fromIsoDate(data.decidedOn),
      decidedById: user.id,
    };
    await tx.referral.update({ where: { id: referral.id }, data: { ...next, version: { increment: 1 } } });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "Referral",
      entityId: referral.id,
      changes: changedFields(referral, next),
    });
    return { id: referral.id, decision: data.decision };
  });
}

/** Record that consent has now been given (or refused) on a pending referral. */
export async function updateReferralConsent(
  user: SessionUser,
  referralId: string,
  input: { parentConsent: string; parentConsentOn?: string | null; childAgreement: boolean; version: number },
) {
  assertVerifiedUser(user);
  if (user.role !== "ADMIN") throw forbidden("Only the team manager updates referrals.");
  const parsed = createReferralSchema
    .pick({ parentConsent: true, parentConsentOn: true, childAgreement: true })
    .parse(input);
  return getDb().$transaction(async (tx) => {
    const referral = await tx.referral.findFirst({ where: { id: referralId, child: childrenIdentifiableTo(user) } });
    if (!referral) throw notFound("That referral");
    if (referral.version !== input.version)
      throw conflict("Someone else changed this referral after you opened it. Reload and try again.");
    const next = {
      parentConsent: parsed.parentConsent,
      parentConsentOn: parsed.parentConsentOn ? fromIsoDate(parsed.parentConsentOn) : null,
      childAgreement: parsed.childAgreement,
    };
    await tx.referral.update({ where: { id: referral.id }, data: { ...next, version: { increment: 1 } } });
    await writeAudit(tx, user, {
      action: "UPDATE",
      entity: "Referral",
      entityId: referral.id,
      changes: changedFields(referral, next),
    });
    return { id: referral.id };
  });
}
