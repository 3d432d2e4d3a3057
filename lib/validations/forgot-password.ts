import { z } from "zod";
// Sets zod to run without eval (the CSP forbids it) before this form's schema is first used: lib/validations/common.ts.
import "@/lib/validations/common";

export const forgotPasswordSchema = z.object({
  email: z.email({ error: "Enter your email address" }).max(254, "Enter your email address"),
});
