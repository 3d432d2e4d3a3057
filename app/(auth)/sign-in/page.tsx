import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SSO_PROBLEMS, ssoProviders, type SsoProblem } from "@/lib/auth/sso";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ password?: string; sso?: string }>;
}) {
  if (await getCurrentUser()) redirect("/");
  const query = await searchParams;
  const passwordSet = query.password === "set";
  const ssoProblem = query.sso && query.sso in SSO_PROBLEMS ? SSO_PROBLEMS[query.sso as SsoProblem] : null;
  const providers = ssoProviders().map(({ id, label }) => ({ id, label }));
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
      {ssoProblem && (
        <div role="alert" className="mb-6 border-l-4 border-red-700 bg-red-50 p-4">
          <p className="font-semibold">You are not signed in</p>
          <p>{ssoProblem}</p>
        </div>
      )}
      {providers.length > 0 && (
        <section aria-labelledby="sso" className="mb-6">
          <h2 id="sso" className="mb-3 text-xl font-bold">
            With your organisation&apos;s account
          </h2>
          <ul className="space-y-3">
            {providers.map((provider) => (
              <li key={provider.id}>
                {/* A plain link: the start route sends the browser on to the organisation's sign-in. */}
                <a
                  href={`/api/auth/sso/${provider.id}/start`}
                  className="block rounded border-2 border-brand-700 bg-white px-4 py-2 text-center font-semibold text-brand-700 hover:bg-brand-50"
                >
                  Sign in with {provider.label}
                </a>
              </li>
            ))}
          </ul>
          <h2 className="mt-6 mb-3 text-xl font-bold">Or with your email and password</h2>
        </section>
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
