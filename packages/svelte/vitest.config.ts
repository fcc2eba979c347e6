import { fileURLToPath } from "node:url"
import { svelte } from "@sveltejs/vite-plugin-svelte"
import { svelteTesting } from "@testing-library/svelte/vite"
import { defineProject } from "vitest/config"

export default defineProject({
  plugins: [svelte(), svelteTesting()],
  // Tests run against the sources, so a change needs no build first.
  resolve: {
    alias: {
      "@multisession/core": fileURLToPath(new URL("../core/src/index.ts", import.meta.url)),
      "@multisession/svelte": fileURLToPath(new URL("./src/index.ts", import.meta.url)),
    },
  },
  test: {
    name: "svelte",
    environment: "happy-dom",
    globalSetup: ["../../test/global-setup.ts"],
    setupFiles: ["../../test/settle-unmounts.ts"],
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
})
