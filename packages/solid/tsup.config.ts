import { defineConfig } from "tsup"

// Written without JSX (createComponent), so plain esbuild builds it for every Solid target.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
})
