import { getCurrentUser } from "@/lib/auth/current-user";
import { json } from "@/lib/api/route";

/** Who this request's session belongs to, or null: for scripts and tests that sign in over HTTP. */
export async function GET() {
  const user = await getCurrentUser();
  return json({ user: user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null });
}
