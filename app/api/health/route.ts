import { NextResponse } from "next/server";

// GET /api/health – a trivial JSON answer that touches neither the session nor
// the database: a load balancer's liveness probe, and the benchmark's measure
// of what the framework alone can serve on the machine (npm run bench).
export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
