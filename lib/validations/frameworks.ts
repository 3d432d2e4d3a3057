import { z } from "zod";
import { isoDate, notes, text, version } from "@/lib/validations/common";

// Frameworks (admin): the text an admin may correct, and a new version.

export const frameworkItemSchema = z.object({
  version,
  name: text("name", 200, { singleLine: true }),
  description: notes("description", 5_000),
});
export type FrameworkItemInput = z.input<typeof frameworkItemSchema>;

export const levelDescriptorSchema = z.object({
  version,
  text: text("descriptor", 5_000),
});
export type LevelDescriptorInput = z.input<typeof levelDescriptorSchema>;

export const newFrameworkVersionSchema = z.object({
  version: text("version label", 40, { singleLine: true }),
  effectiveFrom: isoDate("date the new version applies from"),
});
export type NewFrameworkVersionInput = z.input<typeof newFrameworkVersionSchema>;
