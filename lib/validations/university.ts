import { z } from "zod";
import { id, text } from "@/lib/validations/common";

export const createUniversitySchema = z.object({ name: text("university's name", 200, { min: 2, singleLine: true }) });
export const createDegreeProgrammeSchema = z.object({
  universityId: id("university"),
  name: text("degree programme's name", 200, { min: 2, singleLine: true }),
});
export const createCohortSchema = z.object({
  programmeId: id("degree programme"),
  name: text("cohort's name", 100, { min: 2, singleLine: true }),
});

export type CreateUniversityInput = z.input<typeof createUniversitySchema>;
export type CreateDegreeProgrammeInput = z.input<typeof createDegreeProgrammeSchema>;
export type CreateCohortInput = z.input<typeof createCohortSchema>;
