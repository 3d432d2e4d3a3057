import { defineConfig } from "@playwright/test";

// End-to-end tests drive the real app (`next start` behind scripts/start.ts,
// with the demo world in a fresh embedded database) in Debian's headless
// Chromium. `npm test` builds the app first; Playwright never downloads a browser.
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
/** The test mailbox (tests/support/mailbox.ts) that accounts.spec.ts starts: the app sends its emails there. */
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 9);
/** The local OpenID provider that sso.spec.ts starts (tests/support/oidc-provider.ts): the app's single sign-on goes there. */
export const oidcPort = Number(process.env.E2E_OIDC_PORT ?? port + 8);
export const ssoProvider = {
  id: "pop",
  label: "Positive Outcomes Project",
  organisation: "Positive Outcomes Project",
  issuer: `http://127.0.0.1:${oidcPort}`,
  clientId: "placement-tracker-e2e",
  clientSecret: "e2e-client-secret-not-for-production",
};

export default defineConfig({
  testDir: "tests/e2e",
  // The accessibility crawl (every page of every role at two widths) runs as its own CI step with several
  // workers (`npm run test:a11y`, .ci/run step 1a), not in `npm test`'s single worker.
  testIgnore: process.env.A11Y_CRAWL ? [] : ["**/accessibility.spec.ts"],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "rm -rf data/e2e && tsx scripts/start.ts --demo",
    url: `${baseURL}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      PGLITE_DIR: "data/e2e/pglite",
      APP_URL: baseURL,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // Offered, never required: the specs sign in with a password, and accounts.spec.ts sets up two-factor
      // sign-in for a person it invites and signs in with a code.
      MFA_POLICY: "optional",
      SSO_PROVIDERS: JSON.stringify([ssoProvider]),
      DATABASE_URL: "",
      // The reminders job route (tests/e2e/reminders-job.spec.ts); the built-in daily timer stays off so it never fires mid-run.
      REMINDER_JOB_SECRET: "e2e-reminder-job-secret-not-for-production",
      REMINDERS_AT: "off",
    },
  },
});
