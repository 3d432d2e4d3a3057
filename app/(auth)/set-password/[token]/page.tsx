import type { Metadata } from "next";
import Link from "next/link";
import { describeLink } from "@/lib/auth/account-links";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Choose a password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await describeLink(token);
  if (link.state !== "usable")
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-3xl font-bold">This link does not work</h1>
        <p className="mb-4">{link.problem}</p>
        <p className="mb-4">Nothing has been changed.</p>
        <ul className="ml-5 list-disc space-y-2">
          <li>
            Forgotten your password?{" "}
            <Link href="/forgot-password" className="text-brand-700 underline">
              Ask for a new link
            </Link>
            .
          </li>
          <li>Invited to Placement Tracker? Ask the team manager to send you a new invitation.</li>
        </ul>
      </div>
    );
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">
        {link.purpose === "INVITATION" ? "Welcome to Placement Tracker" : "Choose a new password"}
      </h1>
      <p className="mb-6 text-muted">
        {link.purpose === "INVITATION"
          ? `Hello ${link.name}. Choose a password for your account, ${link.email}. You will then sign in with it.`
          : `For ${link.email}. Once it is changed, you will be signed out everywhere and sign in with the new password.`}
      </p>
      <SetPasswordForm token={token} />
    </div>
  );
}
