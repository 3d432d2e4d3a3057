import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { assertVerifiedUser } from "@/lib/access/require-user";
import { canWriteChildWork } from "@/lib/access/children";
import { command, parseId } from "@/lib/core/command";
import { writeAudit } from "@/lib/audit";
import { AppError, conflict, forbidden, parseInput } from "@/lib/errors";
import { auditCreated } from "@/lib/children/child-audit";
import { loadSession, mayWriteDirectWork, WRITERS_ONLY } from "@/lib/children/direct-work/load";
import { childFeedbackSchema, FEEDBACK_LINK_DAYS, MAX_FEEDBACK_PER_SESSION } from "@/lib/validations/direct-work";

// The child's own feedback on a session (docs/domain.md, "Children's work"):
// on the tablet the student hands the child, or through a one-time link a
// carer opens without signing in. The child-friendly screen reads and returns
// nothing about the child. Feedback may still come after the programme is
// closed.

const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** Only a session that took place (or is still planned, on its day) takes feedback. */
function assertTookPlace(session: { status: string }) {
  if (session.status === "DID_NOT_ATTEND" || session.status === "CANCELLED")
    throw conflict("Feedback can only be given on a session that took place.");
}

/** For the tablet screen: checks the user may hand the child the screen for this session, and returns nothing about the child. */
export async function openFeedbackInPerson(user: SessionUser, sessionId: string) {
  assertVerifiedUser(user);
  const session = await loadSession(getDb(), user, parseId(sessionId, "That session"));
  if (!canWriteChildWork(user, session.allocation)) throw forbidden(WRITERS_ONLY);
  assertTookPlace(session);
  return { sessionId: session.id, programmeId: session.programmeId };
}

/** A one-time link a carer can use within 7 days. The token is returned once and only its hash is stored. */
export const createFeedbackLink = command({
  parse: (sessionId: string) => ({ sessionId: parseId(sessionId, "That session") }),
  load: ({ tx, user }, input) => loadSession(tx, user, input.sessionId),
  allow: mayWriteDirectWork,
  async run({ tx, user, audit }, session) {
    assertTookPlace(session);
    if ((await tx.feedbackLink.count({ where: { sessionId: session.id } })) >= MAX_FEEDBACK_PER_SESSION)
      throw conflict(`This session has had ${MAX_FEEDBACK_PER_SESSION} links already: no more can be made for it.`);
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + FEEDBACK_LINK_DAYS * 24 * 60 * 60 * 1000);
    const link = await tx.feedbackLink.create({
      data: { sessionId: session.id, tokenHash: hashToken(token), expiresAt, createdById: user.id },
    });
    // The token is the permission: only its hash's row id is audited, never the token.
    await audit.entry("CREATE", "FeedbackLink", link.id, { sessionId: session.id, expiresAt });
    return { token, path: `/f/${token}`, expiresAt: expiresAt.toISOString() };
  },
});

async function assertRoomForFeedback(tx: Tx, sessionId: string) {
  if ((await tx.childFeedback.count({ where: { sessionId } })) >= MAX_FEEDBACK_PER_SESSION)
    throw conflict(`This session has ${MAX_FEEDBACK_PER_SESSION} answers already: no more can be added to it.`);
}

/** The child gives feedback on the tablet the student hands them. */
export const submitFeedbackInPerson = command({
  parse: (sessionId: string, body: unknown) => ({ sessionId: parseId(sessionId, "That session"), body }),
  input: childFeedbackSchema,
  load: ({ tx, user }, input) => loadSession(tx, user, input.sessionId),
  allow: mayWriteDirectWork,
  async run({ tx, audit }, session, data) {
    assertTookPlace(session);
    await assertRoomForFeedback(tx, session.id);
    const feedback = await tx.childFeedback.create({
      data: {
        sessionId: session.id,
        rating: data.rating,
        whatWasGood: data.whatWasGood,
        whatCouldBeBetter: data.whatCouldBeBetter,
        givenBy: "CHILD",
      },
    });
    await auditCreated(audit, "ChildFeedback", feedback, { via: "in person" });
    return { ok: true as const };
  },
});

export type FeedbackLinkState = "VALID" | "USED" | "EXPIRED" | "UNKNOWN";

/** Whether a carer's link can still be used. Says nothing else. */
export async function feedbackLinkState(token: string): Promise<FeedbackLinkState> {
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) return "UNKNOWN";
  const link = await getDb().feedbackLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  if (!link) return "UNKNOWN";
  if (link.usedAt) return "USED";
  if (link.expiresAt <= new Date()) return "EXPIRED";
  return "VALID";
}

// The carer reads these on the child-friendly screen: plain words, nothing about the child.
const linkUnknown = () => new AppError("not_found", "This link does not work. Please ask for a new one.");
const linkUsed = () => conflict("This link has already been used. Please ask for a new one if you want to say more.");
const linkExpired = () => conflict("This link has expired. Please ask for a new one.");

/**
 * A carer (or the child) sends feedback through a one-time link, without
 * signing in. Not a command: there is no signed-in user, the token is the
 * permission. One transaction uses the link up and saves the feedback, and
 * the audit entry has no actor.
 */
export async function submitFeedbackWithLink(token: string, input: unknown) {
  const data = parseInput(childFeedbackSchema, input);
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) throw linkUnknown();
  return getDb().$transaction(async (tx) => {
    const link = await tx.feedbackLink.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!link) throw linkUnknown();
    if (link.usedAt) throw linkUsed();
    const now = new Date();
    if (link.expiresAt <= now) throw linkExpired();
    const { count } = await tx.feedbackLink.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0) throw linkUsed();
    const feedback = await tx.childFeedback.create({
      data: {
        sessionId: link.sessionId,
        rating: data.rating,
        whatWasGood: data.whatWasGood,
        whatCouldBeBetter: data.whatCouldBeBetter,
        givenBy: "CARER",
      },
    });
    await writeAudit(tx, null, {
      action: "CREATE",
      entity: "ChildFeedback",
      entityId: feedback.id,
      changes: { sessionId: link.sessionId, rating: data.rating, via: "one-time link", linkId: link.id },
    });
    return { ok: true as const };
  });
}
