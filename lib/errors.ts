import { ZodError, type z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

export type FieldErrors = Record<string, string[]>;

/** An error the user may read: a status and a message written for them. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "That record") =>
  new AppError(404, `${what} was not found, or you do not have access to it.`);
export const forbidden = (message = "You do not have permission to do that.") => new AppError(403, message);
export const unauthenticated = () => new AppError(401, "Sign in to continue.");
export const conflict = (message: string, details?: unknown) => new AppError(409, message, undefined, details);

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Maps anything thrown by lib/ to an AppError, or null for a genuine server fault. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError(400, "Check the highlighted fields.", fieldErrorsOf(error));
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      const target = (error.meta?.target as string[] | string | undefined) ?? "";
      const fields = Array.isArray(target) ? target : [target];
      return new AppError(
        409,
        "That already exists.",
        Object.fromEntries(fields.filter(Boolean).map((field) => [field, ["Already in use."]])),
      );
    }
    if (error.code === "P2025") return notFound();
    if (error.code === "P2003") return new AppError(400, "A record it refers to does not exist.");
  }
  return null;
}

/**
 * Parses a user's input with the zod schema that also drives the form: what
 * fails is a 422 with a message beside each field, never a 500.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError(422, "Check the highlighted fields.", fieldErrorsOf(result.error));
  return result.data;
}
