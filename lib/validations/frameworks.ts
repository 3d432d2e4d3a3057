import { z } from "zod";
import { isoDate, text, version } from "@/lib/validations/common";

// Frameworks (admin): the text an admin may correct, and a new version.

export const frameworkItemSchema = z.object({
  version,
  name: text("name", 200),
  description: z.string().trim().max(5_000, "The description must be 5,000 characters or fewer"),
});
export type FrameworkItemInput = z.input<typeof frameworkItemSchema>;

export const levelDescriptorSchema = z.object({
  version,
  text: text("descriptor", 5_000),
});
export type LevelDescriptorInput = z.input<typeof levelDescriptorSchema>;

export const newFrameworkVersionSchema = z.object({
  version: text("version label", 40),
  effectiveFrom: isoDate("date the new version applies from"),
});
export type NewFrameworkVersionInput = z.input<typeof newFrameworkVersionSchema>;
