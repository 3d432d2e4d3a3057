import { z } from "zod";
import { id, text } from "@/lib/validations/common";

export const createUniversitySchema = z.object({ name: text("university's name", 200, { min: 2, singleLine: true }) });
export const createProgrammeSchema = z.object({
  universityId: id("university"),
  name: text("programme's name", 200, { min: 2, singleLine: true }),
});
export const createCohortSchema = z.object({
  programmeId: id("programme"),
  name: text("cohort's name", 100, { min: 2, singleLine: true }),
});

export type CreateUniversityInput = z.input<typeof createUniversitySchema>;
export type CreateProgrammeInput = z.input<typeof createProgrammeSchema>;
export type CreateCohortInput = z.input<typeof createCohortSchema>;
