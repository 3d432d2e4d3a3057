import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { enrolmentSecret, twoFactorStatus } from "@/lib/auth/two-factor";
import { qrCodeDataUrl } from "@/lib/auth/qr-code";
import { formatDateTime } from "@/lib/dates";
import { PageHeader } from "@/components/page-header";
import { SetUpSteps } from "@/components/two-factor/set-up-steps";
import { ConfirmSetUpForm } from "@/components/two-factor/code-form";
import { confirmTwoFactorAction } from "../actions";
import { TurnOffTwoFactorForm } from "./turn-off-form";

export const metadata: Metadata = { title: "Two-factor sign-in" };
export const dynamic = "force-dynamic";

export default async function TwoFactorPage() {
  const user = await requireUser();
  const status = await twoFactorStatus(user);
  const trail = [{ href: "/account", label: "Your account" }];
  if (!status.offered)
    return (
      <div className="max-w-2xl">
        <PageHeader trail={trail} title="Two-factor sign-in" />
        <p className="mt-4">Two-factor sign-in is not used in this deployment.</p>
      </div>
    );
  if (status.confirmedAt)
    return (
      <div className="max-w-2xl space-y-6">
        <PageHeader trail={trail} title="Two-factor sign-in" />
        <p>
          Two-factor sign-in is on: you set it up {formatDateTime(status.confirmedAt)}. You have{" "}
          {status.recoveryCodesLeft === 1 ? "1 recovery code" : `${status.recoveryCodesLeft} recovery codes`} left.
        </p>
        {status.required ? (
          <p>
            Your role can see children&apos;s names, so it cannot be turned off. If you lose or replace your phone, ask
            the team manager to reset it; you then set it up again when you next sign in.
          </p>
        ) : (
          <section aria-labelledby="turn-off">
            <h2 id="turn-off" className="mb-3 text-xl font-bold">
              Turn it off
            </h2>
            <TurnOffTwoFactorForm />
          </section>
        )}
      </div>
    );
  const { secret, uri } = await enrolmentSecret(user);
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader trail={trail} title="Set up two-factor sign-in" />
      <p>
        Signing in will ask for a code from an app on your phone as well as your password, so a stolen password alone
        cannot open your account.
      </p>
      <SetUpSteps secret={secret} uri={uri} qrCode={await qrCodeDataUrl(uri)}>
        <ConfirmSetUpForm confirm={confirmTwoFactorAction} continueTo="/account" />
      </SetUpSteps>
    </div>
  );
}
