import { fileURLToPath } from "node:url"
import { defineProject } from "vitest/config"

// Server rendering in Node, with Solid's server build (the "node" export condition), so
// without Solid's Vite plugin, which resolves the browser build for tests. No JSX here.
export default defineProject({
  resolve: {
    alias: {
      "@multisession/core": fileURLToPath(new URL("../core/src/index.ts", import.meta.url)),
    },
  },
  test: {
    name: "solid-ssr",
    environment: "node",
    globalSetup: ["../../test/global-setup.ts"],
    include: ["test/**/*.ssr.test.ts"],
  },
})
