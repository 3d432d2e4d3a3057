import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { exportChildRecord } from "@/lib/children/data-protection";

// GET /api/v1/children/:id/export – everything held about the child, as a JSON download (subject access; team manager; audited)
export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  const record = await exportChildRecord(user, params.id);
  return new NextResponse(JSON.stringify(record, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="child-${record.child.code}-subject-access.json"`,
      "Cache-Control": "no-store",
    },
  });
});
