import { cookies } from "next/headers";
import { PENDING_COOKIE, signInWithEnrolment } from "@/lib/auth/sign-in-flow";
import { signInFailure, signInJson, signInMeta } from "@/lib/auth/sign-in-response";
import { readJson } from "@/lib/api/route";

// POST { code }: confirms the two-factor set-up a sign-in required; answers
// with the session cookie and the recovery codes, shown once.
export async function POST(request: Request) {
  try {
    const token = (await cookies()).get(PENDING_COOKIE)?.value;
    const { recoveryCodes, ...session } = await signInWithEnrolment(
      token,
      await readJson(request),
      signInMeta(request),
    );
    return signInJson({ kind: "session", ...session }, { recoveryCodes });
  } catch (error) {
    return signInFailure(error);
  }
}
