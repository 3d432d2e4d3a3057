import { z } from "zod";
// Sets zod to run without eval (the CSP forbids it) before this form's schema is first used: lib/validations/common.ts.
import "@/lib/validations/common";

export const signInSchema = z.object({
  email: z.email({ error: "Enter your email address" }).max(254, "Enter your email address"),
  password: z.string().min(1, "Enter your password").max(200, "Enter your password"),
});
export type SignInInput = z.input<typeof signInSchema>;

/** The one message every sign-in failure shows, so the page never reveals which emails have accounts. */
export const SIGN_IN_FAILURE =
  "The email or password is not right, or this account is temporarily locked after repeated attempts. Try again in a few minutes.";
