import { defineProject } from "vitest/config"

// The model test's random sequences against two better-auth instances on PostgreSQL and
// Redis (test/global-setup-scale-out.ts): a short run in the test command; the full 200 run
// against SQLite in the "core" project.
export default defineProject({
  test: {
    name: "core-scale-out",
    testTimeout: 15_000,
    environment: "happy-dom",
    globalSetup: ["../../test/global-setup-scale-out.ts"],
    setupFiles: ["../../test/settle-unmounts.ts"],
    include: ["test/model.test.ts"],
    env: { MODEL_RUNS: "100" },
  },
})
