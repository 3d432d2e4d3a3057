import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const passwordSet = (await searchParams).password === "set";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">Sign in</h1>
      <p className="mb-6 text-muted">
        Use the account your placement coordinator set up for you. There is no public sign-up: ask the team manager if
        you need an account.
      </p>
      {passwordSet && (
        <div role="status" className="mb-6 border-l-4 border-green-700 bg-green-50 p-4">
          <p className="font-semibold">Your password has been saved.</p>
          <p>Sign in with it now.</p>
        </div>
      )}
      <SignInForm />
      <p className="mt-6">
        <Link href="/forgot-password" className="text-brand-700 underline">
          Forgot your password?
        </Link>
      </p>
    </div>
  );
}
