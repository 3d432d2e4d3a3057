import "server-only";

// Email goes out only when SMTP_URL is set (e.g. smtp://user:pass@smtp.example.org:587);
// without it sendEmail is a no-op and the in-app notification is the only channel.
// Callers send after their transaction commits, and a failed email is logged,
// never thrown: it must not undo or fail the user's action.
//
// Emails leave the council's systems: they never contain a child's name or
// anything else that identifies a child — only the child's code and a link.

export type EmailMessage = { to: string | string[]; subject: string; text: string };
export type EmailResult = { sent: boolean; skipped?: "not-configured" | "no-recipients"; error?: string };

export function emailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

/** The absolute address of a page of the app, for links in emails. */
export function appUrl(path: string): string {
  const base = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}

export async function sendEmail(message: EmailMessage): Promise<EmailResult> {
  const smtpUrl = process.env.SMTP_URL?.trim();
  if (!smtpUrl) return { sent: false, skipped: "not-configured" };
  const to = (Array.isArray(message.to) ? message.to : [message.to]).filter(Boolean);
  if (to.length === 0) return { sent: false, skipped: "no-recipients" };
  try {
    // Loaded only when email is configured.
    const nodemailer = await import("nodemailer");
    // Timeouts, unless the URL sets its own: a slow mail server must not hold up the user for long.
    const url = new URL(smtpUrl);
    for (const [key, value] of Object.entries({
      connectionTimeout: "10000",
      greetingTimeout: "10000",
      socketTimeout: "20000",
    })) {
      if (!url.searchParams.has(key)) url.searchParams.set(key, value);
    }
    const transport = nodemailer.createTransport(url.toString());
    await transport.sendMail({
      from: process.env.SMTP_FROM ?? "Placement Tracker <no-reply@placement-tracker.invalid>",
      to,
      subject: message.subject,
      text: message.text,
    });
    transport.close();
    return { sent: true };
  } catch (error) {
    // The subject names no child; the address list is staff only.
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Email "${message.subject}" to ${to.length} recipient(s) could not be sent: ${reason}`);
    return { sent: false, error: reason };
  }
}
