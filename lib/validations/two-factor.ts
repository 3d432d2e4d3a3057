import { z } from "zod";
// Sets zod to run without eval (the CSP forbids it) before these schemas are first used.
import "@/lib/validations/common";

// The forms of two-factor sign-in. A code is six digits (spaces allowed, as apps show "123 456").
const code = z
  .string({ error: "Enter the 6-digit code from your app" })
  .max(20, "Enter the 6-digit code from your app")
  .transform((value) => value.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your app"));

export const twoFactorCodeSchema = z.object({ code });
export type TwoFactorCodeInput = z.input<typeof twoFactorCodeSchema>;

export const recoveryCodeSchema = z.object({
  recoveryCode: z
    .string({ error: "Enter one of your recovery codes" })
    .trim()
    .min(12, "A recovery code looks like abcd-efgh-jkmn")
    .max(40, "A recovery code looks like abcd-efgh-jkmn"),
});

/** The sign-in's second step: a code from the app, or one of the recovery codes. */
export const secondFactorSchema = z.union([twoFactorCodeSchema, recoveryCodeSchema]);

export const turnOffTwoFactorSchema = z.object({
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(200),
  code,
});
export type TurnOffTwoFactorInput = z.input<typeof turnOffTwoFactorSchema>;
