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

/**
 * One field of a raw body, when it holds one of `choices` (else null). Read
 * before the body is checked, for a permission that depends on it (which
 * part of an observation, who signs): the body's own check follows.
 */
export function choiceIn<const Choice extends string>(
  body: unknown,
  field: string,
  choices: readonly Choice[],
): Choice | null {
  if (typeof body !== "object" || body === null || !Object.hasOwn(body, field)) return null;
  const value: unknown = Reflect.get(body, field);
  return choices.find((choice) => choice === value) ?? null;
}
