import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "browser",
  // The provider and hook are client components for React Server Components (Next.js).
  banner: { js: '"use client"' },
})
