import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { PENDING_COOKIE, PENDING_EXPIRED, pendingEnrolment } from "@/lib/auth/sign-in-flow";
import { qrCodeDataUrl } from "@/lib/auth/qr-code";
import { SetUpSteps } from "@/components/two-factor/set-up-steps";
import { ConfirmSetUpForm } from "@/components/two-factor/code-form";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };
export const dynamic = "force-dynamic";

// A sign-in the policy requires two-factor sign-in for, by someone who has not set it up:
// nothing of the app is reachable until they do (lib/auth/sign-in-flow.ts).
export default async function SetUpTwoFactorPage() {
  const enrolment = await pendingEnrolment((await cookies()).get(PENDING_COOKIE)?.value);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">Set up two-factor sign-in</h1>
      {enrolment ? (
        <>
          <p className="mb-6">
            Your account can see children&apos;s names, so signing in needs a code from an app on your phone as well as
            your password. This takes about two minutes and is asked once.
          </p>
          <SetUpSteps secret={enrolment.secret} uri={enrolment.uri} qrCode={await qrCodeDataUrl(enrolment.uri)}>
            <ConfirmSetUpForm confirm="sign-in" continueTo="/" />
          </SetUpSteps>
        </>
      ) : (
        <p className="mb-6">
          {PENDING_EXPIRED}{" "}
          <Link href="/sign-in" className="text-brand-700 underline">
            Go to sign in
          </Link>
        </p>
      )}
    </div>
  );
}
