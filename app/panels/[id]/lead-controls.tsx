"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ActionButton } from "@/components/action-button";
import { buildPanelSampleAction, changePanelStatusAction } from "../actions";

/** The lead's steps: draw the sample (again, while preparing), open the panel, close it. */
export function PanelLeadControls(props: {
  panelId: string;
  status: "PLANNED" | "OPEN" | "CLOSED";
  version: number;
  hasSample: boolean;
}) {
  const router = useRouter();
  const [seed, setSeed] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  return (
    <section aria-labelledby="lead-heading" className="mt-6 max-w-3xl rounded border border-gray-300 bg-white p-4">
      <h2 id="lead-heading" className="mb-2 text-xl font-bold">
        As the panel&apos;s lead
      </h2>
      {props.status === "PLANNED" && (
        <form
          className="mb-4"
          onSubmit={(event) => {
            event.preventDefault();
            startTransition(async () => {
              const result = await buildPanelSampleAction(props.panelId, { seed, version: props.version });
              if (result.ok) {
                const data = result.data as { sampled: number; candidates: number; seed: string };
                setMessage({
                  ok: true,
                  text: `Sampled ${data.sampled} of ${data.candidates} completed final assessments (seed “${data.seed}”).`,
                });
                router.refresh();
              } else setMessage({ ok: false, text: result.message });
            });
          }}
        >
          <label htmlFor="seed" className="mb-1 block font-semibold">
            Seed (optional)
          </label>
          <p id="seed-hint" className="mb-1 text-sm text-muted">
            Leave blank for a new random draw. Enter an earlier seed to draw the same sample again.
          </p>
          <div className="flex flex-wrap gap-2">
            <input
              id="seed"
              value={seed}
              onChange={(event) => setSeed(event.target.value)}
              aria-describedby="seed-hint"
              autoComplete="off"
              className="max-w-xs rounded border-2 border-gray-700 px-2 py-1.5"
            />
            <button
              type="submit"
              disabled={pending}
              className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
            >
              {props.hasSample ? "Draw the sample again" : "Draw the sample"}
            </button>
          </div>
        </form>
      )}
      <p role="status" className={message?.ok === false ? "mb-3 font-semibold text-red-800" : "mb-3"}>
        {message?.text ?? ""}
      </p>
      <div className="flex flex-wrap gap-3">
        {props.status === "PLANNED" && props.hasSample && (
          <ActionButton
            variant="primary"
            action={() => changePanelStatusAction(props.panelId, "OPEN", props.version)}
            confirm="Open the panel? Its members can then read the sampled reports, and the sample is fixed."
          >
            Open the panel
          </ActionButton>
        )}
        {props.status === "OPEN" && (
          <ActionButton
            action={() => changePanelStatusAction(props.panelId, "CLOSED", props.version)}
            confirm="Close the panel? Its members will no longer read the reports, and its record is final."
          >
            Close the panel
          </ActionButton>
        )}
      </div>
    </section>
  );
}
