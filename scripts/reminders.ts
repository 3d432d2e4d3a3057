// Runs the daily reminders job once and prints its summary:
//
//   DATABASE_URL=postgresql://… npm run reminders
//
// Safe to run at any time, again, or while the app runs its own timer: each
// person gets at most one reminder per item per day. For the embedded database
// (no DATABASE_URL), which only the running server may open, call
// POST /api/v1/jobs/reminders instead (docs/api.md).
//
// Run with `tsx --conditions=react-server` (as the npm script does): lib/ marks
// its modules server-only, and this is the server side.
import { runReminders } from "../lib/reminders/run-reminders";
import { disconnectDb } from "../lib/db";

process.env.CHECKPOINT_DISABLE = "1";
process.env.PRISMA_HIDE_UPDATE_MESSAGE = "1";

async function main() {
  if (!process.env.DATABASE_URL) {
    throw new Error(
      "Set DATABASE_URL to the app's PostgreSQL. With the embedded database, call POST /api/v1/jobs/reminders on the running app instead.",
    );
  }
  const summary = await runReminders();
  console.log(JSON.stringify(summary));
}

main()
  .then(() => disconnectDb())
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await disconnectDb().catch(() => undefined);
    process.exit(1);
  });
