import { defineProject } from "vitest/config"

// Core's tests as `pnpm mutation` runs them for each mutant: the same real-server tests,
// without the 200-sequence model test (a soak, run by `pnpm soak`) and the type tests.
export default defineProject({
  test: {
    name: "core",
    root: import.meta.dirname,
    testTimeout: 15_000,
    environment: "happy-dom",
    globalSetup: ["../../test/global-setup.ts"],
    include: ["test/**/*.test.ts"],
    exclude: ["test/model.test.ts"],
    pool: "forks",
  },
})
