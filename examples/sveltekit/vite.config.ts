import { sveltekit } from "@sveltejs/kit/vite"
import { defineConfig } from "vite"

export default defineConfig({
  plugins: [sveltekit()],
  // The server imports these from node_modules at run time (better-sqlite3 is a native module).
  ssr: { external: ["better-auth", "better-sqlite3", "pg"] },
  // The dev server may read the shared styles and components next door (../shared, ../svelte).
  server: { fs: { allow: [".."] } },
})
