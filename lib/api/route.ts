import "server-only";
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError, toAppError } from "@/lib/errors";
import { parseAuthorizationHeader } from "@/lib/api-tokens/token-format";
import { rateLimitFromEnv } from "@/lib/api-tokens/rate-limit-rules";
import { authenticateApiToken, countApiTokenRequest } from "@/lib/api-tokens/api-tokens";

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

export function errorResponse(error: AppError) {
  return json(
    {
      error: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error.details ? { details: error.details } : {}),
    },
    error.status,
  );
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
 * The user a Bearer request acts as, or the response refusing it. Only a GET
 * on a route flagged `apiToken` gets as far as the database; unknown, revoked
 * and expired tokens get one answer, so a caller learns nothing about which.
 */
async function userOfBearer(
  request: Request,
  token: string,
  options: ApiRouteOptions,
): Promise<SessionUser | Response> {
  if (request.method !== "GET" && request.method !== "HEAD") return json({ error: API_TOKEN_MESSAGES.readOnly }, 403);
  if (!options.apiToken) return withHeaders(json({ error: API_TOKEN_MESSAGES.routeRefuses }, 401), bearerChallenge);
  const authenticated = await authenticateApiToken(token);
  if (!authenticated)
    return withHeaders(json({ error: API_TOKEN_MESSAGES.invalid }, 401), {
      "WWW-Authenticate": 'Bearer realm="placement-tracker", error="invalid_token"',
    });
  const limit = rateLimitFromEnv(process.env.API_TOKEN_RATE_LIMIT);
  const decision = await countApiTokenRequest(authenticated.tokenId, limit);
  if (!decision.allowed) {
    return withHeaders(
      json(
        {
          error: `Too many requests with this API token: the limit is ${limit} a minute. Try again in ${decision.retryAfterSeconds} seconds.`,
        },
        429,
      ),
      { "Retry-After": String(decision.retryAfterSeconds) },
    );
  }
  return authenticated.user;
}

export function apiRoute<P = Record<string, never>>(handler: Handler<P>, options: ApiRouteOptions = {}) {
  return async (request: Request, context: Context<P>) => {
    try {
      // A Bearer header decides alone: the browser's session cookie is ignored.
      const authorization = parseAuthorizationHeader(request.headers.get("authorization"));
      let user: SessionUser | null;
      if (authorization.kind === "bearer") {
        const resolved = await userOfBearer(request, authorization.token, options);
        if (resolved instanceof Response) return resolved;
        user = resolved;
      } else {
        user = await getCurrentUser();
      }
      if (!user) return json({ error: "Sign in to continue." }, 401);
      const result = await handler({ user, request, params: await context.params });
      return result instanceof Response ? result : json(result);
    } catch (error) {
      const appError = toAppError(error);
      if (appError) return errorResponse(appError);
      console.error(`${request.method} ${new URL(request.url).pathname} failed`, error);
      return json({ error: "Something went wrong on our side. Nothing was saved." }, 500);
    }
  };
}

/**
 * The request's JSON body. Only `application/json` is accepted: a cross-site
 * HTML form cannot send it without a CORS preflight, which closes the
 * classic CSRF route to these cookie-authenticated endpoints.
 */
export async function readJson(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new AppError(400, "Send the body as JSON with Content-Type: application/json.");
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError(413, "The request body is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, "The request body is not valid JSON.");
  }
}

export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}
