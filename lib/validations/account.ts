import { z } from "zod";
import { hasBrokenCharacters } from "@/lib/validations/common";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-limits";

// The forms of a person's own account. The strength check (lib/auth/password-policy.ts)
// runs on the server only: its dictionaries are too big to send to every browser.

export const newPassword = z
  .string({ error: "Enter a new password" })
  .refine((value) => !hasBrokenCharacters(value), "The password contains a character that cannot be used")
  .pipe(
    z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(MAX_PASSWORD_LENGTH, `Use ${MAX_PASSWORD_LENGTH} characters or fewer`),
  );

const repeated = <T extends z.ZodObject<{ newPassword: typeof newPassword; confirmPassword: z.ZodString }>>(
  schema: T,
) =>
  schema.refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords are not the same",
  });

export const changePasswordSchema = repeated(
  z.object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(200),
    newPassword,
    confirmPassword: z.string().max(MAX_PASSWORD_LENGTH),
  }),
);
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const setPasswordSchema = repeated(
  z.object({ newPassword, confirmPassword: z.string().max(MAX_PASSWORD_LENGTH) }),
);
export type SetPasswordInput = z.input<typeof setPasswordSchema>;
