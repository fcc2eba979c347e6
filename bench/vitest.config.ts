import { defineConfig } from "vitest/config"

// The bench's own run: requests, renders and memory against the real auth server, in
// happy-dom. Not one of the root projects (those are packages/*), so `vitest run` skips it.
export default defineConfig({
  resolve: {
    // Svelte's client runtime (mount/unmount), not its server build.
    conditions: ["browser"],
  },
  test: {
    name: "bench",
    root: import.meta.dirname,
    environment: "happy-dom",
    globalSetup: ["../test/global-setup.ts"],
    include: ["**/*.bench-run.{ts,tsx}"],
    // One file at a time on two cores: counts do not care, but the heap figures do.
    fileParallelism: false,
    execArgv: ["--expose-gc"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})
