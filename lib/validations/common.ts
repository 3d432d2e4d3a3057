import { z } from "zod";
import { isValidIsoDate } from "@/lib/dates";

export const isoDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .refine(isValidIsoDate, `Enter the ${label} as a real date (YYYY-MM-DD)`);

export const id = (label: string) =>
  z
    .string({ error: `Choose the ${label}` })
    .trim()
    .min(1, `Choose the ${label}`)
    .max(64, `Unknown ${label}`);

/** A select whose "none" option submits "": stored as null. */
export const optionalId = (label: string) =>
  z
    .string()
    .trim()
    .max(64, `Unknown ${label}`)
    .nullish()
    .transform((value) => (value ? value : null));

export const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(min, min === 1 ? `Enter the ${label}` : `The ${label} needs at least ${min} characters`)
    .max(max, `The ${label} must be ${max} characters or fewer`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `The ${label} must be ${max} characters or fewer`)
    .nullish()
    .transform((value) => (value ? value : null));

export const version = z.number({ error: "The record's version is missing: reload the page" }).int().positive();
