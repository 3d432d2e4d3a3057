import { defineConfig } from "@playwright/test";
import baseConfig from "./playwright.config";
import { TWO_INSTANCE_PORTS } from "./tests/e2e-two-instances/launch";

// The two-instance run (docs/operations.md#several-instances): the same built
// app started twice, A and B, on one PostgreSQL, requests alternating between
// them. Needs a PostgreSQL server (TWO_INSTANCES_POSTGRES_URL, default the
// local one): `npx playwright test -c playwright.two-instances.config.ts` after `next build`.
const [portA, portB] = TWO_INSTANCE_PORTS;

export default defineConfig({
  ...baseConfig,
  testDir: "tests/e2e-two-instances",
  reporter: [["list"], ["json", { outputFile: "test-results/playwright-two-instances.json" }]],
  use: { ...baseConfig.use, baseURL: `http://localhost:${portA}` },
  webServer: {
    command: "node --import tsx tests/e2e-two-instances/launch.ts",
    url: `http://localhost:${portB}/api/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      E2E_PORT_A: String(portA),
      E2E_PORT_B: String(portB),
      MFA_POLICY: "off",
      REMINDER_JOB_SECRET: "two-instances-reminder-secret-not-for-production",
      REMINDERS_AT: "off",
      LOG_FORMAT: "json",
      NODE_ENV: "production",
    },
  },
});
