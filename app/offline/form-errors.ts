import type { z } from "zod";

/** The first message per field of a failed parse, as the offline forms show them beside each field. */
export function firstErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The server's field errors (a refused item) in the same shape. */
export function serverErrors(fields?: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([field, messages]) => [field, messages[0] ?? ""]));
}
