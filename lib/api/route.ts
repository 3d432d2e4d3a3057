import "server-only";
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError, badRequest, errorBody, notFound, toAppError, tooLarge, unauthenticated } from "@/lib/errors";
import { parseAuthorizationHeader } from "@/lib/api-tokens/token-format";
import { rateLimitFromEnv } from "@/lib/api-tokens/rate-limit-rules";
import { authenticateApiToken, countApiTokenRequest } from "@/lib/api-tokens/api-tokens";
import { REPLAYED_HEADER, idempotencyKeyOf, withIdempotencyKey } from "@/lib/core/idempotency";

// Every /api/v1 route handler is wrapped in apiRoute: it resolves the
// signed-in user (401 without one) or, on routes flagged `apiToken`, the
// university API token of a Bearer header, runs the handler, and maps errors in one
// place — a user's mistake is a 4xx with a message and field errors, anything
// else a logged, generic 500.

type Context<P> = { params: Promise<P> };
type Handler<P> = (input: { user: SessionUser; request: Request; params: P }) => Promise<Response | object>;

const MAX_BODY_BYTES = 100_000;

export function json(body: unknown, status = 200) {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** A CSV download. The byte-order mark makes Excel read the file as UTF-8 (names with accents survive). */
export function csvResponse(filename: string, body: string) {
  return new Response(`\uFEFF${body}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** A PDF download. A student's assessment or a report: never kept by a shared cache or the browser's disk cache. */
export function pdfResponse(fileName: string, bytes: Buffer) {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}

export function errorResponse(error: AppError, headers: Record<string, string> = {}) {
  return withHeaders(json(errorBody(error), error.status), headers);
}

export type ApiRouteOptions = {
  /**
   * Read-only routes a university system may call with a university API token
   * (`Authorization: Bearer …`, issue 6). The token acts as a tutor of its
   * university, so every tutor access rule applies; routes without this flag
   * refuse tokens.
   */
  apiToken?: boolean;
};

export const API_TOKEN_MESSAGES = {
  routeRefuses: "This route does not accept API tokens.",
  readOnly: "API tokens are read-only: they can only make GET requests.",
  invalid: "The API token is not valid: check it, or ask the team manager for a new one.",
} as const;

const bearerChallenge = { "WWW-Authenticate": 'Bearer realm="placement-tracker"' };

function withHeaders(response: Response, headers: Record<string, string>) {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * The user a Bearer request acts as, or the error refusing it. Only a GET
 * on a route flagged `apiToken` gets as far as the database; unknown, revoked
 * and expired tokens get one answer, so a caller learns nothing about which.
 */
async function userOfBearer(request: Request, token: string, options: ApiRouteOptions): Promise<SessionUser> {
  if (request.method !== "GET" && request.method !== "HEAD")
    throw new AppError("forbidden", API_TOKEN_MESSAGES.readOnly);
  if (!options.apiToken)
    throw new HeaderedError(new AppError("unauthenticated", API_TOKEN_MESSAGES.routeRefuses), bearerChallenge);
  const authenticated = await authenticateApiToken(token);
  if (!authenticated)
    throw new HeaderedError(new AppError("unauthenticated", API_TOKEN_MESSAGES.invalid), {
      "WWW-Authenticate": 'Bearer realm="placement-tracker", error="invalid_token"',
    });
  const limit = rateLimitFromEnv(process.env.API_TOKEN_RATE_LIMIT);
  const decision = await countApiTokenRequest(authenticated.tokenId, limit);
  if (!decision.allowed) {
    throw new HeaderedError(
      new AppError(
        "rate_limited",
        `Too many requests with this API token: the limit is ${limit} a minute. Try again in ${decision.retryAfterSeconds} seconds.`,
      ),
      { "Retry-After": String(decision.retryAfterSeconds) },
    );
  }
  return authenticated.user;
}

/** An AppError answered with extra headers (a Bearer challenge, Retry-After). */
class HeaderedError extends Error {
  constructor(
    readonly error: AppError,
    readonly headers: Record<string, string>,
  ) {
    super(error.message);
  }
}

// Path segments are record ids (cuid), enum values or file names: a value
// outside this shape cannot name anything, and a NUL or a lone surrogate in it
// must never reach a query.
const SAFE_PARAM = /^[A-Za-z0-9._-]{1,100}$/;

function checkParams<P>(params: P): P {
  for (const value of Object.values(params ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((part) => typeof part !== "string" || !SAFE_PARAM.test(part))) throw notFound();
  }
  return params;
}

export function apiRoute<P = Record<string, never>>(handler: Handler<P>, options: ApiRouteOptions = {}) {
  return async (request: Request, context: Context<P>) => {
    try {
      // A Bearer header decides alone: the browser's session cookie is ignored.
      const authorization = parseAuthorizationHeader(request.headers.get("authorization"));
      const user =
        authorization.kind === "bearer"
          ? await userOfBearer(request, authorization.token, options)
          : await getCurrentUser();
      if (!user) throw unauthenticated();
      const params = checkParams(await context.params);
      // A write sent with an Idempotency-Key (the offline outbox) is done once however often it is sent
      // (lib/core/idempotency.ts); the command path claims the key in its transaction.
      const key = request.method === "GET" || request.method === "HEAD" ? null : idempotencyKeyOf(request);
      if (!key) {
        const result = await handler({ user, request, params });
        return result instanceof Response ? result : json(result);
      }
      const { value, replayed } = await withIdempotencyKey(
        key,
        `${request.method} ${new URL(request.url).pathname}`,
        () => handler({ user, request, params }),
      );
      const response = value instanceof Response ? value : json(value);
      if (replayed) response.headers.set(REPLAYED_HEADER, "true");
      return response;
    } catch (error) {
      if (error instanceof HeaderedError) return errorResponse(error.error, error.headers);
      const appError = toAppError(error);
      if (appError) return errorResponse(appError);
      console.error(`${request.method} ${new URL(request.url).pathname} failed`, error);
      return json(
        { error: { code: "internal", message: "Something went wrong on our side. Nothing was saved." } },
        500,
      );
    }
  };
}

/** Reads at most `max` bytes of a body, refusing more without reading it all (a huge body never fills memory). */
export async function readBodyText(request: Request, max = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) throw tooLarge(`The request body is larger than ${Math.round(max / 1000)} kB.`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(`The request body is larger than ${Math.round(max / 1000)} kB.`);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest("The request body is not valid UTF-8.");
  }
}

/**
 * The request's JSON body. Only `application/json` is accepted: a cross-site
 * HTML form cannot send it without a CORS preflight, and proxy.ts refuses a
 * foreign Origin besides.
 */
export async function readJson(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw badRequest("Send the body as JSON with Content-Type: application/json.");
  }
  const text = await readBodyText(request);
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}

export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}
