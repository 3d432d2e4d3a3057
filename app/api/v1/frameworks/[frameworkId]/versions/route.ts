import { apiRoute, json, readJson } from "@/lib/api/route";
import { addFrameworkVersion } from "@/lib/frameworks/frameworks";

// POST /api/v1/frameworks/:frameworkId/versions – admin: a new version copied from this (latest) one
export const POST = apiRoute<{ frameworkId: string }>(async ({ user, request, params }) =>
  json(await addFrameworkVersion(user, params.frameworkId, await readJson(request)), 201),
);
