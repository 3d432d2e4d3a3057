import { z } from "zod";
import { boundedInt, notes, optionalIsoDate } from "@/lib/validations/common";

export const registerEntrySchema = z.object({
  /** "" for "not known". */
  pepsStage: z.enum(["STAGE_1", "STAGE_2", ""], { error: "Choose the PEPS stage" }).transform((value) => value || null),
  qualifiedOn: optionalIsoDate("date qualified"),
  lastRefresherOn: optionalIsoDate("date of the last refresher training"),
  capacity: boundedInt("number of students at once", 0, 6, { acceptText: true }),
  notes: notes("notes", 2000),
  /** 0 when the practice educator has no entry yet. */
  version: z.number().int().min(0).max(2_147_483_647),
});
export type RegisterEntryInput = z.input<typeof registerEntrySchema>;
