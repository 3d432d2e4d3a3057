import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/unit/**/*.test.ts?(x)", "<rootDir>/tests/db/**/*.test.ts", "<rootDir>/lib/**/*.test.ts"],
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/support/empty-module.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
  setupFilesAfterEnv: ["<rootDir>/tests/support/jest-setup.ts"],
  globalSetup: "<rootDir>/tests/support/global-setup.ts",
  testTimeout: 30_000,
};

export default createJestConfig(config);
