import { z } from "zod";
import { knownFields } from "@/lib/validations/known-fields";
import { isoDate, text, version } from "@/lib/validations/common";
import { CONCERN_OUTCOMES, CONCERN_STAGES } from "@/lib/portfolio/concern-stages";

export const raiseConcernSchema = knownFields({
  summary: text("summary of the concern", 4000, 10),
});
export type RaiseConcernInput = z.input<typeof raiseConcernSchema>;

/** One step of the concern: the meeting, the action plan agreed, the review, the outcome. */
export const concernEventSchema = knownFields({
  stage: z.enum(CONCERN_STAGES, { error: "Choose the step you are recording" }),
  heldOn: isoDate("date"),
  notes: text("notes", 10000),
  outcome: z
    .enum(CONCERN_OUTCOMES, { error: "Choose the outcome" })
    .nullish()
    .or(z.literal("").transform(() => null))
    .transform((value) => value ?? null),
  version,
});
export type ConcernEventInput = z.input<typeof concernEventSchema>;

export const concernActionSchema = knownFields({
  description: text("action", 1000, 3),
  dueOn: isoDate("date the action is due"),
});
export type ConcernActionInput = z.input<typeof concernActionSchema>;

export const concernActionDoneSchema = knownFields({ done: z.boolean({ error: "Say whether the action is done" }) });
export type ConcernActionDoneInput = z.input<typeof concernActionDoneSchema>;
