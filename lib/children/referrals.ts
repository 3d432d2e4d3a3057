import "server-only";
import { canHandleReferrals, childrenIdentifiableTo } from "@/lib/access/children";
import { command, parseId } from "@/lib/core/command";
import { conflict, fieldError, notFound } from "@/lib/errors";
import { idInBody } from "@/lib/children/located";
import { fromIsoDate, toIsoDate } from "@/lib/dates";
import { auditCreated, auditUpdated } from "@/lib/children/child-audit";
import { requirePartnerSchool } from "@/lib/children/child-records";
import { createReferralSchema, decideReferralSchema } from "@/lib/validations/children";
import { notifyRequestingSchool } from "@/lib/schools/notify-school";

// A school (or a parent through the school) asks for support. The team
// agrees to direct work only once the parent or carer has consented and the
// child has agreed (docs/domain.md, "Children's work").

/** The team manager records a referral for one of the team's children. */
export const recordReferral = command({
  parse: (body: unknown) => ({ childId: idInBody(body, "childId", "That child's record"), body }),
  input: createReferralSchema,
  load: ({ tx, user }, { childId }) =>
    tx.child.findFirst({
      where: { AND: [childrenIdentifiableTo(user), { id: childId }] },
      select: { id: true, teamId: true, anonymisedAt: true },
    }),
  allow: (user) => canHandleReferrals(user) || "Only the team manager records referrals.",
  async run({ tx, audit }, child, data) {
    if (!child) throw fieldError("childId", "Choose a child of the team");
    if (child.anonymisedAt) throw conflict("This record has been anonymised: a referral cannot be added to it.");
    await requirePartnerSchool(tx, child.teamId, data.schoolId);
    const referral = await tx.referral.create({
      data: {
        childId: child.id,
        schoolId: data.schoolId,
        receivedOn: fromIsoDate(data.receivedOn),
        referrerName: data.referrerName,
        referrerRole: data.referrerRole,
        reason: data.reason,
        parentConsent: data.parentConsent,
        parentConsentOn: data.parentConsentOn ? fromIsoDate(data.parentConsentOn) : null,
        childAgreement: data.childAgreement,
      },
    });
    await auditCreated(audit, "Referral", referral);
    return { id: referral.id };
  },
});

/** Accept, signpost or decline. Acceptance needs the parent or carer's consent and the child's agreement on record. */
export const decideReferral = command({
  parse: (referralId: string, body: unknown) => ({ referralId: parseId(referralId, "That referral"), body }),
  input: decideReferralSchema,
  async load({ tx, user }, input) {
    const referral = await tx.referral.findFirst({
      where: { id: input.referralId, child: childrenIdentifiableTo(user) },
    });
    if (!referral) throw notFound("That referral");
    return referral;
  },
  allow: (user) => canHandleReferrals(user) || "Only the team manager decides referrals.",
  async run({ tx, user, audit }, referral, data) {
    if (referral.decision !== "PENDING") throw conflict("This referral has already been decided.");
    if (data.decision === "ACCEPTED" && (referral.parentConsent !== "GIVEN" || !referral.childAgreement))
      throw conflict(
        "A referral can only be accepted once the parent or carer's consent and the child's agreement are recorded.",
      );
    if (data.decidedOn < toIsoDate(referral.receivedOn))
      throw fieldError("decidedOn", "The decision cannot come before the referral");
    const next = {
      decision: data.decision,
      decisionReason: data.decisionReason,
      decidedOn: fromIsoDate(data.decidedOn),
      decidedById: user.id,
    };
    // Only a pending referral is decided: two decisions at the same moment cannot both win.
    const { count } = await tx.referral.updateMany({
      where: { id: referral.id, decision: "PENDING" },
      data: { ...next, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("This referral has already been decided.");
    await auditUpdated(audit, "Referral", referral.id, referral, next, {
      from: referral.version,
      to: referral.version + 1,
    });
    // A school that asked through the app hears the answer there, with the reason for a "no" (lib/schools).
    if (referral.requestedById) await notifyRequestingSchool(tx, referral.requestedById, data);
    return { id: referral.id, decision: data.decision };
  },
});
