import "server-only";
import type { SessionUser } from "@/lib/auth/session-user";
import { accountsManagedBy, canManageAccounts } from "@/lib/access/admin";
import { command, parseId, type CommandContext } from "@/lib/core/command";
import { invalid, notFound } from "@/lib/errors";
import { issueLink, linkPath } from "@/lib/auth/account-links";
import { invitationEmail } from "@/lib/auth/account-emails";
import { endSessionsOf } from "@/lib/auth/sessions";
import { removeTwoFactor } from "@/lib/auth/two-factor";
import { appUrl, sendEmail } from "@/lib/notifications/email";

// Invitations (issue 11): the team manager adds a person without a password;
// they get an email with a one-time link (7 days) to choose one. The manager
// can send a new link (the old one stops working) or withdraw it.

const MANAGE_ACCOUNTS = "Only the team manager can manage accounts.";
const mayManage = (user: SessionUser) => canManageAccounts(user) || MANAGE_ACCOUNTS;

/** Issues an invitation link inside the caller's command and emails it once the change is committed. */
export async function sendInvitation(ctx: CommandContext, person: { id: string; name: string; email: string }) {
  const token = await issueLink(ctx.tx, person.id, "INVITATION", ctx.user.id);
  const team = await ctx.tx.organisation.findUnique({ where: { id: ctx.user.organisationId }, select: { name: true } });
  const message = invitationEmail(person.name, appUrl(linkPath(token)), team?.name ?? "Your team");
  ctx.afterCommit(() => sendEmail({ to: person.email, ...message }));
}

async function loadManaged(ctx: CommandContext, userId: string) {
  const person = await ctx.tx.user.findFirst({
    where: { AND: [accountsManagedBy(ctx.user), { id: userId }] },
    select: { id: true, name: true, email: true, active: true, passwordHash: true },
  });
  if (!person) throw notFound("That account");
  return person;
}

/** A new invitation link for someone who has not set a password yet; the earlier link stops working. */
export const resendInvitation = command({
  parse: (userId: string) => ({ userId: parseId(userId, "That account") }),
  load: (ctx, { userId }) => loadManaged(ctx, userId),
  allow: mayManage,
  async run(ctx, person) {
    if (!person.active) throw invalid("This account is deactivated: reactivate it before inviting the person.");
    if (person.passwordHash)
      throw invalid("This person has already set a password: there is nothing to invite them to.");
    await sendInvitation(ctx, person);
    await ctx.audit.entry("UPDATE", "User", person.id, { invitation: "sent again" });
    return { sent: true };
  },
});

/** Withdraws an unused invitation: its link stops working. */
export const revokeInvitation = command({
  parse: (userId: string) => ({ userId: parseId(userId, "That account") }),
  load: (ctx, { userId }) => loadManaged(ctx, userId),
  allow: mayManage,
  async run({ tx, audit }, person) {
    const { count } = await tx.accountLink.updateMany({
      where: { userId: person.id, purpose: "INVITATION", usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw invalid("There is no unused invitation to withdraw.");
    await audit.entry("UPDATE", "User", person.id, { invitation: "withdrawn" });
    return { revoked: count };
  },
});

/** The admin signs a person out everywhere (a lost laptop, a leaver). */
export const endSessionsOfPerson = command({
  parse: (userId: string) => ({ userId: parseId(userId, "That account") }),
  load: (ctx, { userId }) => loadManaged(ctx, userId),
  allow: mayManage,
  async run({ tx, audit }, person) {
    const sessionsEnded = await endSessionsOf(tx, person.id);
    await audit.entry("UPDATE", "User", person.id, { signedOutEverywhere: true, sessionsEnded });
    return { sessionsEnded };
  },
});

/**
 * The admin resets a person's two-factor sign-in (a lost or replaced phone):
 * the app and the recovery codes stop working, their sessions end, and they
 * set it up again at their next sign-in (when the policy requires it).
 */
export const resetTwoFactorOfPerson = command({
  parse: (userId: string) => ({ userId: parseId(userId, "That account") }),
  load: (ctx, { userId }) => loadManaged(ctx, userId),
  allow: mayManage,
  async run({ tx, audit }, person) {
    const removed = await removeTwoFactor(tx, person.id);
    if (removed === 0) throw invalid("This person has not set up two-factor sign-in: there is nothing to reset.");
    const sessionsEnded = await endSessionsOf(tx, person.id);
    await audit.entry("UPDATE", "TwoFactor", person.id, { twoFactor: "reset by the team manager", sessionsEnded });
    return { sessionsEnded };
  },
});
