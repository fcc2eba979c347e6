import { fileURLToPath } from "node:url"
import vue from "@vitejs/plugin-vue"
import { defineProject } from "vitest/config"

export default defineProject({
  plugins: [vue()],
  // Tests run against core's source, so no build is needed first.
  resolve: {
    alias: {
      "@multisession/core": fileURLToPath(new URL("../core/src/index.ts", import.meta.url)),
    },
  },
  test: {
    name: "vue",
    environment: "happy-dom",
    globalSetup: ["../../test/global-setup.ts"],
    setupFiles: ["../../test/settle-unmounts.ts"],
    include: ["test/**/*.test.ts"],
    // vue-tsc over this package only: it reads the SFCs, which the root tsc cannot.
    typecheck: {
      enabled: true,
      checker: "vue-tsc",
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
})
