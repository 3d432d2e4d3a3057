"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/form/use-action-form";
import {
  GOAL_STAGE_LABELS,
  goalStages,
  scoreDirectWorkGoalSchema,
  type GoalStage,
} from "@/lib/validations/direct-work";
import { scoreDirectWorkGoalAction } from "../actions";

type Goal = {
  id: string;
  number: number;
  startScore: number | null;
  reviewScore: number | null;
  endScore: number | null;
};

/** A compact form under each goal: which stage, and the child's score from 0 to 10. */
export function ScoreGoalForm({ programmeId, goal }: { programmeId: string; goal: Goal }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string>();
  const nextStage: GoalStage =
    goal.startScore === null ? "START" : goal.endScore === null && goal.reviewScore === null ? "REVIEW" : "END";
  const { form, onSubmit, formError, errorOf, pending } = useActionForm({
    schema: scoreDirectWorkGoalSchema,
    defaultValues: { stage: nextStage, score: "" },
    action: (values) => scoreDirectWorkGoalAction(programmeId, goal.id, values),
    onSuccess: () => {
      setSaved(`Score saved for goal ${goal.number}.`);
      router.refresh();
    },
  });
  const stageId = `stage-${goal.id}`;
  const scoreId = `score-${goal.id}`;
  const error = errorOf("score") ?? errorOf("stage");
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="mt-2 flex flex-wrap items-end gap-2"
      aria-label={`Score goal ${goal.number}`}
    >
      <div>
        <label htmlFor={stageId} className="block text-xs font-semibold">
          Stage
        </label>
        <select
          id={stageId}
          className="rounded border-2 border-gray-700 bg-white px-1 py-1 text-sm"
          {...form.register("stage")}
        >
          {goalStages.map((stage) => (
            <option key={stage} value={stage}>
              {GOAL_STAGE_LABELS[stage]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={scoreId} className="block text-xs font-semibold">
          Score (0–10)
        </label>
        <input
          id={scoreId}
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          step={1}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${scoreId}-error` : undefined}
          className="w-20 rounded border-2 border-gray-700 bg-white px-1 py-1 text-sm aria-[invalid=true]:border-red-700"
          {...form.register("score", { onChange: () => setSaved(undefined) })}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded border-2 border-brand-600 px-2 py-1 text-sm font-semibold text-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save score"}
      </button>
      <p id={`${scoreId}-error`} role="alert" className="basis-full text-sm font-semibold text-red-800">
        {error ??
          (formError && formError !== "There is a problem: check the highlighted fields." ? formError : undefined)}
      </p>
      <p role="status" className="basis-full text-sm font-semibold text-green-900">
        {saved}
      </p>
    </form>
  );
}
