import { cookies } from "next/headers";
import { PENDING_COOKIE, signInWithSecondFactor } from "@/lib/auth/sign-in-flow";
import { signInFailure, signInJson, signInMeta } from "@/lib/auth/sign-in-response";
import { readJson } from "@/lib/api/route";

// POST { code } or { recoveryCode }: the sign-in's second step (lib/auth/sign-in-flow.ts).
export async function POST(request: Request) {
  try {
    const token = (await cookies()).get(PENDING_COOKIE)?.value;
    const session = await signInWithSecondFactor(token, await readJson(request), signInMeta(request));
    return signInJson({ kind: "session", ...session });
  } catch (error) {
    return signInFailure(error);
  }
}
