"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Sorry, something went wrong</h1>
      <p className="mb-4">
        Nothing you entered has been lost from the records already saved. Try again, and tell the team manager if it
        keeps happening.
      </p>
      <button type="button" onClick={reset} className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
