import { defineConfig } from "vitest/config"

// One project per package; each starts its own real auth server (test/global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      "packages/*",
      "packages/solid/vitest.ssr.config.ts",
      "packages/core/vitest.scale-out.config.ts",
    ],
  },
})
