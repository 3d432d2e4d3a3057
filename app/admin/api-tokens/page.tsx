import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { loadOrNotFound } from "@/lib/page-guards";
import { listApiTokens, type ApiTokenState } from "@/lib/api-tokens/api-tokens";
import { listUniversitiesForAdmin } from "@/lib/universities/universities";
import { addDays, formatDate, formatDateTime, todayInUk } from "@/lib/dates";
import { defaultTokenExpiry, latestTokenExpiry } from "@/lib/validations/api-token";
import { IssueTokenForm } from "./issue-token-form";
import { RevokeToken } from "./revoke-token";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

// The state in words, with colour only as reinforcement (WCAG 1.4.1).
const STATE: Record<ApiTokenState, { label: string; className: string }> = {
  ACTIVE: { label: "Active", className: "border-green-800 bg-green-50 text-green-900" },
  EXPIRED: { label: "Expired", className: "border-gray-700 bg-gray-100 text-gray-900" },
  REVOKED: { label: "Revoked", className: "border-red-800 bg-red-50 text-red-900" },
};

/** The last day a token works: it expires at the start of the next (UTC). */
const lastDay = (expiresAt: string) => new Date(new Date(expiresAt).getTime() - 1).toISOString().slice(0, 10);

export default async function ApiTokensPage() {
  const user = await requireUser();
  const [tokens, universities] = await loadOrNotFound(() =>
    Promise.all([listApiTokens(user), listUniversitiesForAdmin(user)]),
  );
  const today = todayInUk();

  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">API tokens</h1>
      <p className="mb-2 max-w-3xl">
        A university&apos;s own systems can read its students&apos; placements, milestones and progress through the
        integration API, with a token you issue here. A token reads exactly what the university&apos;s tutors read
        (never a child&apos;s identity), cannot change anything, and stops working when it expires or you revoke it.
      </p>
      <p className="mb-6 max-w-3xl">
        Give the university&apos;s developers the{" "}
        <a href="/api/v1/openapi.json" className="font-semibold text-brand-700 underline">
          API description (OpenAPI)
        </a>
        . Each token may make 120 requests a minute.
      </p>
      <div className="mb-8 max-w-2xl">
        <IssueTokenForm
          universities={universities.map(({ id, name }) => ({ id, name }))}
          defaultExpiry={defaultTokenExpiry(today)}
          earliestExpiry={addDays(today, 1)}
          latestExpiry={latestTokenExpiry(today)}
        />
      </div>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-2 text-2xl font-bold">
          Tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="rounded border border-gray-300 bg-white p-4">No tokens have been issued yet.</p>
        ) : (
          <div className="overflow-x-auto rounded border border-gray-300 bg-white">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">API tokens issued by the team, newest first</caption>
              <thead className="bg-gray-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Starts with
                  </th>
                  <th scope="col" className="px-3 py-2">
                    University
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Issued
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Works until
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Last used
                  </th>
                  <th scope="col" className="px-3 py-2">
                    State
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} className="border-t border-gray-200 align-top">
                    <th scope="row" className="px-3 py-2 font-semibold">
                      {token.name}
                    </th>
                    <td className="whitespace-nowrap px-3 py-2 font-mono">{token.prefix}…</td>
                    <td className="px-3 py-2">{token.university.name}</td>
                    <td className="px-3 py-2">
                      {formatDateTime(new Date(token.createdAt))}
                      <br />
                      <span className="text-muted">by {token.createdByName}</span>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">{formatDate(lastDay(token.expiresAt))}</td>
                    <td className="px-3 py-2">
                      {token.lastUsedAt ? formatDateTime(new Date(token.lastUsedAt)) : "Never"}
                    </td>
                    <td className="px-3 py-2">
                      <span
                        className={`inline-block max-w-full rounded border px-2 py-0.5 font-semibold ${STATE[token.state].className}`}
                      >
                        {STATE[token.state].label}
                      </span>
                      {token.revokedAt && (
                        <span className="mt-1 block text-muted">{formatDateTime(new Date(token.revokedAt))}</span>
                      )}
                    </td>
                    <td className="min-w-56 px-3 py-2">
                      {token.state === "ACTIVE" ? <RevokeToken tokenId={token.id} label={`“${token.name}”`} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
