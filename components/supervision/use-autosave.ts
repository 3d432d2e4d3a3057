"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatClockTime } from "@/lib/supervision/format";

/** What one save attempt came to. "invalid": the draft has errors the user must fix; saving resumes on the next change. */
export type SaveOutcome =
  | { kind: "saved" }
  | { kind: "invalid"; message: string }
  | { kind: "conflict"; message: string }
  | { kind: "failed"; message: string };

export type AutosaveState =
  | { kind: "idle" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "invalid"; message: string }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; message: string };

/**
 * Saves a draft a few seconds after the user stops typing. Saves never
 * overlap (a change made during a save is saved straight after it), a
 * conflict stops autosaving for good, and nothing here moves focus.
 */
export function useAutosave(save: () => Promise<SaveOutcome>, delay = 3000) {
  const [state, setState] = useState<AutosaveState>({ kind: "idle" });
  const saveRef = useRef(save);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<SaveOutcome> | null>(null);
  const dirty = useRef(false);
  const stopped = useRef(false);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const run = useCallback(async (): Promise<SaveOutcome> => {
    while (running.current) await running.current;
    if (stopped.current) return { kind: "conflict", message: "Autosave has stopped." };
    if (!dirty.current) return { kind: "saved" };
    dirty.current = false;
    setState({ kind: "saving" });
    const attempt = saveRef.current().catch((): SaveOutcome => ({
      kind: "failed",
      message: "The draft could not be saved: check your connection. It will be tried again when you next type.",
    }));
    running.current = attempt;
    const outcome = await attempt;
    running.current = null;
    if (outcome.kind === "saved")
      setState(dirty.current ? { kind: "unsaved" } : { kind: "saved", at: formatClockTime(new Date()) });
    else if (outcome.kind === "conflict") {
      stopped.current = true;
      clearTimeout(timer.current);
      setState(outcome);
    } else {
      dirty.current = true; // still unsaved
      setState(outcome);
    }
    return outcome;
  }, []);

  /** Call on every user change. */
  const changed = useCallback(() => {
    if (stopped.current) return;
    dirty.current = true;
    setState((current) => (current.kind === "saving" ? current : { kind: "unsaved" }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), delay);
  }, [delay, run]);

  /** Save now (before signing, or on the Save button; `force` saves even unchanged text): resolves once everything typed so far is saved, or not. */
  const flush = useCallback(
    async (force = false): Promise<SaveOutcome> => {
      clearTimeout(timer.current);
      if (force && !stopped.current) dirty.current = true;
      return run();
    },
    [run],
  );

  /** Marks everything as saved (after a save made outside the hook). */
  const markSaved = useCallback(() => {
    clearTimeout(timer.current);
    dirty.current = false;
    setState({ kind: "saved", at: formatClockTime(new Date()) });
  }, []);

  const stop = useCallback((message: string) => {
    stopped.current = true;
    clearTimeout(timer.current);
    setState({ kind: "conflict", message });
  }, []);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || running.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      clearTimeout(timer.current);
    };
  }, []);

  return { state, changed, flush, markSaved, stop, isStopped: () => stopped.current };
}
