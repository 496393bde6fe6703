import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "src/generated/**",
    "node_modules/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "public/sw.js",
  ]),
  {
    // The app reads configuration only through the validated env module (house style).
    files: ["app/**/*.{ts,tsx}", "src/**/*.{ts,tsx}"],
    ignores: ["src/server/env.ts", "src/server/db/client.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through src/server/env.ts" },
      ],
    },
  },
  {
    // One transaction helper (docs/decisions/0080): the time limits and rollback rule live there.
    files: ["app/**/*.{ts,tsx}", "src/**/*.{ts,tsx}"],
    ignores: ["src/server/db/transaction.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name='$transaction']",
          message: "Run it through src/server/db/transaction.ts (inTransaction in a service).",
        },
      ],
    },
  },
  {
    // Domain rules stay pure: no database, no framework.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["@/server/*", "@/generated/*", "next", "next/*", "react", "@prisma/*"] },
      ],
    },
  },
  {
    // Pages and routes never reach the database: queries and services own the client.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/db/*", "@/generated/prisma/*"],
              message:
                "Read through a function in src/server/queries or src/server/services; they own the database client.",
            },
          ],
        },
      ],
    },
  },
  {
    // Shared UI components render what they are given; they do not reach server code. Types are
    // allowed (they vanish at build time). Two components still read server values; see CONTRIBUTING.md.
    files: ["src/ui/**/*.{ts,tsx}"],
    ignores: ["src/ui/app-frame.tsx", "src/ui/service-header.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*"],
              allowTypeImports: true,
              message: "UI components take data as props; load it in the page.",
            },
          ],
        },
      ],
    },
  },
  {
    // Every journey runs under the automatic axe scan: specs take test and expect from the fixture
    // (tests/e2e/fixtures.ts, docs/decisions/0100-axe-fixture.md). Types may still come from Playwright.
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              allowTypeImports: true,
              message: "Import test and expect from ./fixtures: it scans every page with axe.",
            },
          ],
        },
      ],
    },
  },
]);
