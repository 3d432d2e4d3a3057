// The emails of accounts: an invitation and a password reset. Plain text and
// HTML; nothing personal but the recipient's own name (issue 11).

import { appUrl } from "@/lib/notifications/email";

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function html(paragraphs: string[], link: string, button: string) {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escape(p)}</p>`).join("");
  return `<!doctype html><html lang="en"><body style="font-family:Arial,sans-serif;font-size:16px;color:#0b0c0c;max-width:560px">
<p style="margin:0 0 16px;font-weight:bold">Placement Tracker</p>${body}
<p style="margin:0 0 16px"><a href="${escape(link)}" style="color:#1d70b8;font-weight:bold">${escape(button)}</a></p>
<p style="margin:0 0 16px;color:#505a5f">If the button does not work, copy this address into your browser: ${escape(link)}</p>
</body></html>`;
}

export function invitationEmail(name: string, link: string, teamName: string) {
  const lines = [
    `Hello ${name},`,
    `${teamName} has set up a Placement Tracker account for you. Choose a password to start using it.`,
    "This link works once and expires in 7 days. If it has expired, ask the team manager to send a new one.",
  ];
  return {
    subject: "Your Placement Tracker account",
    text: `${lines.join("\n\n")}\n\nSet your password: ${link}\n`,
    html: html(lines, link, "Set your password"),
  };
}

export function passwordResetEmail(name: string, link: string) {
  const lines = [
    `Hello ${name},`,
    "Someone asked to reset the password of your Placement Tracker account. If it was you, choose a new password with the link below.",
    "The link works once and expires in 30 minutes. If you did not ask, ignore this email: your password stays as it is.",
  ];
  return {
    subject: "Reset your Placement Tracker password",
    text: `${lines.join("\n\n")}\n\nChoose a new password: ${link}\n`,
    html: html(lines, link, "Choose a new password"),
  };
}

export function newSignInEmail(name: string, device: string, when: string) {
  const link = appUrl("/account");
  const lines = [
    `Hello ${name},`,
    `Your Placement Tracker account was signed in to from a browser it had not been used from before: ${device}, ${when}.`,
    "If this was you, there is nothing to do. If it was not, open your account page, sign out everywhere and change your password, then tell the team manager.",
  ];
  return {
    subject: "New sign-in to your Placement Tracker account",
    text: `${lines.join("\n\n")}\n\nYour account: ${link}\n`,
    html: html(lines, link, "Open your account"),
  };
}
