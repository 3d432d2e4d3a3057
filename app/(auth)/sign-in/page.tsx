import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await getCurrentUser()) redirect("/");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">Sign in</h1>
      <p className="mb-6 text-muted">
        Use the account your placement coordinator set up for you. There is no public sign-up: ask the team manager if
        you need an account.
      </p>
      <SignInForm />
    </div>
  );
}
