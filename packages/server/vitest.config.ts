import { defineProject } from "vitest/config"

// Each test file starts its own real better-auth servers (test/server.ts): nothing is shared.
export default defineProject({
  test: {
    name: "server",
    environment: "node",
    testTimeout: 20_000,
    include: ["test/**/*.test.ts"],
  },
})
