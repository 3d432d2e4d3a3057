import { z } from "zod";

export const signInSchema = z.object({
  email: z.email({ error: "Enter your email address" }).max(254, "Enter your email address"),
  password: z.string().min(1, "Enter your password").max(200, "Enter your password"),
});
export type SignInInput = z.input<typeof signInSchema>;
