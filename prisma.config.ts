import { defineConfig } from "prisma/config";
import { cliAdapter } from "./prisma/cli-adapter";

// Prisma 6.19 with the JavaScript schema engine: no native engine is downloaded
// (this machine cannot reach Prisma's binary host). See docs/decisions/0001.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: cliAdapter,
});
