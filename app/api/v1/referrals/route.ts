import { apiRoute, json, readJson } from "@/lib/api/route";
import { recordReferral } from "@/lib/children/referrals";

// POST /api/v1/referrals – record a referral for a child (team manager)
export const POST = apiRoute(async ({ user, request }) =>
  json(await recordReferral(user, await readJson(request)), 201),
);
