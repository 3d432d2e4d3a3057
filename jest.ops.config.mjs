import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

// The operational tests (tests/ops): the real app, started as `npm start`
// does, against throwaway PostgreSQL clusters and embedded databases — faults,
// shutdown, backups, logs. They need a built app (`next build`) and
// PostgreSQL's binaries, and run one at a time: `npm run test:ops`.
/** @type {import('jest').Config} */
const config = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/ops/**/*.test.ts"],
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/support/empty-module.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
  setupFilesAfterEnv: ["<rootDir>/tests/support/jest-setup.ts"],
  testTimeout: 240_000,
  maxWorkers: 1,
};

export default createJestConfig(config);
