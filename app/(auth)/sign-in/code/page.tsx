import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { PENDING_COOKIE, PENDING_EXPIRED, pendingSignInOf } from "@/lib/auth/sign-in-flow";
import { SecondFactorForm } from "./second-factor-form";

export const metadata: Metadata = { title: "Enter your code" };
export const dynamic = "force-dynamic";

export default async function SignInCodePage() {
  const pending = await pendingSignInOf((await cookies()).get(PENDING_COOKIE)?.value, "CODE");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">Enter your code</h1>
      {pending ? (
        <>
          <p className="mb-6 text-muted">
            Open your authenticator app and enter the 6-digit code it shows for Placement Tracker.
          </p>
          <SecondFactorForm />
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
