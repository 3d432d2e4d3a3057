import "server-only";
import { toAppError, type ErrorKind, type FieldErrors } from "@/lib/errors";

/** What every server action returns: plain data the client form can show. */
export type ActionResult<T = unknown> =
  | { ok: true; data: T }
  | {
      ok: false;
      status: number;
      code: ErrorKind | "internal";
      message: string;
      fieldErrors?: FieldErrors;
      details?: unknown;
    };

/**
 * Runs one user action and turns a user's mistake into a message (never a
 * 500). Anything unexpected is logged and answered generically: its details
 * could leak data.
 */
export async function runAction<T>(action: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await action() };
  } catch (error) {
    const appError = toAppError(error);
    if (appError)
      return {
        ok: false,
        status: appError.status,
        code: appError.kind,
        message: appError.message,
        fieldErrors: appError.fieldErrors,
        details: appError.details,
      };
    console.error("Server action failed", error);
    return {
      ok: false,
      status: 500,
      code: "internal",
      message: "Something went wrong on our side. Nothing was saved; please try again.",
    };
  }
}
