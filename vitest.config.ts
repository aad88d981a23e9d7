import { defineConfig } from "vitest/config";

/** Three tiers by file suffix: unit beside the code, API against a real database, journeys in Chromium. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts"],
          exclude: ["**/*.api.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        test: {
          name: "api",
          include: ["packages/*/src/**/*.api.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.spec.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
