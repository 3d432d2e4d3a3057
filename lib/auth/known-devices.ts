import "server-only";
import { getDb } from "@/lib/db";
import { hashToken, newToken } from "@/lib/auth/sessions";
import { describeDevice } from "@/lib/auth/device";
import { newSignInEmail } from "@/lib/auth/account-emails";
import { sendEmail } from "@/lib/notifications/email";
import { formatDateTime } from "@/lib/dates";

// "New sign-in to your account" (issue 11). Each browser gets a long-lived
// random cookie the first time it signs in; the person's known browsers are
// the hashes of those tokens. A sign-in from a browser not known for that
// person emails them, unless it is their very first sign-in (there is nothing
// to compare with, and they know: they just accepted the invitation).

export const DEVICE_COOKIE = "pt_device";
/** Browsers cap cookies at 400 days. */
export const DEVICE_COOKIE_DAYS = 400;

/** Notes the browser a person signed in from; returns the token its cookie should hold, and whether it was new to them. */
export async function noteDevice(
  user: { id: string; email: string; name: string },
  deviceToken: string | null | undefined,
  userAgent: string | null | undefined,
  now = new Date(),
): Promise<{ deviceToken: string; newDevice: boolean }> {
  const token = deviceToken && /^[A-Za-z0-9_-]{20,100}$/.test(deviceToken) ? deviceToken : newToken();
  const deviceHash = hashToken(token);
  const db = getDb();
  const { count } = await db.knownDevice.updateMany({
    where: { userId: user.id, deviceHash },
    data: { lastSeenAt: now },
  });
  if (count > 0) return { deviceToken: token, newDevice: false };
  const knownBefore = await db.knownDevice.count({ where: { userId: user.id } });
  await db.knownDevice.createMany({
    data: [{ userId: user.id, deviceHash, firstSeenAt: now, lastSeenAt: now }],
    skipDuplicates: true,
  });
  const newDevice = knownBefore > 0;
  // Not awaited: the sign-in does not wait on the mail server. sendEmail never throws.
  if (newDevice)
    void sendEmail({ to: user.email, ...newSignInEmail(user.name, describeDevice(userAgent), formatDateTime(now)) });
  return { deviceToken: token, newDevice };
}
