import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Next's recommended rules, plus the layering the codebase keeps
// (docs/decisions/0008-layering.md): app → components → lib, nothing back up.
export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    "node_modules/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
    "bench-results/**",
    "next-env.d.ts",
  ]),
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib",
              from: "./components",
              message: "lib/ is below components/: move the shared piece into lib/.",
            },
            {
              target: "./lib",
              from: "./app",
              message: "lib/ is below app/: pages and actions call lib/, never the other way.",
            },
            {
              target: "./components",
              from: "./app",
              message: "components/ is below app/: pass what a component needs as props, or move it into components/.",
            },
          ],
        },
      ],
      // The React Compiler is not enabled here; this rule flags form handlers that read a ref when called, not during render.
      "react-hooks/refs": "off",
      "react-hooks/incompatible-library": "off",
      "import/no-cycle": ["error", { maxDepth: 3, ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Test helpers such as useTestDatabase() are not React hooks.
    files: ["tests/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
