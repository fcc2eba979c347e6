import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "core",
    testTimeout: 15_000,
    environment: "happy-dom",
    globalSetup: ["../../test/global-setup.ts"],
    setupFiles: ["../../test/settle-unmounts.ts"],
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
})
