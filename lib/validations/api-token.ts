import { z } from "zod";
import { id, optionalText, text } from "@/lib/validations/common";
import { addDays, isValidIsoDate, todayInUk } from "@/lib/dates";

/** A university API token lasts 90 days unless the admin chooses otherwise, and never more than a year. */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

export const defaultTokenExpiry = (today = todayInUk()) => addDays(today, DEFAULT_TOKEN_DAYS);
export const latestTokenExpiry = (today = todayInUk()) => addDays(today, MAX_TOKEN_DAYS);

export const issueApiTokenSchema = z.object({
  universityId: id("university"),
  name: text("token's name", 100, { min: 2, singleLine: true }),
  /** The last day the token works (it stops at the end of that day, UTC); empty means 90 days from today. */
  expiresOn: z
    .string()
    .trim()
    .max(10, "Enter the expiry date as a real date (YYYY-MM-DD)")
    .nullish()
    .transform((value) => value || null)
    .refine((value) => value === null || isValidIsoDate(value), "Enter the expiry date as a real date (YYYY-MM-DD)")
    .refine(
      (value) => value === null || !isValidIsoDate(value) || value > todayInUk(),
      "The expiry date must be after today",
    )
    .refine(
      (value) => value === null || !isValidIsoDate(value) || value <= latestTokenExpiry(),
      `A token can last at most ${MAX_TOKEN_DAYS} days: choose an earlier expiry date`,
    ),
});

export type IssueApiTokenInput = z.input<typeof issueApiTokenSchema>;

export const revokeApiTokenSchema = z.object({
  reason: optionalText("reason", 500),
});

export type RevokeApiTokenInput = z.input<typeof revokeApiTokenSchema>;
