"use client";
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import { RATING_LABELS, childFeedbackSchema, type ChildFeedbackInput } from "@/lib/validations/direct-work";
import { Face } from "./face";

const noSubscription = () => () => undefined;

// The child-friendly feedback screen, for the tablet the student hands the
// child and for a carer's one-time link. It shows nothing else of the system:
// no child's name, no menu, no links out. The root layout (not ours to change)
// renders the site header, so the frame covers the whole window and a style
// rule takes the header and the skip link out of the page while the frame is
// mounted (display: none also removes them from the tab order and from
// screen readers, which an overlay alone would not).

const HIDE_THE_REST = `
body:has([data-child-screen]) > header,
body:has([data-child-screen]) > a[href="#main"] { display: none !important; }
body:has([data-child-screen]) { overflow: hidden; }
`;

function ChildScreenFrame({ children }: { children: ReactNode }) {
  return (
    <div data-child-screen className="fixed inset-0 z-50 overflow-y-auto bg-[#fff8e7] text-[#1b1f23]">
      <style>{HIDE_THE_REST}</style>
      <div className="mx-auto max-w-3xl px-4 py-8 sm:px-8 sm:py-12">{children}</div>
    </div>
  );
}

type Outcome<Data> =
  { ok: true; data: Data } | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]> };

const RATINGS = [1, 2, 3, 4, 5] as const;

export function ChildFeedbackScreen<Data>({
  mode,
  send,
  backHref,
}: {
  /** "child": the tablet handed to the child; "carer": a one-time link. */
  mode: "child" | "carer";
  send: (input: ChildFeedbackInput) => Promise<Outcome<Data>>;
  /** For the student, once the child has finished. */
  backHref?: string;
}) {
  const [done, setDone] = useState(false);
  const { form, onSubmit, formError, errorOf, attempt, pending } = useActionForm({
    schema: childFeedbackSchema,
    defaultValues: { whatWasGood: "", whatCouldBeBetter: "" },
    action: send,
    onSuccess: () => setDone(true),
  });
  // Read on the client only: the server cannot know whether the browser speaks.
  const canSpeak = useSyncExternalStore(
    noSubscription,
    () => "speechSynthesis" in window,
    () => false,
  );
  const problemRef = useRef<HTMLParagraphElement>(null);
  const thanks = useRef<HTMLHeadingElement>(null);
  const heading = mode === "child" ? "How was your session?" : "How was the session?";
  // In the child's words: what to do next, not what a field is called.
  const noFace = Boolean(errorOf("rating"));
  const problem = noFace
    ? "Please choose a face first."
    : errorOf("whatWasGood") || errorOf("whatCouldBeBetter")
      ? "Please make your answers a bit shorter."
      : formError;

  useEffect(() => {
    if (done) thanks.current?.focus();
  }, [done]);

  // After a failed send: to the faces when none was chosen, else to the message.
  useEffect(() => {
    if (attempt === 0) return;
    if (noFace) form.setFocus("rating");
    else problemRef.current?.focus();
    // Only when a send has just failed, not as the child types.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  function readAloud() {
    window.speechSynthesis.cancel();
    const text = [
      heading,
      "How did it feel? Choose a face: Not good, Not great, OK, Good, or Great.",
      "What was good?",
      "What could be better?",
      "Then press Send.",
    ].join(" ");
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "en-GB";
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }

  if (done) {
    return (
      <ChildScreenFrame>
        <div className="py-12 text-center">
          <Face rating={5} size={120} className="mx-auto" />
          <h1 ref={thanks} tabIndex={-1} className="mt-6 text-4xl font-bold sm:text-5xl">
            Thank you!
          </h1>
          <p className="mt-4 text-2xl">
            {mode === "child"
              ? "Your answers have been sent."
              : "Your answers have been sent. You can close this page now."}
          </p>
          {mode === "child" && <p className="mt-2 text-2xl">Please give the tablet back now.</p>}
          {backHref && (
            <p className="mt-16 text-base">
              <a href={backHref} className="text-[#165a5d] underline">
                For the student: back to the session
              </a>
            </p>
          )}
        </div>
      </ChildScreenFrame>
    );
  }

  return (
    <ChildScreenFrame>
      <form onSubmit={onSubmit} noValidate>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <h1 className="text-4xl font-bold sm:text-5xl">{heading}</h1>
          {canSpeak && (
            <button
              type="button"
              onClick={readAloud}
              className="rounded-full border-2 border-[#165a5d] bg-white px-4 py-2 text-lg font-semibold text-[#165a5d]"
            >
              <svg
                viewBox="0 0 24 24"
                width="24"
                height="24"
                aria-hidden="true"
                focusable="false"
                className="mr-2 inline-block align-[-5px]"
              >
                <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
                <path
                  d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinecap="round"
                />
              </svg>
              Read it to me
            </button>
          )}
        </div>
        {mode === "carer" && (
          <p className="mt-3 text-xl">
            You can fill this in with your child, or on your own. Your answers go to the student social worker and their
            team.
          </p>
        )}

        <p
          ref={problemRef}
          tabIndex={-1}
          role="alert"
          className={
            problem
              ? "mt-6 rounded-2xl border-4 border-[#b3261e] bg-white p-4 text-2xl font-bold text-[#8c1d18]"
              : "sr-only"
          }
        >
          {problem}
        </p>

        <fieldset className="mt-8">
          <legend className="text-3xl font-bold">How did it feel?</legend>
          <p className="mt-1 text-xl">Choose one face.</p>
          <div className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-5">
            {RATINGS.map((value) => (
              <div key={value} className="relative h-full">
                <input
                  id={`face-${value}`}
                  type="radio"
                  value={String(value)}
                  className="peer sr-only"
                  {...form.register("rating")}
                />
                <label
                  htmlFor={`face-${value}`}
                  className="flex h-full min-h-36 cursor-pointer flex-col items-center justify-center gap-2 rounded-3xl border-4 border-[#c9c2b0] bg-white p-3 text-center text-xl font-semibold shadow-sm transition hover:border-[#165a5d] peer-checked:border-[#165a5d] peer-checked:bg-[#d4e9ea] peer-focus-visible:outline-4 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-[#ffbf47]"
                >
                  <Face rating={value} size={72} />
                  <span>{RATING_LABELS[value]}</span>
                </label>
                <span
                  aria-hidden="true"
                  className="pointer-events-none absolute right-2 top-2 hidden h-8 w-8 items-center justify-center rounded-full bg-[#165a5d] text-lg font-bold text-white peer-checked:flex"
                >
                  ✓
                </span>
              </div>
            ))}
          </div>
        </fieldset>

        <div className="mt-10">
          <label htmlFor="whatWasGood" className="block text-3xl font-bold">
            What was good?
          </label>
          <p id="whatWasGood-hint" className="mt-1 text-xl">
            You can leave this empty.
          </p>
          <textarea
            id="whatWasGood"
            aria-describedby="whatWasGood-hint"
            rows={3}
            maxLength={2000}
            {...form.register("whatWasGood")}
            className="mt-3 block w-full rounded-2xl border-4 border-[#8a8574] bg-white p-4 text-2xl focus:border-[#165a5d]"
          />
        </div>
        <div className="mt-8">
          <label htmlFor="whatCouldBeBetter" className="block text-3xl font-bold">
            What could be better?
          </label>
          <p id="whatCouldBeBetter-hint" className="mt-1 text-xl">
            You can leave this empty.
          </p>
          <textarea
            id="whatCouldBeBetter"
            aria-describedby="whatCouldBeBetter-hint"
            rows={3}
            maxLength={2000}
            {...form.register("whatCouldBeBetter")}
            className="mt-3 block w-full rounded-2xl border-4 border-[#8a8574] bg-white p-4 text-2xl focus:border-[#165a5d]"
          />
        </div>

        <button
          type="submit"
          disabled={pending}
          className="mt-10 w-full rounded-full bg-[#165a5d] px-10 py-5 text-3xl font-bold text-white shadow-[0_4px_0_#0b2f31] hover:bg-[#114649] disabled:opacity-60 sm:w-auto"
        >
          {pending ? "Sending…" : "Send"}
        </button>
      </form>
    </ChildScreenFrame>
  );
}

/** For a link that cannot be used: a plain, friendly message and nothing else. */
export function ChildScreenMessage({ title, text }: { title: string; text: string }) {
  return (
    <ChildScreenFrame>
      <div className="py-12 text-center">
        <h1 className="text-4xl font-bold">{title}</h1>
        <p className="mt-4 text-2xl">{text}</p>
      </div>
    </ChildScreenFrame>
  );
}
