import { fileURLToPath } from "node:url"
import solid from "vite-plugin-solid"
import { defineProject } from "vitest/config"

export default defineProject({
  // The tests' JSX is compiled by Solid's own compiler; the package itself has none.
  plugins: [solid()],
  resolve: {
    // Tests run against core's source, so they need no build.
    alias: {
      "@multisession/core": fileURLToPath(new URL("../core/src/index.ts", import.meta.url)),
    },
  },
  test: {
    name: "solid",
    environment: "happy-dom",
    globalSetup: ["../../test/global-setup.ts"],
    setupFiles: ["../../test/settle-unmounts.ts"],
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["test/**/*.ssr.test.ts"],
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.{ts,tsx}"],
      tsconfig: "./tsconfig.json",
    },
  },
})
