import { z } from "zod";

/**
 * An object of exactly these fields: a misspelt or smuggled field (a status,
 * an author, `__proto__`) is a 422 naming it, never dropped quietly.
 */
export function knownFields<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown ${issue.keys.length === 1 ? "field" : "fields"}: ${issue.keys.slice(0, 5).join(", ")}`
        : "Send the details as an object of fields",
  });
}
