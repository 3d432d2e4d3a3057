import { z } from "zod";

export const forgotPasswordSchema = z.object({
  email: z.email({ error: "Enter your email address" }).max(254, "Enter your email address"),
});
