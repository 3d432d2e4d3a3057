import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">Forgot your password?</h1>
      <p className="mb-6 text-muted">
        Enter the email address you sign in with. We will email you a link to choose a new password. The link works
        once, for 30 minutes.
      </p>
      <ForgotPasswordForm />
      <p className="mt-6">
        <Link href="/sign-in" className="text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
