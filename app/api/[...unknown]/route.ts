import { errorResponse } from "@/lib/api/route";
import { AppError } from "@/lib/errors";

// Any /api/ address no route answers (a typo, a removed route, "/api/v1/programmes/../goals/…"):
// a JSON 404 in the one error model, not the HTML "page not found" meant for people.
function noSuchRoute() {
  return errorResponse(
    new AppError("not_found", "There is no API route at this address: check it against docs/api.md."),
  );
}

export const GET = noSuchRoute;
export const HEAD = noSuchRoute;
export const POST = noSuchRoute;
export const PUT = noSuchRoute;
export const PATCH = noSuchRoute;
export const DELETE = noSuchRoute;
