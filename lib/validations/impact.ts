import { z } from "zod";
import { addYears } from "@/lib/dates";
import { isoDate } from "@/lib/validations/common";

/** The longest period one impact report covers: five years (a school's longest look back is a key stage or two). */
export const MAX_IMPACT_YEARS = 5;

/** The impact report's filters, from the page's query string, the CSV's and the PDF's. */
export const impactFiltersSchema = z
  .object({
    from: isoDate("start of the period"),
    to: isoDate("end of the period"),
    /** "shared": as the council's leadership and the schools see it, small numbers hidden. */
    audience: z.enum(["team", "shared"], { error: "Choose who the report is for" }).default("team"),
  })
  .refine((value) => value.to >= value.from, {
    path: ["to"],
    message: "The end of the period cannot be before its start",
  })
  .refine((value) => value.to <= addYears(value.from, MAX_IMPACT_YEARS), {
    path: ["to"],
    message: `A report covers at most ${MAX_IMPACT_YEARS} years: choose a shorter period`,
  });

export type ImpactFilters = z.output<typeof impactFiltersSchema>;
