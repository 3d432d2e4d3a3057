import { ZodError, type z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

// One error model for pages, server actions and the API (docs/decisions/0006-error-model.md).
// lib/ throws an AppError of a kind; the kind alone decides the HTTP status,
// and every error body is { error: { code, message, fields?, details? } }.

/** The kinds of error a user or a client can cause, and the status each is answered with. */
export const ERROR_STATUS = {
  /** The request itself is malformed: not JSON, the wrong content type. */
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  /** A stale version, a duplicate, or a state that no longer allows the change. */
  conflict: 409,
  too_large: 413,
  /** Well-formed input that breaks a rule: always with a message per field where one applies. */
  validation: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorKind = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

/** An error the user may read: a kind (hence a status) and a message written for them. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.kind];
  }
}

export const CHECK_FIELDS = "Check the highlighted fields.";

export const notFound = (what = "That record") =>
  new AppError("not_found", `${what} was not found, or you do not have access to it.`);
export const forbidden = (message = "You do not have permission to do that.") => new AppError("forbidden", message);
export const unauthenticated = () => new AppError("unauthenticated", "Sign in to continue.");
export const conflict = (message: string, details?: unknown) => new AppError("conflict", message, undefined, details);
export const badRequest = (message: string) => new AppError("bad_request", message);
export const tooLarge = (message = "The request is too large.") => new AppError("too_large", message);
export const unavailable = (
  message = "The service is temporarily unavailable. Nothing was saved: try again in a minute.",
) => new AppError("unavailable", message);

/** A rule broken by one field's value: a 422 with the message beside that field. */
export const fieldError = (field: string, message: string, summary = CHECK_FIELDS) =>
  new AppError("validation", summary, { [field]: [message] });

/** A rule broken by the input as a whole, or by several fields at once. */
export const invalid = (message: string, fieldErrors?: FieldErrors) => new AppError("validation", message, fieldErrors);

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

// PostgreSQL refusals that only bad input can cause. Schemas refuse these
// values first; this is the backstop, so a gap in a schema is a 422, not a 500.
const INPUT_SQLSTATES: Record<string, string> = {
  "22021": "The text contains a character that cannot be stored (such as a NUL).",
  "22P05": "The text contains a character that cannot be stored (such as a NUL).",
  "22008": "A date or time is out of range.",
  "22007": "A date or time is not valid.",
  "22003": "A number is out of range.",
  "22001": "A value is too long.",
  "22P02": "A value is not in the expected format.",
  "54000": "The request is too large.",
};

/** PostgreSQL's SQLSTATE of an error from the driver, the adapter or Prisma, if there is one. */
function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; meta?: { code?: unknown }; cause?: unknown; originalCode?: unknown };
    for (const code of [candidate.originalCode, candidate.meta?.code, candidate.code]) {
      // Prisma's own codes (P1000–P6999) look like SQLSTATEs but are not.
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !/^P[1-6]\d{3}$/.test(code)) return code;
    }
    current = candidate.cause;
  }
  return undefined;
}

/** Errors that mean the database cannot be reached right now: the user should try again, not read a stack trace. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    ["P1001", "P1002", "P1017", "P2024"].includes(error.code)
  )
    return true;
  const state = sqlStateOf(error);
  if (state && (state.startsWith("08") || state === "57P01" || state === "57P03")) return true;
  return /ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|the database system is (starting up|shutting down)/i.test(
    text,
  );
}

/** Maps anything thrown by lib/ to an AppError, or null for a genuine server fault. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError("validation", CHECK_FIELDS, fieldErrorsOf(error));
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      const target = (error.meta?.target as string[] | string | undefined) ?? "";
      const fields = Array.isArray(target) ? target : [target];
      return new AppError(
        "conflict",
        "That already exists.",
        Object.fromEntries(fields.filter(Boolean).map((field) => [field, ["Already in use."]])),
      );
    }
    if (error.code === "P2025") return notFound();
    if (error.code === "P2003") return invalid("A record it refers to does not exist.");
    if (error.code === "P2000") return invalid("A value is too long.");
  }
  if (isDatabaseUnavailable(error)) return unavailable();
  const state = sqlStateOf(error);
  if (state && INPUT_SQLSTATES[state]) return invalid(INPUT_SQLSTATES[state]);
  return null;
}

/** The body every error is answered with, in the API and in server actions alike. */
export function errorBody(error: AppError) {
  return {
    error: {
      code: error.kind,
      message: error.message,
      ...(error.fieldErrors ? { fields: error.fieldErrors } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
    },
  };
}

/**
 * Parses a user's input with the zod schema that also drives the form: what
 * fails is a 422 with a message beside each field, never a 500.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("validation", CHECK_FIELDS, fieldErrorsOf(result.error));
  return result.data;
}
