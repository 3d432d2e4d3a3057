import { apiRoute, readJson } from "@/lib/api/route";
import { saveStudentReflection } from "@/lib/supervision/save-student-reflection";

// PUT /api/v1/supervision/:recordId/student-reflection – the student saves their reflection until they sign; the body names reflectionVersion (409 if stale)
export const PUT = apiRoute<{ recordId: string }>(async ({ user, request, params }) =>
  saveStudentReflection(user, params.recordId, await readJson(request)),
);
