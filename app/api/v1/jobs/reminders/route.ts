import { errorResponse, json } from "@/lib/api/route";
import { AppError, toAppError } from "@/lib/errors";
import { checkJobAuthorization } from "@/lib/reminders/job-secret";
import { runReminders } from "@/lib/reminders/run-reminders";

// POST /api/v1/jobs/reminders — runs the daily reminders job once (docs/api.md).
// For a scheduler (cron, a Kubernetes CronJob): `Authorization: Bearer $REMINDER_JOB_SECRET`.
// Not an apiRoute: it has no user session and takes no university API token.
// Safe to call more than once a day and from several places at once: each
// person gets at most one reminder per item per day (lib/reminders/run-reminders.ts).

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const auth = checkJobAuthorization(request.headers.get("authorization"));
  if (auth === "not-configured") {
    return errorResponse(
      new AppError(
        "unavailable",
        "The reminders job is not enabled on this server: set REMINDER_JOB_SECRET to call it over HTTP.",
      ),
    );
  }
  if (auth === "unauthorised") {
    return errorResponse(
      new AppError("unauthenticated", "Send the job secret as `Authorization: Bearer <REMINDER_JOB_SECRET>`."),
    );
  }
  try {
    return json({ summary: await runReminders() });
  } catch (error) {
    const appError = toAppError(error);
    if (appError) return errorResponse(appError);
    console.error("POST /api/v1/jobs/reminders failed", error);
    return json(
      {
        error: {
          code: "internal",
          message: "The reminders job failed on our side and sent nothing. Run it again later.",
        },
      },
      500,
    );
  }
}
