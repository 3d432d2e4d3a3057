"use client";
import { useRef, useState } from "react";
import { formatDateTime } from "@/lib/dates";
import { createFeedbackLinkAction } from "@/app/programmes/actions";

/** Creates a carer's one-time link and shows it this once: only its hash is kept, so it cannot be shown again. */
export function FeedbackLinkButton({ sessionId }: { sessionId: string }) {
  const [link, setLink] = useState<{ url: string; expiresAt: string }>();
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function create() {
    setPending(true);
    setError(undefined);
    setCopied(false);
    const result = await createFeedbackLinkAction(sessionId);
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setLink({ url: `${window.location.origin}${result.data.path}`, expiresAt: result.data.expiresAt });
    requestAnimationFrame(() => input.current?.select());
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      input.current?.select();
    }
  }

  return (
    <div className="min-w-0 flex-1 basis-64">
      <button
        type="button"
        onClick={create}
        disabled={pending}
        className="rounded border-2 border-brand-600 px-4 py-1.5 font-semibold text-brand-700 disabled:opacity-60"
      >
        {pending ? "Creating…" : link ? "Create another link" : "Create a link for a carer"}
      </button>
      <div aria-live="polite">
        {error && (
          <p role="alert" className="mt-2 font-semibold text-red-800">
            {error}
          </p>
        )}
        {link && (
          <div className="mt-3 border-l-4 border-brand-600 bg-brand-50 p-3">
            <label htmlFor={`link-${sessionId}`} className="block font-semibold">
              One-time link for a carer
            </label>
            <p id={`link-${sessionId}-hint`} className="mb-2 text-sm">
              Copy it now: it is shown only this once. It works once, until {formatDateTime(new Date(link.expiresAt))}.
            </p>
            <div className="flex flex-wrap gap-2">
              <input
                ref={input}
                id={`link-${sessionId}`}
                readOnly
                value={link.url}
                aria-describedby={`link-${sessionId}-hint`}
                className="min-w-0 flex-1 rounded border-2 border-gray-700 bg-white px-2 py-1 font-mono text-sm"
              />
              <button
                type="button"
                onClick={copy}
                className="rounded border-2 border-brand-600 bg-white px-3 py-1 font-semibold text-brand-700"
              >
                {copied ? "Copied" : "Copy link"}
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
