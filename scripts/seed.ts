// Fills an empty database with the demo world and prints the demo sign-ins.
// Used by `npm run demo`; on its own: `npm run db:seed` (DATABASE_URL must be set).
import { DEMO_PASSWORD, seedDemoWorld } from "../prisma/seed/demo-world";
import { disconnectDb, getDb } from "../lib/db";
import { ROLE_LABELS, type RoleName } from "../lib/validations/user";
import { backfillProgressReadModel } from "./progress-backfill";

export async function seedDemoIfEmpty() {
  const db = getDb();
  const users = await db.user.findMany({
    select: { name: true, email: true, role: true },
    orderBy: [{ role: "asc" }, { name: "asc" }],
  });
  let signIns = users;
  if (users.length === 0) {
    console.log("Creating the demo world…");
    signIns = (await seedDemoWorld(db)) as typeof users;
  }
  console.log("\nDemo sign-ins (for the demo only — every account's password is the same):");
  console.log(`  password: ${DEMO_PASSWORD}`);
  const seen = new Set<string>();
  for (const user of signIns) {
    // One of each role is enough to try the app; students are many.
    if (user.role === "STUDENT" && seen.has("STUDENT")) continue;
    seen.add(user.role);
    console.log(`  ${ROLE_LABELS[user.role as RoleName].padEnd(38)} ${user.email}`);
  }
  console.log("");
  await disconnectDb();
  // The seed writes straight into the tables, not through the write path: fill the read model once.
  if (users.length === 0) console.log(await backfillProgressReadModel(process.env.DATABASE_URL!));
}

if (process.argv[1]?.endsWith("seed.ts")) {
  seedDemoIfEmpty().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
