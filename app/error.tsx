"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** The request id the page was served with (app/layout.tsx), for a user to quote; the error's digest finds the log line too. */
function useReference(digest?: string) {
  const requestId = useSyncExternalStore(
    noSubscription,
    () => document.querySelector('meta[name="request-id"]')?.getAttribute("content") ?? null,
    () => null,
  );
  return [requestId, digest].filter(Boolean).join(" / ") || null;
}

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const reference = useReference(error.digest);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Sorry, something went wrong</h1>
      <p className="mb-4">
        Nothing you entered has been lost from the records already saved. Try again, and tell the team manager if it
        keeps happening.
      </p>
      {reference ? (
        <p className="mb-4 text-sm text-gray-700">
          If you report it, quote this reference: <code className="font-semibold">{reference}</code>
        </p>
      ) : null}
      <button type="button" onClick={reset} className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
