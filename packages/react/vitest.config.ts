import { fileURLToPath } from "node:url"
import { defineProject } from "vitest/config"

export default defineProject({
  resolve: {
    // Tests run against core's source, so they need no build.
    alias: {
      "@multisession/core": fileURLToPath(new URL("../core/src/index.ts", import.meta.url)),
    },
  },
  test: {
    name: "react",
    environment: "happy-dom",
    globalSetup: ["../../test/global-setup.ts"],
    setupFiles: ["../../test/settle-unmounts.ts"],
    include: ["test/**/*.test.{ts,tsx}"],
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.{ts,tsx}"],
      tsconfig: "./tsconfig.json",
    },
  },
})
