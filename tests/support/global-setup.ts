import { buildPgliteTemplate, buildPostgresTemplate } from "./template";

/** Migrates the template once per run; every database test file then starts from a copy. */
export default async function globalSetup() {
  if (process.env.TEST_POSTGRES_URL) await buildPostgresTemplate(process.env.TEST_POSTGRES_URL);
  else await buildPgliteTemplate();
}
