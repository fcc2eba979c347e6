import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "es2022",
  // Server code for any runtime better-auth runs on (Node, Bun, Deno, workers): no Node built-ins.
  platform: "neutral",
})
