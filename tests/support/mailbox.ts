import { SMTPServer } from "smtp-server";

// A real SMTP server for tests (the `smtp-server` package): the app sends
// through nodemailer exactly as in production, and the test reads what arrived.

export type ReceivedMail = { to: string[]; raw: string; text: string };

/** Undoes quoted-printable soft line breaks and escapes, enough to read a link out of a message. */
export function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export async function startMailbox(port: number) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: decodeQuotedPrintable(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The newest message to `address`, waiting up to `timeoutMs` for it. */
    /** The latest email to the address; with `after`, the latest one that arrived after that email. */
    async waitFor(address: string, timeoutMs = 10_000, after?: ReceivedMail): Promise<ReceivedMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = received
          .slice(after ? received.indexOf(after) + 1 : 0)
          .filter((m) => m.to.includes(address))
          .at(-1);
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`No email to ${address} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first set-password link in a message. */
export function linkToken(mail: ReceivedMail): string {
  const match = /\/set-password\/([A-Za-z0-9_-]{20,100})/.exec(mail.text);
  if (!match) throw new Error(`No set-password link in:\n${mail.text}`);
  return match[1];
}
