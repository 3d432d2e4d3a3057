import { z } from "zod";
import { knownFields } from "@/lib/validations/known-fields";
import { boundedArray, id, isoDate, notes, text, version } from "@/lib/validations/common";

/** The observer plans the observation they will make: when, and what they will see. */
export const planObservationSchema = knownFields({
  observedOn: isoDate("date of the observation"),
  activity: text("activity to be observed", 500, 3),
});
export type PlanObservationInput = z.input<typeof planObservationSchema>;

const longText = (label: string) => text(label, 10000);

export const observationPlanUpdateSchema = planObservationSchema.extend({ part: z.literal("plan"), version });

/** The student's preparation, before the observation. */
export const observationPreparationSchema = knownFields({
  part: z.literal("preparation"),
  preparationNote: longText("preparation note"),
  version,
});

/** One PCF domain the observer maps their feedback to, with what they saw of it. */
export const observationDomainSchema = knownFields({
  frameworkItemId: id("PCF domain"),
  note: notes("domain note", 2_000),
});

/** The observer's feedback, mapped to at least one PCF domain. */
export const observationFeedbackSchema = knownFields({
  part: z.literal("feedback"),
  feedback: longText("feedback"),
  domains: boundedArray(observationDomainSchema, 20, "Choose the PCF domains the feedback shows")
    .refine((domains) => domains.length >= 1, "Map the feedback to at least one PCF domain")
    .refine(
      (domains) => new Set(domains.map((domain) => domain.frameworkItemId)).size === domains.length,
      "Each PCF domain only once",
    ),
  version,
});

/** The student's reflection, after the observation. */
export const observationReflectionSchema = knownFields({
  part: z.literal("reflection"),
  reflection: longText("reflection"),
  version,
});

export const OBSERVATION_PARTS = ["plan", "preparation", "feedback", "reflection"] as const;

/** PATCH /api/v1/observations/:id: one part at a time, each written by its own author. */
export const updateObservationSchema = z.discriminatedUnion(
  "part",
  [observationPlanUpdateSchema, observationPreparationSchema, observationFeedbackSchema, observationReflectionSchema],
  { error: "Say which part of the observation this is: plan, preparation, feedback or reflection" },
);
export type UpdateObservationInput = z.input<typeof updateObservationSchema>;
